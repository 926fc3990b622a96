import Foundation
import Postgres

/// Which PostgreSQL Humas talks to: `DATABASE_URL` or libpq's `PG*` variables when set,
/// otherwise the embedded cluster under `.humas/`.
public struct DatabaseTarget: Sendable {
    /// The embedded cluster, when no configuration points elsewhere.
    public let local: LocalDatabase?
    /// What the service connects with; it then acts as `humas_app`.
    public let appConninfo: String
    /// What migrations and the seed connect with; they then act as `humas_owner`.
    /// `HUMAS_ADMIN_DATABASE_URL` when set, else the same as the service.
    public let adminConninfo: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let conninfo = PostgresConfiguration.conninfoFromEnvironment(environment) {
            local = nil
            appConninfo = conninfo
            adminConninfo = environment["HUMAS_ADMIN_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? conninfo
        } else {
            let database = LocalDatabase(environment: environment)
            local = database
            appConninfo = database.conninfo(user: DatabaseRoles.app)
            adminConninfo = database.conninfo(user: "postgres")
        }
    }

    /// Where we tried to connect, for error messages; never includes a password.
    public var summary: String {
        if let local { return "the local database (socket in \(local.socketDirectory.path))" }
        if appConninfo.isEmpty { return "the server named by the PG* variables" }
        return "DATABASE_URL (\(PostgresConfiguration.describe(appConninfo)))"
    }

    /// What the user can do when the database cannot be reached.
    public var remedy: String {
        local != nil ? "start it with `humas db up` (or `make run`)" : "check DATABASE_URL and that the server is running"
    }

    /// Turns a failed connection into one line saying what was tried and what to do.
    func unreachable(_ error: PostgresError) -> HumasError {
        .unavailable("cannot connect to \(summary): \(error.message); \(remedy)")
    }
}
