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
    /// them from the planner); it returns ids only. The page's rows are then read with an
    /// ordinary SELECT under row-level security, so nothing outside the scope can come back.
    /// - Parameters:
    ///   - text: Free text; empty lists by name.
    ///   - cursor: `nextCursor` of the previous page.
    public func search(_ text: String, filters: ContactFilters = ContactFilters(), limit: Int = 50, cursor: String? = nil) async throws -> ContactPage {
        try PageSize.check(limit)
        let after = try cursor.map { try PageCursor(token: $0) }
        return try await session.transaction { connection in
            if let party = DirectoryInput.text(filters.party) {
                _ = try OrganizationDirectory.resolveParty(party, on: connection)
            }
            if let under = DirectoryInput.text(filters.under) {
                _ = try UnitDirectory.resolve(under, field: "under", on: connection)
            }
            // One row more than the page tells whether another page follows.
            let hits = try connection.query("""
                SELECT s.contact_id, s.score
                FROM humas.search_contacts(\(text), \(filters.searchJSON)::jsonb, \(after?.score)::real,
                                           \(after?.id)::bigint, \(limit + 1)) s
                """)
            var ranked: [(id: Int64, score: Float)] = []
            for hit in hits {
                ranked.append((try hit.decode("contact_id"), try hit.decode("score")))
            }
            let page = Array(ranked.prefix(limit))
            let rows = try connection.query("\(Contact.select) WHERE c.id = ANY (\(page.map(\.id))::bigint[])")
            var byID: [Int64: Contact] = [:]
            for row in rows {
                let contact = try Contact(row: row)
                byID[contact.id] = contact
            }
            let contacts = page.compactMap { byID[$0.id] }
            let next = ranked.count > limit ? page.last.map { PageCursor(score: $0.score, id: $0.id).token } : nil
            return ContactPage(contacts: contacts, nextCursor: next)
        }
    }
}
