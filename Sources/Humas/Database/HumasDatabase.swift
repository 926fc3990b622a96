import Logging
import Postgres

/// The service's connection pool, acting as `humas_app` so that row-level security applies to
/// every statement it sends.
public final class HumasDatabase: Sendable {
    public let target: DatabaseTarget
    let pool: PostgresPool
    /// The key page cursors are signed with, read once (``CursorKeyCache``).
    let cursorKeys = CursorKeyCache()
    /// The acting users' units, read once each (``UnitCache``).
    let units = UnitCache()

    public init(target: DatabaseTarget = DatabaseTarget(), size: Int = 4, logger: Logger = Logger(label: "humas.db")) {
        self.target = target
        pool = PostgresPool(conninfo: target.appConninfo, size: size, logger: logger) { connection in
            // A DATABASE_URL may log in as an admin: acting as humas_app keeps row-level security
            // in force whoever logged in.
            try connection.execute(script: "SET ROLE \(DatabaseRoles.app); SET search_path = humas, public")
        }
    }

    /// Runs `body` in a transaction on a pooled connection, mapping an unreachable or lost database to
    /// one clear line.
    /// `settings` are set for the transaction only (`set_config(name, value, true)`).
    func transaction<T: Sendable>(
        settingLocal settings: [(name: String, value: String)] = [], _ body: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        do {
            return try await pool.withTransaction(settingLocal: settings, body)
        } catch let error as PostgresError where error.isConnectionError {
            throw target.unreachable(error)
        }
    }

    /// Runs `body` on a pooled connection outside any explicit transaction: for one statement,
    /// which is then its own transaction and needs no BEGIN or COMMIT round trips.
    func statement<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        do {
            return try await pool.withConnection(body)
        } catch let error as PostgresError where error.isConnectionError {
            throw target.unreachable(error)
        }
    }

    public func shutdown() async {
        await pool.shutdown()
    }
}
