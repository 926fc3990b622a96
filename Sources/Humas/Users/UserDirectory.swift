import Foundation
import Postgres

/// The users of the acting user's subtree: admins add and disable them; everyone may list the
/// users they can see (their own subtree, and themselves).
public struct UserDirectory: Sendable {
    let session: Session

    /// Adds a user to a unit in the admin's subtree.
    /// - Parameters:
    ///   - email: The user's login; stored in lowercase, as logins are case-insensitive.
    ///   - fullName: The name shown in the audit trail and lists.
    ///   - unit: The unit's code; the admin's own unit when `nil`.
    ///   - role: What the user may do within their unit's subtree.
    /// - Throws: ``HumasError/forbidden(_:)`` for a non-admin or a unit outside the admin's
    ///   subtree; ``HumasError/invalid(field:message:)`` for a bad or already used e-mail.
    public func add(email: String, fullName: String, unit: String? = nil, role: Role) async throws -> User {
        try session.requireAdmin("add users")
        let address = try Self.normalizedEmail(email)
        let name = try DirectoryInput.name(fullName, field: "full_name", example: "Siti Rahayu")
        return try await session.transaction { [session] connection in
            let target = try UnitDirectory.resolveWritable(unit, for: session, on: connection)
            let inserted = try connection.query("""
                INSERT INTO humas.users AS u (email, full_name, unit_id, role)
                VALUES (\(address), \(name), \(target.id), \(role.rawValue))
                RETURNING u.id, to_jsonb(u)::text AS after
                """)[0]
            let id: Int64 = try inserted.decode("id")
            try AuditLog.record(
                on: connection, unitID: target.id, action: .create, entity: "user", entityID: id,
                before: nil, after: try inserted.decode("after"))
            return try Self.fetch(id: id, on: connection)
        }
    }

    /// Users visible to the acting user, by unit then e-mail.
    /// - Parameters:
    ///   - under: Only users of this unit and the units below it.
    ///   - includeDisabled: Also list disabled users.
    public func list(under: String? = nil, includeDisabled: Bool = false) async throws -> [User] {
        try await session.transaction { connection in
            var query: PostgresQuery = """
                SELECT \(unsafeSQL: User.columns) FROM humas.users u JOIN humas.units un ON un.id = u.unit_id WHERE true
                """
            if let under {
                let root = try UnitDirectory.resolve(under, field: "under", on: connection)
                query += " AND u.unit_id BETWEEN \(root.id) AND \(root.subtreeEnd)"
            }
            if !includeDisabled {
                query += " AND u.disabled_at IS NULL"
            }
            query += " ORDER BY u.unit_id, u.email"
            return try connection.query(query).map(User.init(row:))
        }
    }

    /// Disables a user of the admin's subtree: they can no longer log in, nor use their tokens.
    /// Disabling an already disabled user changes nothing.
    /// - Throws: ``HumasError/notFound(entity:key:)`` for a user outside the admin's subtree;
    ///   ``HumasError/forbidden(_:)`` for a non-admin or for the admin themselves.
    public func disable(email: String) async throws -> User {
        try session.requireAdmin("disable users")
        let address = try Self.normalizedEmail(email)
        guard address != session.user.email else {
            throw HumasError.forbidden("you cannot disable yourself; ask another admin of your unit or above")
        }
        return try await session.transaction { connection in
            // Row-level security hides users outside the admin's subtree: they are "not found".
            let rows = try connection.query("""
                SELECT u.id, u.unit_id, u.disabled_at IS NOT NULL AS disabled, to_jsonb(u)::text AS before
                FROM humas.users u WHERE u.email = \(address) FOR UPDATE
                """)
            guard let current = rows.first else { throw HumasError.notFound(entity: "user", key: address) }
            let id: Int64 = try current.decode("id")
            if try current.decode("disabled", as: Bool.self) == false {
                let after = try connection.query("""
                    UPDATE humas.users AS u SET disabled_at = now() WHERE u.id = \(id) RETURNING to_jsonb(u)::text AS after
                    """)[0]
                try AuditLog.record(
                    on: connection, unitID: try current.decode("unit_id"), action: .disable, entity: "user", entityID: id,
                    before: try current.decode("before"), after: try after.decode("after"))
            }
            return try Self.fetch(id: id, on: connection)
        }
    }

    /// The e-mail as stored: validated, and wholly lowercase because logins ignore case
    /// (`humas.users` enforces it).
    static func normalizedEmail(_ raw: String) throws -> String {
        try EmailAddress.normalize(raw, field: "email").lowercased()
    }

    static func fetch(id: Int64, on connection: PostgresConnection) throws -> User {
        let rows = try connection.query("""
            SELECT \(unsafeSQL: User.columns) FROM humas.users u JOIN humas.units un ON un.id = u.unit_id WHERE u.id = \(id)
            """)
        guard let row = rows.first else { throw HumasError.notFound(entity: "user", key: String(id)) }
        return try User(row: row)
    }
}

extension Session {
    /// Users of the acting user's subtree.
    public var users: UserDirectory { UserDirectory(session: self) }
}
