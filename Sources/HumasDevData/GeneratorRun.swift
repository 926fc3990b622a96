import Humas
import Postgres

/// What every generator does around its own rows: checks the count it was asked for, loads in
/// one transaction as `humas_owner` holding the generators' lock, analyzes what it loaded and
/// times it all.
enum GeneratorRun {
    /// - Throws: ``HumasError/invalid(field:message:)`` naming the flag for a count outside 1…`maximum`.
    static func checkCount(_ count: Int, maximum: Int, flag: String) throws {
        guard (1...maximum).contains(count) else {
            throw HumasError.invalid(field: flag, message: "must be between 1 and \(maximum), got \(count)")
        }
    }

    /// Runs `load` in a transaction on the admin connection, then ANALYZEs `tables` when it
    /// returns that it added rows; returns its result and the seconds the whole run took.
    static func timed<Loaded: Sendable>(
        admin: DatabaseAdmin, analyzing tables: String?,
        _ load: @escaping @Sendable (PostgresConnection) throws -> (result: Loaded, added: Bool)
    ) async throws -> (result: Loaded, seconds: Double) {
        try await admin.withAdminConnection { connection in
            let started = ContinuousClock.now
            let (result, added) = try connection.withTransaction { transaction in
                try transaction.execute(script: "SET LOCAL ROLE \(DatabaseRoles.owner); SET LOCAL search_path = humas, public")
                // One run at a time, whatever the seed or the kind of rows: two runs of one seed
                // must not both load it, a seed's activities need its contacts committed, and any
                // two contact runs, adding names to the search dictionary in batch after batch of
                // one transaction, would each wait on names the other added earlier (a deadlock).
                try transaction.query("SELECT pg_advisory_xact_lock(hashtext(\("humas.dev.generate")))")
                return try load(transaction)
            }
            if added, let tables {
                // A big load changes the tables' statistics enough to mislead the planner until
                // autovacuum notices; a few seconds now keep the first queries fast.
                try connection.execute(script: "SET ROLE \(DatabaseRoles.owner)")
                try connection.execute(script: "ANALYZE \(tables)")
                try connection.execute(script: "RESET ROLE")
            }
            let elapsed = ContinuousClock.now - started
            return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
    }
}
