import Foundation
import Postgres

/// A contact's role at an organization over a period. Ending one keeps it as history: a
/// journalist who moves outlets has an ended affiliation and a current one.
public struct Affiliation: Sendable, Codable, Hashable {
    public var id: Int64
    public var contactID: Int64
    public var organizationID: Int64
    public var organizationName: String
    public var organizationKind: Organization.Kind
    /// Role or jabatan: Redaktur, Wartawan, Sekretaris DPD, …
    public var title: String?
    /// Desk: politik, pemilu, hukum, …
    public var beat: String?
    public var startedOn: PostgresDate?
    public var endedOn: PostgresDate?

    /// Not ended: the contact is there now.
    public var isCurrent: Bool { endedOn == nil }

    static let select: PostgresQuery = """
        SELECT a.id, a.contact_id, a.organization_id, o.name AS organization_name, o.kind AS organization_kind,
               a.title, a.beat, a.started_on, a.ended_on
        FROM humas.affiliations a JOIN humas.organizations o ON o.id = a.organization_id
        """

    /// Current ones first, then the most recent.
    static let order: PostgresQuery = "ORDER BY a.ended_on IS NOT NULL, a.started_on DESC NULLS LAST, a.id DESC"

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        contactID = try row.decode("contact_id")
        organizationID = try row.decode("organization_id")
        organizationName = try row.decode("organization_name")
        organizationKind = Organization.Kind(rawValue: try row.decode("organization_kind")) ?? .other
        title = try row.decode("title")
        beat = try row.decode("beat")
        startedOn = try row.decode("started_on")
        endedOn = try row.decode("ended_on")
    }

    private enum CodingKeys: String, CodingKey {
        case id, contactID = "contactId", organizationID = "organizationId", organizationName, organizationKind
        case title, beat, startedOn, endedOn, isCurrent
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int64.self, forKey: .id)
        contactID = try container.decode(Int64.self, forKey: .contactID)
        organizationID = try container.decode(Int64.self, forKey: .organizationID)
        organizationName = try container.decode(String.self, forKey: .organizationName)
        organizationKind = try container.decode(Organization.Kind.self, forKey: .organizationKind)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        beat = try container.decodeIfPresent(String.self, forKey: .beat)
        startedOn = try container.decodeIfPresent(PostgresDate.self, forKey: .startedOn)
        endedOn = try container.decodeIfPresent(PostgresDate.self, forKey: .endedOn)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(contactID, forKey: .contactID)
        try container.encode(organizationID, forKey: .organizationID)
        try container.encode(organizationName, forKey: .organizationName)
        try container.encode(organizationKind, forKey: .organizationKind)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(beat, forKey: .beat)
        try container.encodeIfPresent(startedOn, forKey: .startedOn)
        try container.encodeIfPresent(endedOn, forKey: .endedOn)
        try container.encode(isCurrent, forKey: .isCurrent)
    }
}

/// A new affiliation of a contact with an organization.
public struct NewAffiliation: Sendable {
    public var contactID: Int64
    public var organizationID: Int64
    public var title: String?
    public var beat: String?
    public var startedOn: PostgresDate?
    public var endedOn: PostgresDate?

    public init(contactID: Int64, organizationID: Int64, title: String? = nil, beat: String? = nil,
                startedOn: PostgresDate? = nil, endedOn: PostgresDate? = nil) {
        self.contactID = contactID
        self.organizationID = organizationID
        self.title = title
        self.beat = beat
        self.startedOn = startedOn
        self.endedOn = endedOn
    }
}

/// The two rows of a move: the ended affiliation and the new current one.
public struct AffiliationMove: Sendable, Codable {
    public var ended: Affiliation
    public var started: Affiliation
}
