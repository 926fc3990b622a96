import Foundation

/// What a segment selects: the contact search's filters, saved. Every field is optional and
/// they combine with AND; the organization fields must hold on ONE current affiliation
/// (a journalist of a radio station on the pemilu desk, not a radio owner who once covered pemilu).
public struct SegmentFilter: Sendable, Codable, Hashable {
    /// Free text over names and organization names, as in `humas contact search`.
    public var q: String?
    /// Contact category: journalist, party_official, agency_official, observer, academic,
    /// community_leader, influencer, other.
    public var category: String?
    /// Kind of the organization of a current affiliation: media_outlet, political_party, …
    public var organizationKind: String?
    /// One organization (and its branches), by id.
    public var organization: Int64?
    /// A party (and its branches): ballot number (`1`), short name or name (`PKB`).
    public var party: String?
    /// Media type of the outlet: print, online, tv, radio, news_agency.
    public var mediaType: String?
    /// Beat (desk) of the affiliation: politik, pemilu, hukum, …
    public var beat: String?
    /// A tag the contact has.
    public var tag: String?
    /// A unit code: only contacts owned by that unit or below it.
    public var under: String?
    /// `true`: only contacts with an e-mail; `false`: only those without.
    public var hasEmail: Bool?
    /// `true`: leave out contacts who opted out.
    public var excludeOptedOut: Bool?

    public init(
        q: String? = nil, category: String? = nil, organizationKind: String? = nil, organization: Int64? = nil,
        party: String? = nil, mediaType: String? = nil, beat: String? = nil, tag: String? = nil, under: String? = nil,
        hasEmail: Bool? = nil, excludeOptedOut: Bool? = nil
    ) {
        self.q = q
        self.category = category
        self.organizationKind = organizationKind
        self.organization = organization
        self.party = party
        self.mediaType = mediaType
        self.beat = beat
        self.tag = tag
        self.under = under
        self.hasEmail = hasEmail
        self.excludeOptedOut = excludeOptedOut
    }
}

extension SegmentFilter {
    /// The stored form: the JSON object `humas.search_contacts` takes (snake_case keys, absent
    /// fields left out, a numeric party as a ballot number), plus `q`.
    var databaseJSON: String {
        let stored = Stored(
            q: q, category: category, organization_kind: organizationKind, organization: organization,
            party: party.map { Int($0).map(Stored.Party.ballotNumber) ?? .name($0) }, media_type: mediaType,
            beat: beat, tag: tag, under: under, has_email: hasEmail, exclude_opted_out: excludeOptedOut)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(stored)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Reads the stored form back; keys it does not know are ignored.
    init(databaseJSON text: String) throws {
        let stored = try JSONDecoder().decode(Stored.self, from: Data(text.utf8))
        let party: String? = switch stored.party {
        case .ballotNumber(let number): String(number)
        case .name(let name): name
        case nil: nil
        }
        self.init(
            q: stored.q, category: stored.category, organizationKind: stored.organization_kind,
            organization: stored.organization, party: party, mediaType: stored.media_type, beat: stored.beat,
            tag: stored.tag, under: stored.under, hasEmail: stored.has_email, excludeOptedOut: stored.exclude_opted_out)
    }

    /// True when no field is set: the segment is every contact the user can see.
    public var isEmpty: Bool { self == SegmentFilter() }

    /// The jsonb shape, key for key (the search function refuses keys it does not know).
    private struct Stored: Codable {
        enum Party: Codable {
            case ballotNumber(Int)
            case name(String)

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Int.self) {
                    self = .ballotNumber(number)
                } else {
                    self = .name(try container.decode(String.self))
                }
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .ballotNumber(let number): try container.encode(number)
                case .name(let name): try container.encode(name)
                }
            }
        }

        var q: String?
        var category: String?
        var organization_kind: String?
        var organization: Int64?
        var party: Party?
        var media_type: String?
        var beat: String?
        var tag: String?
        var under: String?
        var has_email: Bool?
        var exclude_opted_out: Bool?
    }
}
