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
        let userID = try await database.transaction { connection in
            try connection.query("SELECT humas.lookup_user_id(\(normalized)) AS id")[0].decode("id", as: Int64?.self)
        }
        guard let userID else {
            throw HumasError.unauthenticated("no enabled user \(normalized); check --as / HUMAS_AS (a fresh install has admin@kpu.go.id)")
        }
        return try await session(userID: userID)
    }

    /// The user owning this API token, when it is known, not revoked and the user enabled.
    /// Only the token's SHA-256 reaches the database.
    public func session(token: String) async throws -> Session {
        let userID = try await database.transaction { connection in
            try connection.query("SELECT humas.authenticate_token(sha256(convert_to(\(token), 'UTF8'))) AS id")[0]
                .decode("id", as: Int64?.self)
        }
        guard let userID else { throw HumasError.unauthenticated("the token is unknown or revoked") }
        return try await session(userID: userID)
    }

    private func session(userID: Int64) async throws -> Session {
        let user = try await database.transaction { connection in
            try connection.setLocal("humas.user_id", to: String(userID))
            let row = try connection.query("""
                SELECT u.id, u.email, u.full_name, u.role, u.unit_id, un.code, un.name
                FROM humas.users u JOIN humas.units un ON un.id = u.unit_id
                WHERE u.id = \(userID)
                """)[0]
            return ActingUser(
                id: try row.decode("id"), email: try row.decode("email"), fullName: try row.decode("full_name"),
                role: try Role(rawValue: row.decode("role")) ?? .viewer, unitID: try row.decode("unit_id"),
                unitCode: try row.decode("code"), unitName: try row.decode("name"))
        }
        return Session(user: user, database: database)
    }

    public func shutdown() async {
        await database.shutdown()
    }
}
