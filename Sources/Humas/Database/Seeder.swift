import Foundation
import Postgres

/// Loads `seed/*.sql` (units, parties, the first admin, demo data) in name order, in one
/// transaction as `humas_owner`. The files are idempotent, so seeding twice changes nothing.
public struct Seeder: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }.sorted()
    }

    /// Returns the names of the files loaded.
    public func load(on connection: PostgresConnection, includeDemo: Bool = true) throws -> [String] {
        let names = try files().filter { includeDemo || !$0.contains("demo") }
        try connection.withTransaction { transaction in
            try transaction.execute(script: "SET LOCAL ROLE \(DatabaseRoles.owner); SET LOCAL search_path = humas, public")
            for name in names {
                let sql = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                do {
                    try transaction.execute(script: sql)
                } catch let error as PostgresError {
                    throw HumasError.invalid(field: "seed/\(name)", message: "seeding failed: \(error.message); nothing was loaded")
                }
            }
        }
        return names
    }
}
