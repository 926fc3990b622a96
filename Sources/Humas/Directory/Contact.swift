import Foundation
import Postgres

/// A person the humas teams work with: a journalist, party official, agency official, …
public struct Contact: Sendable, Codable, Hashable {
    public enum Category: String, Sendable, Codable, CaseIterable {
        case journalist
        case partyOfficial = "party_official"
        case agencyOfficial = "agency_official"
        case observer, academic
        case communityLeader = "community_leader"
        case influencer, other
    }

    /// The ground for keeping someone's personal data (UU 27/2022 PDP, art. 20).
    public enum LegalBasis: String, Sendable, Codable, CaseIterable {
        case consent, contract
        case legalObligation = "legal_obligation"
        case vitalInterest = "vital_interest"
        case publicTask = "public_task"
        case legitimateInterest = "legitimate_interest"
    }

    public var id: Int64
    public var fullName: String
    /// Sapaan: Bapak, Ibu, …
    public var honorific: String?
    public var category: Category
    /// Primary first.
    public var emails: [String]
    /// E.164, primary first.
    public var phones: [String]
    /// Network → handle, e.g. `x` → `@budi`.
    public var social: [String: String]
    public var unitCode: String
    public var unitName: String
    public var tags: [String]
    public var legalBasis: LegalBasis?
    public var consentNote: String?
    /// When the contact asked not to receive mailings; nil while they have not.
    public var optedOutAt: Date?
    public var notes: String?
    /// Names of the organizations the contact is currently affiliated with, most recent first.
    public var currentOrganization: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// Current and past affiliations; only filled by `show`.
    public var affiliations: [Affiliation]?

    public var primaryEmail: String? { emails.first }
    public var primaryPhone: String? { phones.first }

    static let select: PostgresQuery = """
        SELECT c.id, c.full_name, c.honorific, c.category, c.emails, c.phones,
               (SELECT coalesce(jsonb_object_agg(s.key, s.value), '{}') FROM jsonb_each_text(c.social) s)::text AS social,
               u.code AS unit_code, u.name AS unit_name, c.tags, c.legal_basis, c.consent_note, c.opted_out_at,
               c.notes, c.created_at, c.updated_at,
               (SELECT string_agg(o.name, ', ' ORDER BY a.started_on DESC NULLS LAST, a.id DESC)
                  FROM humas.affiliations a JOIN humas.organizations o ON o.id = a.organization_id
                 WHERE a.contact_id = c.id AND a.ended_on IS NULL AND a.deleted_at IS NULL AND o.deleted_at IS NULL
               ) AS current_organization
        FROM humas.contacts c JOIN humas.units u ON u.id = c.unit_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        fullName = try row.decode("full_name")
        honorific = try row.decode("honorific")
        category = Category(rawValue: try row.decode("category")) ?? .other
        emails = try row.decode("emails")
        phones = try row.decode("phones")
        social = try row.decode("social", as: PostgresJSON<[String: String]>.self).value
        unitCode = try row.decode("unit_code")
        unitName = try row.decode("unit_name")
        tags = try row.decode("tags")
        legalBasis = try row.decode("legal_basis", as: String?.self).flatMap(LegalBasis.init(rawValue:))
        consentNote = try row.decode("consent_note")
        optedOutAt = try row.decode("opted_out_at")
        notes = try row.decode("notes")
        currentOrganization = try row.decode("current_organization")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
    }
}

/// One page of contacts; `nextCursor` is set when more may follow.
public struct ContactPage: Sendable, Codable {
    public var contacts: [Contact]
    public var nextCursor: String?
}
