import Humas
import Postgres

/// One scope the benchmark searches as: a user of a kabupaten/kota, a province and KPU RI.
struct BenchLevel: Sendable {
    let label: String
    let unitCode: String
    let email: String
    var userID: Int64 = 0

    static let all = [
        BenchLevel(label: "kabupaten/kota (KPU Kota Semarang)", unitCode: "ID-JT-KOTA-SEMARANG", email: "bench.kota-semarang@humas.example"),
        BenchLevel(label: "province (KPU Provinsi Jawa Tengah)", unitCode: "ID-JT", email: "bench.jateng@humas.example"),
        BenchLevel(label: "national (KPU RI)", unitCode: "ID", email: "bench.kpu-ri@humas.example"),
    ]
}

/// What the benchmark prepares with the admin connection, as `humas_owner`: its users, and the
/// query list the pgbench baseline reads (pgbench variables hold numbers only).
enum BenchSetup {
    static func prepare(levels: [BenchLevel], on connection: PostgresConnection) throws -> [BenchLevel] {
        try connection.withTransaction { transaction in
            try transaction.execute(script: "SET LOCAL ROLE humas_owner")
            var prepared: [BenchLevel] = []
            for var level in levels {
                try transaction.execute("""
                    INSERT INTO humas.users (email, full_name, unit_id, role)
                    SELECT \(level.email), 'Benchmark user', u.id, 'viewer' FROM humas.units u WHERE u.code = \(level.unitCode)
                    ON CONFLICT (email) DO NOTHING
                    """)
                let row = try transaction.query("SELECT id FROM humas.users WHERE email = \(level.email)")
                guard let id = try row.first?.decode("id", as: Int64.self) else {
                    throw BenchError("unit \(level.unitCode) is missing: run `humas seed` first")
                }
                level.userID = id
                prepared.append(level)
            }
            return prepared
        }
    }

    /// The query list the pgbench baseline picks from, replacing the previous one.
    static func load(queries: [String], on connection: PostgresConnection) throws {
        try connection.withTransaction { transaction in
            try transaction.execute(script: """
                SET LOCAL ROLE humas_owner;
                CREATE SCHEMA IF NOT EXISTS bench;
                CREATE TABLE IF NOT EXISTS bench.search_queries (i int PRIMARY KEY, q text NOT NULL);
                TRUNCATE bench.search_queries
                """)
            for (index, query) in queries.enumerated() {
                try transaction.execute("INSERT INTO bench.search_queries (i, q) VALUES (\(index + 1), \(query))")
            }
        }
    }

    static func interactionCount(on connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT count(*) AS n FROM humas.interactions WHERE deleted_at IS NULL")[0].decode("n")
    }

    /// Fresh statistics and visibility maps after a bulk load: the search reads
    /// `contacts_search_name_idx` index-only, which needs the pages marked all-visible.
    static func vacuumAnalyze(on connection: PostgresConnection) throws {
        // VACUUM refuses to run in a transaction block, so each statement goes on its own.
        try connection.execute(script: "SET ROLE humas_owner")
        try connection.execute(script: "VACUUM (ANALYZE) humas.contacts, humas.organizations, humas.affiliations, humas.search_names, humas.search_words, humas.search_word_units, humas.search_outside_orgs, humas.interactions, humas.interaction_participants, humas.interaction_coorganizers")
        try connection.execute(script: "RESET ROLE")
    }

    static func contactCount(on connection: PostgresConnection) throws -> Int {
        try connection.withTransaction { transaction in
            try transaction.execute(script: "SET LOCAL ROLE humas_owner")
            return try transaction.query("SELECT count(*) AS n FROM humas.contacts WHERE deleted_at IS NULL")[0].decode("n")
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
