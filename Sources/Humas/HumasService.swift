import Foundation
import Logging
import Postgres

/// The entry to the service layer: log a user in, then work through their ``Session``.
/// Both front ends (CLI and HTTP) hold one of these.
public final class HumasService: Sendable {
    public let database: HumasDatabase

    public init(database: HumasDatabase) {
        self.database = database
    }

    public convenience init(target: DatabaseTarget = DatabaseTarget(), poolSize: Int = 4, logger: Logger = Logger(label: "humas")) {
        self.init(database: HumasDatabase(target: target, size: poolSize, logger: logger))
    }

    /// The enabled user with this e-mail (the local CLI's `--as`).
    public func session(email: String) async throws -> Session {
        let normalized = email.trimmingCharacters(in: .whitespaces).lowercased()
        let user = try await database.transaction { connection -> ActingUser? in
            let id = try connection.query("SELECT humas.lookup_user_id(\(normalized)) AS id")[0].decode("id", as: Int64?.self)
            return try id.map { try Self.actingUser($0, on: connection) }
        }
        guard let user else {
            throw HumasError.unauthenticated("no enabled user \(normalized); check --as / HUMAS_AS (a fresh install has admin@kpu.go.id)")
        }
        return Session(user: user, database: database)
    }

    /// The user owning this API token, when it is known, not revoked and the user enabled.
    /// Only the token's SHA-256 reaches the database, in one statement (`humas.token_user`):
    /// every API request pays it.
    public func session(token: String) async throws -> Session {
        let user = try await database.statement { connection -> ActingUser? in
            let rows = try connection.query("""
                SELECT id, email, full_name, role, unit_id, unit_code, unit_name
                FROM humas.token_user(sha256(convert_to(\(token), 'UTF8')))
                """)
            return try rows.first.map(ActingUser.init(row:))
        }
        guard let user else { throw try await refusal(ofToken: token) }
        return Session(user: user, database: database)
    }

    /// Why a token that logs nobody in was refused, in words that say what to do.
    private func refusal(ofToken token: String) async throws -> HumasError {
        let reason = try await database.statement { connection -> String? in
            let rows = try connection.query("SELECT humas.token_refusal(sha256(convert_to(\(token), 'UTF8'))) AS reason")
            return try rows.first?.decode("reason", as: String?.self) ?? nil
        }
        switch reason {
        case "user_disabled":
            return .unauthenticated("the token's user is disabled; ask an admin of your office for access")
        case "revoked":
            return .unauthenticated("the token was revoked; issue a new one with `humas token issue`")
        default:
            return .unauthenticated("the token is unknown; issue one with `humas token issue`")
        }
    }

    /// The enabled user with this id (the mail worker starting a mailing someone scheduled).
    func session(userID: Int64) async throws -> Session {
        let user = try await database.transaction { connection -> ActingUser? in
            try connection.setLocal("humas.user_id", to: String(userID))
            let enabled = try connection.query("SELECT humas.acting_user_id() AS id")[0].decode("id", as: Int64?.self)
            return try enabled.map { try Self.actingUser($0, on: connection) }
        }
        guard let user else { throw HumasError.unauthenticated("user \(userID) is disabled or gone") }
        return Session(user: user, database: database)
    }

    /// The user's row and unit, read as that user (their own row is always visible to them).
    private static func actingUser(_ userID: Int64, on connection: PostgresConnection) throws -> ActingUser {
        try connection.setLocal("humas.user_id", to: String(userID))
        return try ActingUser(row: connection.query("""
            SELECT u.id, u.email, u.full_name, u.role, u.unit_id, un.code AS unit_code, un.name AS unit_name
            FROM humas.users u JOIN humas.units un ON un.id = u.unit_id
            WHERE u.id = \(userID)
            """)[0])
    }

    public func shutdown() async {
        await database.shutdown()
    }
}
