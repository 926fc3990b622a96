import Humas
import Postgres

/// The body of `POST /v1/affiliations`.
struct NewAffiliationBody: RequestBody {
    var contactId: Int64
    var organizationId: Int64
    /// Role or jabatan: Redaktur, Wartawan, …
    var title: String?
    /// Desk: politik, pemilu, hukum, …
    var beat: String?
    var startedOn: PostgresDate?
    /// For a past affiliation.
    var endedOn: PostgresDate?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case contactId = "contact_id", organizationId = "organization_id", title, beat
        case startedOn = "started_on", endedOn = "ended_on"
    }

    var newAffiliation: NewAffiliation {
        NewAffiliation(contactID: contactId, organizationID: organizationId, title: title, beat: beat,
                       startedOn: startedOn, endedOn: endedOn)
    }
}

/// The body of `POST /v1/affiliations/{id}/end`.
struct EndAffiliationBody: RequestBody {
    /// The affiliation's last day.
    var endedOn: PostgresDate

    enum CodingKeys: String, CodingKey, CaseIterable {
        case endedOn = "ended_on"
    }
}

/// The body of `POST /v1/contacts/{id}/move`.
struct MoveContactBody: RequestBody {
    /// The organization the contact leaves (a current affiliation with it must exist).
    var fromOrganizationId: Int64
    /// The organization the contact joins.
    var toOrganizationId: Int64
    /// The day of the move: the old affiliation's last day and the new one's first.
    var on: PostgresDate
    /// New role and beat; the old ones when absent.
    var title: String?
    var beat: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case fromOrganizationId = "from_organization_id", toOrganizationId = "to_organization_id", on, title, beat
    }
}
