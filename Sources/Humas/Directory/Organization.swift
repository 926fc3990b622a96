import Foundation
import Postgres

/// A media outlet, political party, agency or other body the humas teams work with; a branch
/// (a party's DPW, an outlet's bureau) points to its parent.
public struct Organization: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case mediaOutlet = "media_outlet"
        case politicalParty = "political_party"
        case governmentAgency = "government_agency"
        case electionObserver = "election_observer"
        case civilSociety = "civil_society"
        case university, other
    }

    /// What a media outlet publishes on.
    public enum MediaType: String, Sendable, Codable, CaseIterable {
        case print, online, tv, radio
        case newsAgency = "news_agency"
    }

    /// Whether a party runs nationally or only in Aceh (partai politik lokal Aceh).
    public enum PartyScope: String, Sendable, Codable, CaseIterable {
        case national
        case acehLocal = "aceh_local"
    }

    public var id: Int64
    public var name: String
    public var shortName: String?
    public var kind: Kind
    public var mediaType: MediaType?
    public var ballotNumber: Int?
    public var partyScope: PartyScope?
    public var region: String?
    /// The parent branch, only when the reader can see it: `select` takes the id from the join,
    /// which row-level security filters, so a hidden parent's id is never shown.
    public var parentID: Int64?
    public var parentName: String?
    public var emails: [String]
    public var phones: [String]
    public var website: String?
    public var address: String?
    public var tags: [String]
    public var notes: String?
    public var unitCode: String
    public var createdAt: Date
    public var updatedAt: Date

    static let select: PostgresQuery = """
        SELECT o.id, o.name, o.short_name, o.kind, o.media_type, o.ballot_number, o.party_scope, o.region,
               p.id AS parent_id, p.name AS parent_name, o.emails, o.phones, o.website, o.address, o.tags, o.notes,
               u.code AS unit_code, o.created_at, o.updated_at
        FROM humas.organizations o
        JOIN humas.units u ON u.id = o.unit_id
        LEFT JOIN humas.organizations p ON p.id = o.parent_id AND p.deleted_at IS NULL
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        name = try row.decode("name")
        shortName = try row.decode("short_name")
        kind = Kind(rawValue: try row.decode("kind")) ?? .other
        mediaType = try row.decode("media_type", as: String?.self).flatMap(MediaType.init(rawValue:))
        ballotNumber = try row.decode("ballot_number")
        partyScope = try row.decode("party_scope", as: String?.self).flatMap(PartyScope.init(rawValue:))
        region = try row.decode("region")
        parentID = try row.decode("parent_id")
        parentName = try row.decode("parent_name")
        emails = try row.decode("emails")
        phones = try row.decode("phones")
        website = try row.decode("website")
        address = try row.decode("address")
        tags = try row.decode("tags")
        notes = try row.decode("notes")
        unitCode = try row.decode("unit_code")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
    }
}

/// One page of organizations; `nextCursor` is set when more may follow.
public struct OrganizationPage: Sendable, Codable {
    public var organizations: [Organization]
    public var nextCursor: String?
}
