import Foundation
import NIOPosix
import Postgres

/// Setting up and inspecting the database: what `humas db …` and `humas seed` do.
///
/// Each operation blocks (libpq, `pg_ctl`), so it runs on NIO's blocking-work thread pool, never
/// on Swift's cooperative pool.
public struct DatabaseAdmin: Sendable {
    public let target: DatabaseTarget

    public init(target: DatabaseTarget = DatabaseTarget()) {
        self.target = target
    }

    /// Creates and starts the embedded cluster when it is the target (a configured server is
    /// left alone), then applies pending migrations. Returns the migrations applied.
    public func up() async throws -> [String] {
        if let local = target.local {
            _ = try await offload { try local.up() }
        }
        return try await migrate()
    }

    public func down() async throws {
        guard let local = target.local else {
            throw HumasError.invalid(field: "DATABASE_URL", message: "points at a server Humas did not start; stop that server with its own tools")
        }
        try await offload { try local.down() }
    }

    public func migrate() async throws -> [String] {
        let migrator = Migrator(directory: try ResourceDirectory.locate("sql"))
        return try await withAdminConnection { try migrator.migrate(on: $0) }
    }

    public func status() async throws -> [Migrator.Migration] {
        let migrator = Migrator(directory: try ResourceDirectory.locate("sql"))
        return try await withAdminConnection { try migrator.status(on: $0) }
    }

    public func seed(includeDemo: Bool = true) async throws -> [String] {
        let seeder = Seeder(directory: try ResourceDirectory.locate("seed"))
        return try await withAdminConnection { try seeder.load(on: $0, includeDemo: includeDemo) }
    }

    /// A connection as the admin (migrations, seed), closed when `body` returns.
    public func withAdminConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        let target = self.target
        return try await offload {
            let connection: PostgresConnection
            do {
                connection = try PostgresConnection(conninfo: target.adminConninfo)
            } catch let error as PostgresError {
                throw target.unreachable(error)
            }
            return try body(connection)
        }
    }

    private func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(body)
    }
}
