import Humas

/// The body of `POST /v1/organizations`.
struct NewOrganizationBody: RequestBody {
    var name: String
    var kind: String
    var shortName: String?
    var mediaType: String?
    var ballotNumber: Int?
    var partyScope: String?
    var region: String?
    /// The organization this one is a branch of.
    var parentId: Int64?
    /// For a party branch: the national party by ballot number, short name or name.
    var party: String?
    var emails: [String]?
    var phones: [String]?
    var website: String?
    var address: String?
    var tags: [String]?
    var notes: String?
    /// The owning unit's code; the caller's unit when absent.
    var unit: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, kind, shortName = "short_name", mediaType = "media_type", ballotNumber = "ballot_number"
        case partyScope = "party_scope", region, parentId = "parent_id", party, emails, phones, website, address
        case tags, notes, unit
    }

    func newOrganization() throws -> NewOrganization {
        var new = NewOrganization(name: name, kind: try APIEnum.required(kind, as: Organization.Kind.self, field: "kind"))
        new.shortName = shortName
        new.mediaType = try APIEnum.parse(mediaType, as: Organization.MediaType.self, field: "media_type")
        new.ballotNumber = ballotNumber
        new.partyScope = try APIEnum.parse(partyScope, as: Organization.PartyScope.self, field: "party_scope")
        new.region = region
        new.parentID = parentId
        new.party = party
        new.emails = emails ?? []
        new.phones = phones ?? []
        new.website = website
        new.address = address
        new.tags = tags ?? []
        new.notes = notes
        new.unitCode = unit
        return new
    }
}

/// The body of `PATCH /v1/organizations/{id}`: absent fields stay; `null` clears short_name,
/// region, website, address and notes, and empties emails, phones and tags.
struct OrganizationPatchBody: RequestBody {
    var changes = OrganizationChanges()

    typealias CodingKeys = NewOrganizationBody.CodingKeys

    init(from decoder: any Decoder) throws {
        let body = try decoder.container(keyedBy: CodingKeys.self)
        changes.name = try body.unlessAbsent(String.self, .name)
        changes.kind = try APIEnum.parse(body.unlessAbsent(String.self, .kind), as: Organization.Kind.self, field: "kind")
        changes.shortName = try body.clearableText(.shortName)
        changes.mediaType = try APIEnum.parse(
            body.unlessAbsent(String.self, .mediaType), as: Organization.MediaType.self, field: "media_type")
        changes.ballotNumber = try body.unlessAbsent(Int.self, .ballotNumber)
        changes.partyScope = try APIEnum.parse(
            body.unlessAbsent(String.self, .partyScope), as: Organization.PartyScope.self, field: "party_scope")
        changes.region = try body.clearableText(.region)
        changes.parentID = try body.unlessAbsent(Int64.self, .parentId)
        changes.party = try body.unlessAbsent(String.self, .party)
        changes.emails = try body.clearableList(.emails, of: String.self)
        changes.phones = try body.clearableList(.phones, of: String.self)
        changes.website = try body.clearableText(.website)
        changes.address = try body.clearableText(.address)
        changes.tags = try body.clearableList(.tags, of: String.self)
        changes.notes = try body.clearableText(.notes)
        changes.unitCode = try body.unlessAbsent(String.self, .unit)
    }
}

extension OrganizationFilter {
    /// The filters' query parameters, as ``init(query:page:)`` reads them (besides `limit` and `cursor`).
    static let queryParameters = ["kind", "media_type", "under", "q", "party"]

    /// The filters of `GET /v1/organizations`, from the query string.
    init(query: QueryString, page: PageRequest) throws {
        self.init()
        kind = try query.value("kind", as: Organization.Kind.self)
        mediaType = try query.value("media_type", as: Organization.MediaType.self)
        under = try query.first(named: "under")
        text = try query.first(named: "q")
        party = try query.first(named: "party")
        limit = page.limit
        cursor = page.cursor
    }
}
