import Foundation

/// A new contact, as a user describes it. E-mails and phones are normalized; the first of
/// each is the primary one.
public struct NewContact: Sendable {
    public var fullName: String
    public var honorific: String?
    public var category: Contact.Category = .other
    public var emails: [String] = []
    public var phones: [String] = []
    public var social: [String: String] = [:]
    /// The owning unit's code; the acting user's unit when nil. Must be theirs or below.
    public var unitCode: String?
    public var tags: [String] = []
    public var legalBasis: Contact.LegalBasis?
    public var consentNote: String?
    public var optedOut = false
    public var notes: String?
    /// Add even when a visible contact already has one of the e-mails or phones.
    public var allowDuplicate = false

    public init(fullName: String) {
        self.fullName = fullName
    }
}

/// A partial edit: only the fields that are not nil change. An empty text clears that field;
/// a list or the social map replaces the whole value.
public struct ContactChanges: Sendable {
    public var fullName: String?
    public var honorific: String?
    public var category: Contact.Category?
    public var emails: [String]?
    public var phones: [String]?
    public var social: [String: String]?
    /// Moves the contact to another unit the user may write.
    public var unitCode: String?
    public var tags: [String]?
    public var legalBasis: Contact.LegalBasis?
    public var consentNote: String?
    /// true: opted out from now (kept if already); false: opted in again.
    public var optedOut: Bool?
    public var notes: String?
    /// Save even when another visible contact has one of the new e-mails or phones.
    public var allowDuplicate = false

    public init() {}
}

/// Filters for listing and searching contacts; the keys of segment filters
/// (`humas.search_contacts`), every one optional, combined with AND.
public struct ContactFilters: Sendable, Codable, Hashable {
    public var category: Contact.Category?
    public var organizationKind: Organization.Kind?
    /// Only contacts currently at this organization (by id) or one of its branches.
    public var organization: Int64?
    /// National party by ballot number, short name or name; its branches count too.
    public var party: String?
    public var mediaType: Organization.MediaType?
    public var beat: String?
    public var tag: String?
    /// Unit code: contacts owned in that unit's subtree.
    public var under: String?
    public var hasEmail: Bool?
    public var excludeOptedOut: Bool?

    public init() {}

    /// The JSON object `humas.search_contacts` takes: snake_case keys, absent filters left out,
    /// a party given by ballot number as a number.
    var searchJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = (try? encoder.encode(SearchFilterJSON(self))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// ``ContactFilters`` in the shape of `humas.search_contacts`' `filters` argument.
private struct SearchFilterJSON: Encodable {
    let filters: ContactFilters

    init(_ filters: ContactFilters) { self.filters = filters }

    enum Key: String, CodingKey {
        case category, organization, party, beat, tag, under
        case organizationKind = "organization_kind", mediaType = "media_type"
        case hasEmail = "has_email", excludeOptedOut = "exclude_opted_out"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(filters.category?.rawValue, forKey: .category)
        try container.encodeIfPresent(filters.organizationKind?.rawValue, forKey: .organizationKind)
        try container.encodeIfPresent(filters.organization, forKey: .organization)
        if let party = DirectoryInput.text(filters.party) {
            if let ballotNumber = Int(party) {
                try container.encode(ballotNumber, forKey: .party)
            } else {
                try container.encode(party, forKey: .party)
            }
        }
        try container.encodeIfPresent(filters.mediaType?.rawValue, forKey: .mediaType)
        try container.encodeIfPresent(DirectoryInput.beat(filters.beat), forKey: .beat)
        try container.encodeIfPresent(DirectoryInput.text(filters.tag)?.lowercased(), forKey: .tag)
        try container.encodeIfPresent(DirectoryInput.text(filters.under)?.uppercased(), forKey: .under)
        try container.encodeIfPresent(filters.hasEmail, forKey: .hasEmail)
        try container.encodeIfPresent(filters.excludeOptedOut, forKey: .excludeOptedOut)
    }
}
