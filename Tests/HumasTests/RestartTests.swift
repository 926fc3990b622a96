import Foundation
import Humas
import NIOPosix
import Postgres
import Testing

@Suite("Server restart", .serialized)
struct RestartTests {
    /// Runs on a cluster of its own: restarting the shared one would break the tests running
    /// beside this one.
    @Test("after pg_ctl restart the pool reconnects and the next query succeeds")
    func reconnectsAfterRestart() async throws {
        let home = URL(fileURLWithPath: "/tmp/humas-restart-\(UUID().uuidString.prefix(8))", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let database = try await NIOThreadPool.singleton.runIfActive { try LocalDatabase(home: home).up() }
        defer { try? database.down() }

        let pool = PostgresPool(conninfo: database.conninfo(user: "postgres"), size: 2)
        let before = try await pool.withConnection { $0.backendProcessID }
        try await NIOThreadPool.singleton.runIfActive { try database.restart() }

        let answer = try await pool.withConnection { connection in
            (try connection.query("SELECT 41 + 1")[0].decode(0, as: Int.self), connection.backendProcessID)
        }
        #expect(answer.0 == 42)
        #expect(answer.1 != before)
        await pool.shutdown()
    }
}
