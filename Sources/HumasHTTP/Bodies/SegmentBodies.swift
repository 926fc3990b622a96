import Humas

/// The body of `POST /v1/segments`.
struct NewSegmentBody: RequestBody {
    var name: String
    var description: String?
    /// The owning unit's code; the caller's unit when absent.
    var unit: String?
    var filter: SegmentFilterBody?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, unit, filter
    }
}

/// A segment's `filter` object: the keys of `GET /v1/contacts`' filters plus `q`. Nested, so it
/// refuses unknown keys itself (``RequestBody`` checks the top level only).
struct SegmentFilterBody: Decodable, Sendable {
    var filter: SegmentFilter

    enum CodingKeys: String, CodingKey, CaseIterable {
        case q, category, organizationKind = "organization_kind", organization, party, mediaType = "media_type"
        case beat, tag, under, hasEmail = "has_email", excludeOptedOut = "exclude_opted_out"
    }

    init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self, noun: "filter", nouns: "filters")
        let body = try decoder.container(keyedBy: CodingKeys.self)
        // The vocabularies exactly as documented (the service would also take other casings).
        _ = try APIEnum.parse(body.decodeIfPresent(String.self, forKey: .category), as: Contact.Category.self, field: "filter.category")
        _ = try APIEnum.parse(
            body.decodeIfPresent(String.self, forKey: .organizationKind), as: Organization.Kind.self, field: "filter.organization_kind")
        _ = try APIEnum.parse(body.decodeIfPresent(String.self, forKey: .mediaType), as: Organization.MediaType.self, field: "filter.media_type")
        filter = SegmentFilter(
            q: try body.decodeIfPresent(String.self, forKey: .q),
            category: try body.decodeIfPresent(String.self, forKey: .category),
            organizationKind: try body.decodeIfPresent(String.self, forKey: .organizationKind),
            organization: try body.decodeIfPresent(Int64.self, forKey: .organization),
            party: try body.decodeIfPresent(String.self, forKey: .party),
            mediaType: try body.decodeIfPresent(String.self, forKey: .mediaType),
            beat: try body.decodeIfPresent(String.self, forKey: .beat),
            tag: try body.decodeIfPresent(String.self, forKey: .tag),
            under: try body.decodeIfPresent(String.self, forKey: .under),
            hasEmail: try body.decodeIfPresent(Bool.self, forKey: .hasEmail),
            excludeOptedOut: try body.decodeIfPresent(Bool.self, forKey: .excludeOptedOut))
    }
}

/// One page of the contacts a segment matches now: the page shape plus the count.
struct SegmentContactsPage: Encodable, Sendable {
    var items: [MemberSummary]
    var nextCursor: String?
    /// How many contacts match in all, counted up to 10,000.
    var total: Int
    /// True when more than `total` match (the count stopped at its limit).
    var totalIsAtLeast: Bool

    private enum CodingKeys: String, CodingKey {
        case items, nextCursor, total, totalIsAtLeast
    }

    /// Writes `next_cursor: null` on the last page, as ``Page`` does.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
        try container.encode(total, forKey: .total)
        try container.encode(totalIsAtLeast, forKey: .totalIsAtLeast)
    }
}
