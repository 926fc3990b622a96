import Foundation
import Postgres

/// The database the tests use: `HUMAS_TEST_DATABASE_URL`, or the embedded cluster's superuser
/// (`make test` starts it with `humas db up`).
enum TestDatabase {
    static var conninfo: String {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["HUMAS_TEST_DATABASE_URL"], !url.isEmpty { return url }
        let home = environment["HUMAS_HOME"] ?? ".humas"
        let recorded = (try? String(contentsOfFile: home + "/location", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let root = URL(fileURLWithPath: (recorded?.isEmpty == false ? recorded! : home)).standardizedFileURL.path
        return "host='\(root)/run' port=5432 dbname=humas user=postgres"
    }

    static func connect() throws -> PostgresConnection {
        try PostgresConnection(conninfo: conninfo)
    }

    /// Has the server close the one connection of a size-1 `pool`, as a restart or an idle
    /// timeout would, and returns that connection's backend pid.
    static func terminateOnlyConnection(of pool: PostgresPool) async throws -> Int32 {
        let pid = try await pool.withConnection { $0.backendProcessID }
        try connect().execute("SELECT pg_terminate_backend(\(pid))")
        try await Task.sleep(for: .milliseconds(100))
        return pid
    }
}
