import Foundation
import Postgres

/// API tokens: a user manages their own; an admin also those of the users in their subtree
/// (the `api_tokens_app_all` policy says so; this type only gives clearer errors).
///
/// Only the SHA-256 of a secret is stored, computed by PostgreSQL exactly as
/// ``HumasService/session(token:)`` computes it at login, and audit rows leave the hash out.
public struct TokenManager: Sendable {
    let session: Session

    /// Issues a token and returns its secret, which cannot be shown again.
    /// - Parameters:
    ///   - label: What the token is for (`"ci"`, `"dashboard"`), shown in lists.
    ///   - email: The user the token acts as; the acting user when `nil`. Only admins issue
    ///     tokens for other users, and only for users of their subtree.
    public func issue(label: String = "", for email: String? = nil) async throws -> IssuedToken {
        let label = label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard label.count <= 100 else {
            throw HumasError.invalid(field: "label", message: "is longer than 100 characters; keep it short, e.g. \"ci\"")
        }
        let owner = try email.map(UserDirectory.normalizedEmail) ?? session.user.email
        if owner != session.user.email {
            try session.requireAdmin("issue tokens for other users")
        }
        let secret = TokenSecret.generate()
        let token = try await session.transaction { connection in
            let users = try connection.query("""
                SELECT u.id, u.unit_id, u.disabled_at IS NOT NULL AS disabled FROM humas.users u WHERE u.email = \(owner)
                """)
            guard let user = users.first else { throw HumasError.notFound(entity: "user", key: owner) }
            guard try user.decode("disabled", as: Bool.self) == false else {
                throw HumasError.invalid(field: "for", message: "\(owner) is disabled; a disabled user cannot use tokens")
            }
            let inserted = try connection.query("""
                INSERT INTO humas.api_tokens AS t (user_id, token_hash, label)
                VALUES (\(try user.decode("id", as: Int64.self)), sha256(convert_to(\(secret), 'UTF8')), \(label))
                RETURNING t.id, (to_jsonb(t) - 'token_hash')::text AS after
                """)[0]
            let id: Int64 = try inserted.decode("id")
            try AuditLog.record(
                on: connection, unitID: try user.decode("unit_id"), action: .issue, entity: "token", entityID: id,
                before: nil, after: try inserted.decode("after"))
            return try Self.fetch(id: id, on: connection)
        }
        return IssuedToken(token: token, secret: secret)
    }

    /// The tokens the acting user manages (their own; an admin's also their subtree's), oldest first.
    public func list() async throws -> [ApiToken] {
        try await session.transaction { connection in
            try connection.query("""
                SELECT \(unsafeSQL: ApiToken.columns) FROM humas.api_tokens t JOIN humas.users u ON u.id = t.user_id
                ORDER BY t.id
                """).map(ApiToken.init(row:))
        }
    }

    /// Revokes a token at once: its next use fails. Revoking a revoked token changes nothing.
    /// - Throws: ``HumasError/notFound(entity:key:)`` for a token the acting user does not manage.
    public func revoke(id: Int64) async throws -> ApiToken {
        try await session.transaction { connection in
            let rows = try connection.query("""
                SELECT t.revoked_at IS NOT NULL AS revoked, u.unit_id, (to_jsonb(t) - 'token_hash')::text AS before
                FROM humas.api_tokens t JOIN humas.users u ON u.id = t.user_id
                WHERE t.id = \(id) FOR UPDATE OF t
                """)
            guard let current = rows.first else { throw HumasError.notFound(entity: "token", key: String(id)) }
            if try current.decode("revoked", as: Bool.self) == false {
                let after = try connection.query("""
                    UPDATE humas.api_tokens AS t SET revoked_at = now() WHERE t.id = \(id)
                    RETURNING (to_jsonb(t) - 'token_hash')::text AS after
                    """)[0]
                try AuditLog.record(
                    on: connection, unitID: try current.decode("unit_id"), action: .revoke, entity: "token", entityID: id,
                    before: try current.decode("before"), after: try after.decode("after"))
            }
            return try Self.fetch(id: id, on: connection)
        }
    }

    static func fetch(id: Int64, on connection: PostgresConnection) throws -> ApiToken {
        let rows = try connection.query("""
            SELECT \(unsafeSQL: ApiToken.columns) FROM humas.api_tokens t JOIN humas.users u ON u.id = t.user_id
            WHERE t.id = \(id)
            """)
        guard let row = rows.first else { throw HumasError.notFound(entity: "token", key: String(id)) }
        return try ApiToken(row: row)
    }
}

extension Session {
    /// API tokens the acting user manages.
    public var tokens: TokenManager { TokenManager(session: self) }
}
