import Foundation
import Humas
import NIOPosix
import Postgres
import Testing

@Suite("Migrations")
struct MigratorTests {
    @Test("every file applies once, in order; a second run applies nothing")
    func appliesOnce() async throws {
        try await TestEnvironment.withScratchDatabase { _, conninfo in
            let migrator = Migrator(directory: TestEnvironment.sqlDirectory)
            let files = try migrator.files().map(\.name)
            let connection = try PostgresConnection(conninfo: conninfo)
            #expect(try migrator.migrate(on: connection) == files)
            #expect(try migrator.migrate(on: connection) == [])
            let status = try migrator.status(on: connection)
            #expect(status.map(\.name) == files)
            #expect(status.allSatisfy { $0.appliedAt != nil })
            let owner = try connection.query("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'humas'")
            #expect(try owner[0].decode(0, as: String.self) == "humas_owner")
        }
    }

    @Test("two processes migrating at once apply each file exactly once")
    func advisoryLockSerializes() async throws {
        try await TestEnvironment.withScratchDatabase { _, conninfo in
            let migrator = Migrator(directory: TestEnvironment.sqlDirectory)
            let results = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await NIOThreadPool.singleton.runIfActive {
                            try migrator.migrate(on: try PostgresConnection(conninfo: conninfo))
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(try results.flatMap { $0 }.sorted() == migrator.files().map(\.name))
        }
    }

    @Test("a changed applied file is refused, naming the file")
    func changedFileRefused() async throws {
        try await TestEnvironment.withScratchDatabase { _, conninfo in
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("humas-sql-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: TestEnvironment.sqlDirectory, to: copy)
            defer { try? FileManager.default.removeItem(at: copy) }
            let connection = try PostgresConnection(conninfo: conninfo)
            let migrator = Migrator(directory: copy)
            _ = try migrator.migrate(on: connection)

            let first = try #require(try migrator.files().first?.name)
            let handle = try FileHandle(forWritingTo: copy.appendingPathComponent(first))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("\n-- edited later\n".utf8))
            try handle.close()

            let error = try #require(throws: HumasError.self) { try migrator.migrate(on: connection) }
            guard case .invalid(let field, let message) = error else { Issue.record("unexpected \(error)"); return }
            #expect(field == "sql/\(first)")
            #expect(message.contains("changed after it was applied"))
            #expect(throws: HumasError.self) { try migrator.status(on: connection) }
        }
    }

    @Test("a failing migration leaves nothing of itself behind")
    func failingMigrationRollsBack() async throws {
        try await TestEnvironment.withScratchDatabase { _, conninfo in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("humas-sql-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            try "CREATE TABLE humas.half (id int); SELECT 1/0;".write(
                to: directory.appendingPathComponent("0001_broken.sql"), atomically: true, encoding: .utf8)
            let connection = try PostgresConnection(conninfo: conninfo)
            #expect(throws: HumasError.self) { try Migrator(directory: directory).migrate(on: connection) }
            let half = try connection.query("SELECT to_regclass('humas.half') IS NULL AS gone")
            #expect(try half[0].decode("gone", as: Bool.self))
            #expect(try Migrator(directory: directory).status(on: connection).allSatisfy { $0.appliedAt == nil })
        }
    }
}
