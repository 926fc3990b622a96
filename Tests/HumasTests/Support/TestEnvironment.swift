import Foundation
import Humas
import Postgres

/// Paths and connections the Humas tests share.
enum TestEnvironment {
    /// The repository's root, found from this file's place in it.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var sqlDirectory: URL { repositoryRoot.appendingPathComponent("sql") }
    static var seedDirectory: URL { repositoryRoot.appendingPathComponent("seed") }
    static var humasExecutable: URL { repositoryRoot.appendingPathComponent(".build/debug/humas") }

    /// The embedded cluster `make test` started (`humas db up`).
    static var target: DatabaseTarget {
        DatabaseTarget(environment: ["HUMAS_HOME": repositoryRoot.appendingPathComponent(".humas").path])
    }

    static func superuser(database: String = LocalDatabase.databaseName) throws -> PostgresConnection {
        try PostgresConnection(conninfo: target.local!.conninfo(user: "postgres", database: database))
    }

    /// A fresh, empty database in the test cluster, dropped after `body`.
    static func withScratchDatabase<T>(_ body: (_ name: String, _ conninfo: String) async throws -> T) async throws -> T {
        let name = "humas_scratch_\(UInt32.random(in: 0..<UInt32.max))"
        let admin = try superuser(database: "postgres")
        try admin.execute(script: "CREATE DATABASE \(name) OWNER humas_owner")
        defer { _ = try? admin.execute(script: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        return try await body(name, target.local!.conninfo(user: "postgres", database: name))
    }
}
