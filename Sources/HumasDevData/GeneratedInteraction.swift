/// One generated activity with its participants, co-organizers and follow-ups, determined by
/// the data set's seed and the activity's number alone (as a ``GeneratedContact`` is).
struct GeneratedInteraction: Sendable {
    struct Participant: Sendable {
        /// Index into the seed's ``ContactPool``.
        let contact: Int
        let role: String
        /// `nil` while the activity has not happened (planned, or cancelled before it did).
        let attended: Bool?
    }

    struct Followup: Sendable {
        let action: String
        let dueOn: CivilDate
        let doneOn: CivilDate?
    }

    let externalRef: String
    let unitID: Int
    let kind: String
    let mode: String
    let strategy: String
    let status: String
    let cancelReason: String?
    let title: String
    let place: String?
    let meetingURL: String?
    let outcome: String?
    /// Start and end as PostgreSQL reads a `timestamptz`: the unit's wall clock with its offset,
    /// `2025-10-14 09:00:00+07`.
    let startsAt: String
    let endsAt: String
    let audienceCount: Int
    let participants: [Participant]
    /// Units that held the activity with its owner.
    let coorganizerUnitIDs: [Int]
    let followups: [Followup]
}
