import Foundation
import Postgres

/// A contact or an organization at an activity.
public struct Participant: Sendable, Codable, Hashable {
    public var id: Int64
    public var contactId: Int64?
    public var organizationId: Int64?
    /// The contact's or organization's name.
    public var name: String
    /// For a contact: the organization they represented when added (their current affiliation then).
    public var viaOrganization: String?
    public var role: ParticipantRole
    public var invited: Bool
    /// `nil` until attendance is marked.
    public var attended: Bool?

    /// Rows of `humas.interaction_participants p`; names through the directory's own policies,
    /// so a name the reader may not see is not shown.
    static let select: PostgresQuery = """
        SELECT p.id, p.contact_id, p.organization_id, coalesce(c.full_name, o.name, '(not visible to you)') AS name,
               v.name AS via_organization, p.role, p.invited, p.attended
        FROM humas.interaction_participants p
        LEFT JOIN humas.contacts c ON c.id = p.contact_id
        LEFT JOIN humas.organizations o ON o.id = p.organization_id
        LEFT JOIN humas.organizations v ON v.id = p.via_organization_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        contactId = try row.decode("contact_id")
        organizationId = try row.decode("organization_id")
        name = try row.decode("name")
        viaOrganization = try row.decode("via_organization")
        role = ParticipantRole(rawValue: try row.decode("role")) ?? .attendee
        invited = try row.decode("invited")
        attended = try row.decode("attended")
    }
}

/// Who to add to an activity: contacts, organizations, and whole lists or segments (resolved
/// now, recorded contact by contact).
public struct ParticipantSelection: Sendable {
    public var contacts: [Int64] = []
    public var organizations: [Int64] = []
    /// A static list's id or name.
    public var list: String?
    /// A saved segment's id or name.
    public var segment: String?
    public var role: String = ParticipantRole.attendee.rawValue
    /// `false` for someone who came without an invitation (added while marking attendance).
    public var invited = true
    public var origin = InputOrigin.commandLine

    public init(contacts: [Int64] = [], organizations: [Int64] = [], list: String? = nil, segment: String? = nil) {
        self.contacts = contacts
        self.organizations = organizations
        self.list = list
        self.segment = segment
    }

    var isEmpty: Bool { contacts.isEmpty && organizations.isEmpty && list == nil && segment == nil }
}

/// What adding participants did.
public struct ParticipantChange: Sendable, Codable {
    public var interactionId: Int64
    /// Rows added now.
    public var added: Int
    /// Already participants, left as they were.
    public var alreadyPresent: Int
    public var participants: [Participant]
}

/// Attendance after the event: who came and who did not.
public struct Attendance: Sendable {
    public var attendedContacts: [Int64] = []
    public var absentContacts: [Int64] = []
    public var attendedOrganizations: [Int64] = []
    public var absentOrganizations: [Int64] = []

    public init(attendedContacts: [Int64] = [], absentContacts: [Int64] = [],
                attendedOrganizations: [Int64] = [], absentOrganizations: [Int64] = []) {
        self.attendedContacts = attendedContacts
        self.absentContacts = absentContacts
        self.attendedOrganizations = attendedOrganizations
        self.absentOrganizations = absentOrganizations
    }

    var isEmpty: Bool {
        attendedContacts.isEmpty && absentContacts.isEmpty && attendedOrganizations.isEmpty && absentOrganizations.isEmpty
    }
}
