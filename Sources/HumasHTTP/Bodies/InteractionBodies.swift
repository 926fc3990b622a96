import Humas
import Postgres

/// The body of `POST /v1/interactions`. Times carry an offset (`2025-10-14T09:00:00+08:00`);
/// the participants named here are added in the same transaction.
struct NewInteractionBody: RequestBody {
    var kind: String
    var mode: String
    var strategy: String
    var title: String
    var startsAt: String
    var endsAt: String?
    var place: String?
    var meetingUrl: String?
    var summary: String?
    var outcome: String?
    var status: String?
    var documentationUrls: [String]?
    var audienceCount: Int?
    var unit: String?
    var coorganizers: [String]?
    var contactIds: [Int64]?
    var organizationIds: [Int64]?
    var list: String?
    var segment: String?
    var participantRole: String?
    /// The participants attended (an activity logged after it happened).
    var attended: Bool?
    var campaignId: Int64?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, mode, strategy, title, startsAt = "starts_at", endsAt = "ends_at", place, meetingUrl = "meeting_url"
        case summary, outcome, status, documentationUrls = "documentation_urls", audienceCount = "audience_count"
        case unit, coorganizers, contactIds = "contact_ids", organizationIds = "organization_ids", list, segment
        case participantRole = "participant_role", attended, campaignId = "campaign_id"
    }

    var newInteraction: NewInteraction {
        var new = NewInteraction(kind: kind, mode: mode, strategy: strategy, title: title, startsAt: startsAt)
        new.endsAt = endsAt
        new.place = place
        new.meetingURL = meetingUrl
        new.summary = summary
        new.outcome = outcome
        new.status = status
        new.documentationURLs = documentationUrls ?? []
        new.audienceCount = audienceCount
        new.unit = unit
        new.coorganizers = coorganizers ?? []
        var participants = ParticipantSelection(contacts: contactIds ?? [], organizations: organizationIds ?? [], list: list, segment: segment)
        participants.role = participantRole ?? participants.role
        new.participants = participants
        new.participantsAttended = attended ?? false
        new.campaignID = campaignId
        new.origin = .api
        return new
    }
}

/// The body of `PATCH /v1/interactions/{id}`: absent fields stay; `null` clears the optional
/// texts and empties the lists.
struct InteractionPatchBody: RequestBody {
    var changes = InteractionChanges()

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, mode, strategy, title, startsAt = "starts_at", endsAt = "ends_at", place, meetingUrl = "meeting_url"
        case summary, outcome, status, documentationUrls = "documentation_urls", audienceCount = "audience_count", coorganizers
    }

    init(from decoder: any Decoder) throws {
        let body = try decoder.container(keyedBy: CodingKeys.self)
        changes.kind = try body.unlessAbsent(String.self, .kind)
        changes.mode = try body.unlessAbsent(String.self, .mode)
        changes.strategy = try body.unlessAbsent(String.self, .strategy)
        changes.title = try body.unlessAbsent(String.self, .title)
        changes.startsAt = try body.unlessAbsent(String.self, .startsAt)
        changes.endsAt = try body.clearableText(.endsAt)
        changes.place = try body.clearableText(.place)
        changes.meetingURL = try body.clearableText(.meetingUrl)
        changes.summary = try body.clearableText(.summary)
        changes.outcome = try body.clearableText(.outcome)
        changes.status = try body.unlessAbsent(String.self, .status)
        changes.documentationURLs = try body.clearableList(.documentationUrls, of: String.self)
        changes.audienceCount = try body.unlessAbsent(Int.self, .audienceCount)
        changes.coorganizers = try body.clearableList(.coorganizers, of: String.self)
        changes.origin = .api
    }
}

/// The body of `POST /v1/interactions/{id}/cancel`.
struct CancelInteractionBody: RequestBody {
    var reason: String

    enum CodingKeys: String, CodingKey, CaseIterable { case reason }
}

/// The body of `POST /v1/interactions/{id}/participants`.
struct ParticipantsBody: RequestBody {
    var contactIds: [Int64]?
    var organizationIds: [Int64]?
    var list: String?
    var segment: String?
    var role: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case contactIds = "contact_ids", organizationIds = "organization_ids", list, segment, role
    }

    var selection: ParticipantSelection {
        var selection = ParticipantSelection(contacts: contactIds ?? [], organizations: organizationIds ?? [], list: list, segment: segment)
        selection.role = role ?? selection.role
        selection.origin = .api
        return selection
    }
}

/// The body of `POST /v1/interactions/{id}/attendance`.
struct AttendanceBody: RequestBody {
    var attendedContactIds: [Int64]?
    var absentContactIds: [Int64]?
    var attendedOrganizationIds: [Int64]?
    var absentOrganizationIds: [Int64]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case attendedContactIds = "attended_contact_ids", absentContactIds = "absent_contact_ids"
        case attendedOrganizationIds = "attended_organization_ids", absentOrganizationIds = "absent_organization_ids"
    }

    var attendance: Attendance {
        Attendance(attendedContacts: attendedContactIds ?? [], absentContacts: absentContactIds ?? [],
                   attendedOrganizations: attendedOrganizationIds ?? [], absentOrganizations: absentOrganizationIds ?? [])
    }
}

/// The body of `POST /v1/followups`.
struct NewFollowupBody: RequestBody {
    var interactionId: Int64
    var action: String
    /// The assignee's e-mail.
    var assignee: String?
    var dueOn: PostgresDate?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case interactionId = "interaction_id", action, assignee, dueOn = "due_on"
    }
}

/// The body of `POST /v1/followups/{id}/done`; may be empty (`{}`: done today).
struct FollowupDoneBody: RequestBody {
    var on: PostgresDate?

    enum CodingKeys: String, CodingKey, CaseIterable { case on }
}
