import Postgres

extension ContactDirectory {
    /// Contacts matching `filters`, in name order, a page at a time.
    public func list(_ filters: ContactFilters = ContactFilters(), limit: Int = 50, cursor: String? = nil) async throws -> ContactPage {
        try await search("", filters: filters, limit: limit, cursor: cursor)
    }

    /// Ranked search over contact names and their current organizations' names, case-, accent-
    /// and typo-tolerant, combined with `filters`; best first, a page at a time.
    ///
    /// The matching runs in `humas.search_contacts`, a SECURITY DEFINER function that applies the
    /// access rule itself so that it can use the search indexes (row-level security would hide
    /// them from the planner); it returns ids and sort keys only. The page's rows are then read
    /// with an ordinary SELECT under row-level security, so nothing outside the scope can come back.
    /// - Parameters:
    ///   - text: Free text; empty lists by name.
    ///   - cursor: `nextCursor` of the previous page, with the same text and filters.
    public func search(_ text: String, filters: ContactFilters = ContactFilters(), limit: Int = 50, cursor: String? = nil) async throws -> ContactPage {
        try PageSize.check(limit)
        let session = session
        let scope = CursorScope(listing: "contacts", userID: session.user.id, query: [text, filters.searchJSON])
        return try await session.transaction { connection in
            let signer = try session.cursorSigner(on: connection)
            let after = try cursor.map { try signer.cursor($0, for: scope) }
            // A hidden organization is refused like an unknown one, before the search function
            // could find its visible branches (and so tell that it exists).
            if let organization = filters.organization {
                try OrganizationDirectory.requireVisible(organization, field: "organization", on: connection)
            }
            if let party = DirectoryInput.text(filters.party) {
                _ = try OrganizationDirectory.resolveParty(party, on: connection)
            }
            if let under = DirectoryInput.text(filters.under) {
                _ = try UnitDirectory.resolve(under, field: "under", on: connection)
            }
            let rows = try connection.query(Self.searchPage(text, filters: filters, after: after, limit: limit))
            var contacts: [Contact] = []
            var last: PageCursor?
            for row in rows.prefix(limit) {
                last = PageCursor(score: try row.decode("hit_score"), name: try row.decode("hit_name"), id: try row.decode("hit_id"))
                if try !row.isNull("id") { contacts.append(try Contact(row: row)) }
            }
            let next = rows.count > limit ? last.map { signer.token($0, for: scope) } : nil
            return ContactPage(contacts: contacts, nextCursor: next)
        }
    }

    /// The search as one statement: the ranked ids from `humas.search_contacts`, then each one's
    /// row read under row-level security (a row the policies hide comes back empty and is left
    /// out). One hit more than the page tells whether another page follows; its row is not read.
    /// `scripts/bench-http.sh` gives pgbench this same statement.
    static func searchPage(_ text: String, filters: ContactFilters, after: PageCursor?, limit: Int) -> PostgresQuery {
        """
        WITH hits AS MATERIALIZED (
            SELECT s.contact_id, s.score, s.search_name, s.rank
            FROM humas.search_contacts(\(text), \(filters.searchJSON)::jsonb, \(after?.score)::real, \(after?.name)::text,
                                       \(after?.id)::bigint, \(limit + 1)) WITH ORDINALITY AS s(contact_id, score, search_name, rank))
        SELECT h.contact_id AS hit_id, h.score AS hit_score, h.search_name AS hit_name, page.*
        FROM hits h LEFT JOIN LATERAL (\(Contact.select) WHERE c.id = h.contact_id) page ON h.rank <= \(limit)
        ORDER BY h.rank
        """
    }
}
