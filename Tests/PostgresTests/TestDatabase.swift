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
}
