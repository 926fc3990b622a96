import Postgres

extension HumasService {
    /// Checks that the database answers a trivial query, for readiness probes (`/ready`).
    /// - Throws: ``HumasError/unavailable(_:)`` naming what was tried and what to do.
    public func checkDatabase() async throws {
        try await database.transaction { connection in _ = try connection.query("SELECT 1") }
    }
}
