import Postgres

extension Segments {
    /// Counting stops here: a national segment can match a million contacts, and "more than
    /// 10,000" is all a person needs to know.
    public static let countLimit = 10_000

    /// The contacts the segment matches now, one page at a time, best first (by name when the
    /// segment has no free text). Resolved live by `humas.search_contacts`, so a contact added
    /// after the segment was saved appears, and one deleted disappears.
    /// - Parameters:
    ///   - key: the segment's id or name.
    ///   - limit: page size, 1–1000.
    ///   - cursor: `nextCursor` of the previous page, or `nil` for the first.
    public func resolve(_ key: String, limit: Int = 50, cursor: String? = nil) async throws -> SegmentContacts {
        guard (1...1000).contains(limit) else {
            throw HumasError.invalid(field: "limit", message: "must be 1–1000")
        }
        let after = try cursor.map(SearchCursor.init(parsing:))
        let session = session
        return try await session.transaction { connection in
            let segment = try Self.find(key, for: session, on: connection)
            // An ancestor's segment may be narrowed to a unit this user cannot see (a national
            // "Jawa Tengah journalists" seen from Sidoarjo): none of its contacts are theirs to see.
            if let under = segment.filter.under, try !SegmentFilter.unitReadable(under, on: connection) {
                return SegmentContacts(segment: segment, contacts: [], total: 0, totalIsAtLeast: false, nextCursor: nil)
            }
            let page = try Self.search(segment.filter, after: after, limit: limit + 1, on: connection)
            let shown = Array(page.prefix(limit))
            let next = page.count > limit ? shown.last.map { SearchCursor(score: $0.score, id: $0.id).text } : nil
            let (total, capped) = try Self.count(segment.filter, on: connection)
            return SegmentContacts(
                segment: segment, contacts: try MemberSummary.load(shown.map(\.id), on: connection),
                total: total, totalIsAtLeast: capped, nextCursor: next)
        }
    }

    /// One call of the search function with the segment's stored filter: `q` is its own
    /// argument, every other key goes in the filter object.
    static func search(
        _ filter: SegmentFilter, after: SearchCursor?, limit: Int, on connection: PostgresConnection
    ) throws -> [(id: Int64, score: Float)] {
        var filters = filter
        filters.q = nil
        return try connection.query("""
            SELECT r.contact_id, r.score
            FROM humas.search_contacts(\(filter.q), \(filters.databaseJSON)::jsonb, \(after?.score)::real, \(after?.id), \(limit)) r
            """).map { (try $0.decode("contact_id", as: Int64.self), try $0.decode("score", as: Float.self)) }
    }

    /// How many contacts match, walking the pages up to ``countLimit``.
    static func count(_ filter: SegmentFilter, on connection: PostgresConnection) throws -> (Int, Bool) {
        let pageSize = 1000
        var total = 0
        var after: SearchCursor?
        while total < countLimit {
            let page = try search(filter, after: after, limit: pageSize, on: connection)
            total += page.count
            guard page.count == pageSize, let last = page.last else { return (total, false) }
            after = SearchCursor(score: last.score, id: last.id)
        }
        return (total, true)
    }
}

/// Where a page of search results ended: the last row's score and id, as the search function's
/// keyset cursor takes them. Written `score:id`; callers treat it as opaque.
struct SearchCursor: Sendable, Hashable {
    var score: Float
    var id: Int64

    init(score: Float, id: Int64) {
        self.score = score
        self.id = id
    }

    init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let score = Float(parts[0]), score.isFinite, let id = Int64(parts[1]) else {
            throw HumasError.invalid(field: "cursor", message: "is not a cursor this command returned; start again without it")
        }
        self.score = score
        self.id = id
    }

    var text: String { "\(score):\(id)" }
}
