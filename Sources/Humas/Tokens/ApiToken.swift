import Foundation
import Postgres

/// An API token as it may be shown after it was issued: never its secret, never its hash.
public struct ApiToken: Sendable, Codable, Hashable {
    public var id: Int64
    public var label: String
    /// The e-mail of the user the token acts as.
    public var userEmail: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public var isRevoked: Bool { revokedAt != nil }

    /// The columns ``init(row:)`` reads, from `humas.api_tokens t JOIN humas.users u`.
    static let columns = "t.id, t.label, u.email AS user_email, t.created_at, t.last_used_at, t.revoked_at"

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        label = try row.decode("label")
        userEmail = try row.decode("user_email")
        createdAt = try row.decode("created_at")
        lastUsedAt = try row.decode("last_used_at")
        revokedAt = try row.decode("revoked_at")
    }
}

/// A token just issued, with its secret: the only time the secret exists outside its holder.
public struct IssuedToken: Sendable, Codable, Hashable {
    public var token: ApiToken
    /// `humas_` and 64 lowercase hex digits; sent as `Authorization: Bearer <secret>`.
    public var secret: String
}
