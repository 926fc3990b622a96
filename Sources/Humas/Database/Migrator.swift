import Foundation
import Postgres

/// Applies `sql/NNNN_name.sql` files in order, each once, each in its own transaction, under an
/// advisory lock so two processes never migrate at once. It records each file's SHA-256 and
/// refuses to go on when an applied file has since changed: history is fixed, changes go in a
/// new file.
public struct Migrator: Sendable {
    public struct Migration: Sendable, Equatable {
        public var name: String
        public var checksum: String
        public var appliedAt: Date?
    }

    public let directory: URL
    static let lockKey: Int64 = 0x4855_4d41_535f_4d47  // "HUMAS_MG"

    public init(directory: URL) {
        self.directory = directory
    }

    /// The migration files on disk, in the order they apply.
    public func files() throws -> [(name: String, sql: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".sql") && $0.first?.isNumber == true }
            .sorted()
        return try names.map { ($0, try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// Applies pending files and returns their names. Runs as `humas_owner`, so every object it
    /// creates belongs to that role.
    public func migrate(on connection: PostgresConnection) throws -> [String] {
        // Lock first: even creating the bookkeeping table races with a second migrator.
        try connection.execute("SELECT pg_advisory_lock(\(Self.lockKey))")
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock(\(Self.lockKey))") }
        try prepare(connection)
        let applied = try appliedChecksums(connection)
        var newlyApplied: [String] = []
        for file in try files() {
            let checksum = try self.checksum(file.sql, on: connection)
            if let recorded = applied[file.name] {
                guard recorded == checksum else { throw changedError(file.name) }
                continue
            }
            try connection.withTransaction { transaction in
                try transaction.execute(script: "SET LOCAL ROLE \(DatabaseRoles.owner)")
                do {
                    try transaction.execute(script: file.sql)
                } catch let error as PostgresError {
                    throw HumasError.invalid(field: "sql/\(file.name)", message: "migration failed: \(error.message); nothing of it was applied")
                }
                try transaction.execute(
                    "INSERT INTO humas.schema_migrations (name, checksum) VALUES (\(file.name), \(checksum))")
            }
            newlyApplied.append(file.name)
        }
        return newlyApplied
    }

    /// Every file with the time it was applied, or `nil` while pending; also fails on a changed file.
    public func status(on connection: PostgresConnection) throws -> [Migration] {
        let exists = try connection.query("SELECT to_regclass('humas.schema_migrations') IS NOT NULL AS present")
        let applied: [String: (String, Date)]
        if try exists[0].decode("present", as: Bool.self) {
            let rows = try connection.query("SELECT name, checksum, applied_at FROM humas.schema_migrations")
            applied = Dictionary(uniqueKeysWithValues: try rows.map {
                (try $0.decode("name", as: String.self), (try $0.decode("checksum", as: String.self), try $0.decode("applied_at", as: Date.self)))
            })
        } else {
            applied = [:]
        }
        return try files().map { file in
            let checksum = try self.checksum(file.sql, on: connection)
            if let (recorded, at) = applied[file.name] {
                guard recorded == checksum else { throw changedError(file.name) }
                return Migration(name: file.name, checksum: checksum, appliedAt: at)
            }
            return Migration(name: file.name, checksum: checksum, appliedAt: nil)
        }
    }

    /// The schema and the bookkeeping table must exist before the first file, which may not be
    /// able to create them itself on a database owned by another role.
    private func prepare(_ connection: PostgresConnection) throws {
        try DatabaseRoles.ensureUsable(on: connection)
        try connection.execute(script: """
            CREATE SCHEMA IF NOT EXISTS humas AUTHORIZATION \(DatabaseRoles.owner);
            CREATE TABLE IF NOT EXISTS humas.schema_migrations (
                name text PRIMARY KEY,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            ALTER TABLE humas.schema_migrations OWNER TO \(DatabaseRoles.owner);
            """)
    }

    private func appliedChecksums(_ connection: PostgresConnection) throws -> [String: String] {
        let rows = try connection.query("SELECT name, checksum FROM humas.schema_migrations")
        return Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(0, as: String.self), try $0.decode(1, as: String.self)) })
    }

    private func checksum(_ sql: String, on connection: PostgresConnection) throws -> String {
        try connection.query("SELECT encode(sha256(convert_to(\(sql), 'UTF8')), 'hex')")[0].decode(0, as: String.self)
    }

    private func changedError(_ name: String) -> HumasError {
        .invalid(
            field: "sql/\(name)",
            message: "this migration was changed after it was applied (its checksum differs); restore the original file and put the change in a new migration")
    }
}
