import Postgres

/// Search latency through the service path: a `humas_app` pool, one transaction per search that
/// names the acting user (`set_config('humas.user_id', …, true)`, as `Session` does), calls
/// `humas.search_contacts` for a page of 50, then loads that page's rows with an ordinary SELECT
/// under row-level security, and decodes them.
struct SearchBenchmark: Sendable {
    let pool: PostgresPool

    /// The columns a contact list shows; the pgbench baseline loads the same ones.
    static let rowColumns = "c.id, c.full_name, c.honorific, c.category, c.emails, c.phones, c.unit_id, c.tags, c.org_names"

    /// Runs every query once per round for `level`, returning one latency per search.
    func measure(level: BenchLevel, queries: [String], rounds: Int) async throws -> Latencies {
        var latencies = Latencies()
        let clock = ContinuousClock()
        for _ in 0..<rounds {
            for query in queries {
                let started = clock.now
                _ = try await search(query, as: level.userID)
                latencies.add((clock.now - started).milliseconds)
            }
        }
        return latencies
    }

    /// One search: how many contacts the page holds.
    func search(_ query: String, as userID: Int64) async throws -> Int {
        try await pool.withTransaction { connection in
            try connection.setLocal("humas.user_id", to: String(userID))
            let hits = try connection.query(
                "SELECT contact_id, score FROM humas.search_contacts(\(query), '{}', NULL, NULL, NULL, 50)")
            let ids = try hits.map { try $0.decode("contact_id", as: Int64.self) }
            guard !ids.isEmpty else { return 0 }
            let rows = try connection.query("""
                SELECT \(unsafeSQL: Self.rowColumns) FROM humas.contacts c
                WHERE c.id = ANY (\(ids)::bigint[]) AND c.deleted_at IS NULL
                """)
            var names: [Int64: String] = [:]
            for row in rows {
                names[try row.decode("id")] = try row.decode("full_name", as: String.self)
                _ = try row.decode("emails", as: [String].self)
                _ = try row.decode("phones", as: [String].self)
                _ = try row.decode("tags", as: [String].self)
            }
            return ids.compactMap { names[$0] }.count
        }
    }
}
