/// A new organization, as a user describes it. Kind-specific fields: `mediaType` only for
/// media outlets; `ballotNumber` and `partyScope` only for political parties.
public struct NewOrganization: Sendable {
    public var name: String
    public var kind: Organization.Kind
    public var shortName: String?
    public var mediaType: Organization.MediaType?
    public var ballotNumber: Int?
    public var partyScope: Organization.PartyScope?
    public var region: String?
    /// The organization this one is a branch of (a party's DPW, an outlet's bureau), by id.
    public var parentID: Int64?
    /// For a party branch: the national party by ballot number, short name or name; sets the parent.
    public var party: String?
    public var emails: [String] = []
    public var phones: [String] = []
    public var website: String?
    public var address: String?
    public var tags: [String] = []
    public var notes: String?
    /// The owning unit's code; the acting user's unit when nil. Must be theirs or below.
    public var unitCode: String?

    public init(name: String, kind: Organization.Kind) {
        self.name = name
        self.kind = kind
    }
}

/// A partial edit: only the fields that are not nil change. An empty text clears that field;
/// a list replaces the whole list.
public struct OrganizationChanges: Sendable {
    public var name: String?
    public var shortName: String?
    public var kind: Organization.Kind?
    public var mediaType: Organization.MediaType?
    public var ballotNumber: Int?
    public var partyScope: Organization.PartyScope?
    public var region: String?
    public var parentID: Int64?
    public var party: String?
    public var emails: [String]?
    public var phones: [String]?
    public var website: String?
    public var address: String?
    public var tags: [String]?
    public var notes: String?
    public var unitCode: String?

    public init() {}
}

/// What `humas org list` shows: every filter optional, combined with AND.
public struct OrganizationFilter: Sendable {
    public var kind: Organization.Kind?
    public var mediaType: Organization.MediaType?
    /// Only organizations owned in this unit's subtree.
    public var under: String?
    /// Words in the name or short name, case- and accent-insensitive.
    public var text: String?
    /// A national party (ballot number, short name or name): it and its branches.
    public var party: String?
    public var limit = 50
    /// `next_cursor` of the previous page.
    public var cursor: String?
    /// Only organizations with a greater id (listings are in id order): a plain-number cursor.
    public var after: Int64?

    public init() {}

    /// The filters a cursor is bound to, each in one spelling (``CursorScope``).
    var cursorQuery: [String] {
        [kind?.rawValue, mediaType?.rawValue, under, text, party, after.map(String.init)].map { $0 ?? "" }
    }
}
