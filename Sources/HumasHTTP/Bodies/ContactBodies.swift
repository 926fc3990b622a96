import Humas

/// The body of `POST /v1/contacts`.
struct NewContactBody: RequestBody {
    var fullName: String
    var honorific: String?
    var category: String?
    var emails: [String]?
    var phones: [String]?
    var social: [String: String]?
    /// The owning unit's code; the caller's unit when absent.
    var unit: String?
    var tags: [String]?
    var legalBasis: String?
    var consentNote: String?
    var optedOut: Bool?
    var notes: String?
    /// Add even when a visible contact has one of the e-mails or phones (else 409).
    var allowDuplicate: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case fullName = "full_name", honorific, category, emails, phones, social, unit, tags
        case legalBasis = "legal_basis", consentNote = "consent_note", optedOut = "opted_out", notes
        case allowDuplicate = "allow_duplicate"
    }

    func newContact() throws -> NewContact {
        var new = NewContact(fullName: fullName)
        new.honorific = honorific
        new.category = try APIEnum.parse(category, as: Contact.Category.self, field: "category") ?? .other
        new.emails = emails ?? []
        new.phones = phones ?? []
        new.social = social ?? [:]
        new.unitCode = unit
        new.tags = tags ?? []
        new.legalBasis = try APIEnum.parse(legalBasis, as: Contact.LegalBasis.self, field: "legal_basis")
        new.consentNote = consentNote
        new.optedOut = optedOut ?? false
        new.notes = notes
        new.allowDuplicate = allowDuplicate ?? false
        return new
    }
}

/// The body of `PATCH /v1/contacts/{id}`: absent fields stay; `null` clears honorific,
/// consent_note and notes, and empties emails, phones, social and tags.
struct ContactPatchBody: RequestBody {
    var changes = ContactChanges()

    typealias CodingKeys = NewContactBody.CodingKeys

    init(from decoder: any Decoder) throws {
        let body = try decoder.container(keyedBy: CodingKeys.self)
        changes.fullName = try body.unlessAbsent(String.self, .fullName)
        changes.honorific = try body.clearableText(.honorific)
        changes.category = try APIEnum.parse(body.unlessAbsent(String.self, .category), as: Contact.Category.self, field: "category")
        changes.emails = try body.clearableList(.emails, of: String.self)
        changes.phones = try body.clearableList(.phones, of: String.self)
        if body.contains(.social) {
            changes.social = try body.decodeNil(forKey: .social) ? [:] : body.decode([String: String].self, forKey: .social)
        }
        changes.unitCode = try body.unlessAbsent(String.self, .unit)
        changes.tags = try body.clearableList(.tags, of: String.self)
        changes.legalBasis = try APIEnum.parse(
            body.unlessAbsent(String.self, .legalBasis), as: Contact.LegalBasis.self, field: "legal_basis")
        changes.consentNote = try body.clearableText(.consentNote)
        changes.optedOut = try body.unlessAbsent(Bool.self, .optedOut)
        changes.notes = try body.clearableText(.notes)
        changes.allowDuplicate = try body.unlessAbsent(Bool.self, .allowDuplicate) ?? false
    }
}

extension ContactFilters {
    /// The filters' query parameters, as ``init(query:)`` reads them.
    static let queryParameters = [
        "category", "organization_kind", "organization", "party", "media_type", "beat", "tag", "under",
        "has_email", "exclude_opted_out",
    ]

    /// The filters of `GET /v1/contacts` (and the segment filter's keys), from the query string.
    init(query: QueryString) throws {
        self.init()
        category = try query.value("category", as: Contact.Category.self)
        organizationKind = try query.value("organization_kind", as: Organization.Kind.self)
        organization = try query.id("organization")
        party = try query.first(named: "party")
        mediaType = try query.value("media_type", as: Organization.MediaType.self)
        beat = try query.first(named: "beat")
        tag = try query.first(named: "tag")
        under = try query.first(named: "under")
        hasEmail = try query.bool("has_email")
        excludeOptedOut = try query.bool("exclude_opted_out")
    }
}
