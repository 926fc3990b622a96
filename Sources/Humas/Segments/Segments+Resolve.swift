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
    ///   - cursor: `nextCursor` of the previous page of this segment, or `nil` for the first.
    public func resolve(_ key: String, limit: Int = 50, cursor: String? = nil) async throws -> SegmentContacts {
        guard (1...1000).contains(limit) else {
            throw HumasError.invalid(field: "limit", message: "must be 1–1000")
        }
        let session = session
        return try await session.transaction { connection in
            let segment = try Self.find(key, for: session, on: connection)
            // Bound to the segment and its filter as it is now: an edited segment is another query.
            let scope = CursorScope(listing: "segment \(segment.id)", userID: session.user.id, query: [segment.filter.databaseJSON])
            let signer = try session.cursorSigner(on: connection)
            let after = try cursor.map { try signer.cursor($0, for: scope) }
            // An ancestor's segment may be narrowed to a unit this user cannot see (a national
            // "Jawa Tengah journalists" seen from Sidoarjo): none of its contacts are theirs to see.
            if let under = segment.filter.under, try !SegmentFilter.unitReadable(under, on: connection) {
                return SegmentContacts(segment: segment, contacts: [], total: 0, totalIsAtLeast: false, nextCursor: nil)
            }
            let page = try Self.search(segment.filter, after: after, limit: limit + 1, on: connection)
            let shown = Array(page.prefix(limit))
            let next = page.count > limit ? shown.last.map { signer.token($0, for: scope) } : nil
            let (total, capped) = try Self.count(segment.filter, on: connection)
            return SegmentContacts(
                segment: segment, contacts: try MemberSummary.load(shown.map(\.id), on: connection),
                total: total, totalIsAtLeast: capped, nextCursor: next)
        }
    }

    /// One call of the search function with the segment's stored filter: `q` is its own
    /// argument, every other key goes in the filter object. Each hit comes with its whole sort
    /// key, the position the next call continues from.
    static func search(
        _ filter: SegmentFilter, after: PageCursor?, limit: Int, on connection: PostgresConnection
    ) throws -> [PageCursor] {
        var filters = filter
        filters.q = nil
        return try connection.query("""
            SELECT r.contact_id, r.score, r.search_name
            FROM humas.search_contacts(\(filter.q), \(filters.databaseJSON)::jsonb, \(after?.score)::real,
                                       \(after?.name)::text, \(after?.id)::bigint, \(limit)) r
            """).map {
            PageCursor(score: try $0.decode("score"), name: try $0.decode("search_name"), id: try $0.decode("contact_id"))
        }
    }

    /// How many contacts match, walking the pages up to ``countLimit``.
    static func count(_ filter: SegmentFilter, on connection: PostgresConnection) throws -> (Int, Bool) {
        let pageSize = 1000
        var total = 0
        var after: PageCursor?
        while total < countLimit {
            let page = try search(filter, after: after, limit: pageSize, on: connection)
            total += page.count
            guard page.count == pageSize, let last = page.last else { return (total, false) }
            after = last
        }
        return (total, true)
    }
}
