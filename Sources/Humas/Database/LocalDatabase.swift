import Foundation
import Postgres

/// The embedded default: a project-local PostgreSQL cluster under `.humas/`, listening on a Unix
/// socket only, created and started with the machine's own `initdb` and `pg_ctl`.
///
/// PostgreSQL refuses to run as root, so when root the server runs as the `postgres` system user.
/// When that user cannot reach `.humas/` (a home directory closed to others) or the socket path
/// would pass the kernel's 107-byte limit, the cluster lives under `/tmp` instead and
/// `.humas/location` records where.
public struct LocalDatabase: Sendable {
    public static let databaseName = "humas"
    public static let port = 5432

    /// `.humas/` itself, holding `location` when the cluster lives elsewhere.
    public let home: URL
    /// Where the cluster's data, socket and log are.
    public let root: URL
    /// The system user the server runs as when we are root; `nil` runs it as ourselves.
    public let serverUser: String?

    public var dataDirectory: URL { root.appendingPathComponent("pgdata") }
    public var socketDirectory: URL { root.appendingPathComponent("run") }
    public var logFile: URL { root.appendingPathComponent("postgres.log") }

    /// Finds (does not create) the cluster for `home`, default `.humas` in the working directory
    /// or `HUMAS_HOME`.
    public init(home: URL? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = home ?? URL(fileURLWithPath: environment["HUMAS_HOME"] ?? ".humas", isDirectory: true).standardizedFileURL
        self.home = home
        serverUser = getuid() == 0 ? "postgres" : nil
        let recorded = try? String(contentsOf: home.appendingPathComponent("location"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if let recorded, !recorded.isEmpty {
            root = URL(fileURLWithPath: recorded, isDirectory: true)
        } else {
            root = home
        }
    }

    /// The conninfo for a role in the embedded cluster: `humas_app` for the service,
    /// `postgres` (superuser) for set-up and migrations.
    public func conninfo(user: String = "humas_app", database: String = LocalDatabase.databaseName) -> String {
        "host='\(socketDirectory.path)' port=\(Self.port) dbname='\(database)' user='\(user)' connect_timeout=5"
    }

    public var isInitialized: Bool {
        FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("PG_VERSION").path)
    }

    public var isRunning: Bool {
        FileManager.default.fileExists(atPath: socketDirectory.appendingPathComponent(".s.PGSQL.\(Self.port)").path)
            && (try? runPgCtl(["status", "-D", dataDirectory.path])) != nil
    }
}
