import Foundation
import Postgres

/// An activity (kegiatan) of an office: held, planned or cancelled, with its counts of
/// participants. Times are in the owning unit's zone.
public struct Interaction: Sendable, Codable, Hashable {
    public var id: Int64
    public var unitCode: String
    public var unitName: String
    /// WIB, WITA or WIT: the owning unit's zone, in which `startsAt` and `endsAt` are written.
    public var timeZone: String
    public var kind: InteractionKind
    public var mode: InteractionMode
    public var title: String
    public var startsAt: LocalTime
    public var endsAt: LocalTime?
    public var place: String?
    public var meetingUrl: String?
    public var summary: String?
    public var outcome: String?
    public var strategy: BakohumasStrategy
    public var status: InteractionStatus
    public var cancelReason: String?
    public var campaignId: Int64?
    public var documentationUrls: [String]
    /// People reached who are not in the directory (residents at a socialization, viewers).
    public var audienceCount: Int
    /// Codes of the units that held it together with its owner.
    public var coorganizers: [String]
    public var invitedCount: Int
    public var attendedCount: Int
    public var createdAt: Date
    public var updatedAt: Date

    /// The owning unit's id, for writes and audit rows.
    var unitID = 0

    private enum CodingKeys: String, CodingKey {
        case id, unitCode, unitName, timeZone, kind, mode, title, startsAt, endsAt, place, meetingUrl, summary, outcome
        case strategy, status, cancelReason, campaignId, documentationUrls, audienceCount, coorganizers
        case invitedCount, attendedCount, createdAt, updatedAt
    }

    /// The columns `init(row:units:)` reads, from `humas.interactions i`; the units' codes, names
    /// and zones come from the unit table.
    static let columns = """
        i.id, i.unit_id, i.kind, i.mode, i.title,
        i.starts_at, i.ends_at, i.place, i.meeting_url, i.summary, i.outcome, i.strategy, i.status, i.cancel_reason,
        i.campaign_id, i.documentation_urls, i.audience_count, i.created_at, i.updated_at,
        ARRAY(SELECT c.unit_id FROM humas.interaction_coorganizers c WHERE c.interaction_id = i.id ORDER BY c.unit_id) AS coorganizers,
        (SELECT ARRAY[count(*) FILTER (WHERE p.invited), count(*) FILTER (WHERE p.attended)]
         FROM humas.interaction_participants p WHERE p.interaction_id = i.id) AS participant_counts
        """

    static let select = PostgresQuery(unsafeSQL: "SELECT \(columns) FROM humas.interactions i")

    init(row: PostgresRow, units: UnitTable) throws {
        id = try row.decode("id")
        unitID = try row.decode("unit_id")
        let unit = units[unitID]
        let zone = UnitZone(timeZone: unit.timeZone)
        unitCode = unit.code
        unitName = unit.name
        timeZone = zone.abbreviation
        kind = InteractionKind(rawValue: try row.decode("kind")) ?? .other
        mode = InteractionMode(rawValue: try row.decode("mode")) ?? .luring
        title = try row.decode("title")
        startsAt = LocalTime(try row.decode("starts_at"), in: zone)
        endsAt = try row.decode("ends_at", as: Date?.self).map { LocalTime($0, in: zone) }
        place = try row.decode("place")
        meetingUrl = try row.decode("meeting_url")
        summary = try row.decode("summary")
        outcome = try row.decode("outcome")
        strategy = BakohumasStrategy(rawValue: try row.decode("strategy")) ?? .informasi
        status = InteractionStatus(rawValue: try row.decode("status")) ?? .planned
        cancelReason = try row.decode("cancel_reason")
        campaignId = try row.decode("campaign_id")
        documentationUrls = try row.decode("documentation_urls")
        audienceCount = try row.decode("audience_count")
        coorganizers = try row.decode("coorganizers", as: [Int].self).map { units[$0].code }
        let counts: [Int] = try row.decode("participant_counts")
        invitedCount = counts[0]
        attendedCount = counts[1]
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
    }
}
