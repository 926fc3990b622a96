import Foundation
import Postgres

/// A person who logs in to Humas: one unit, one role.
public struct User: Sendable, Codable, Hashable {
    public var id: Int64
    public var email: String
    public var fullName: String
    public var role: Role
    public var unitCode: String
    public var unitName: String
    /// When an admin disabled the user; a disabled user can neither log in nor use their tokens.
    public var disabledAt: Date?
    public var createdAt: Date

    public var isDisabled: Bool { disabledAt != nil }

    /// The columns ``init(row:)`` reads, from `humas.users u JOIN humas.units un`.
    static let columns = """
        u.id, u.email, u.full_name, u.role, un.code AS unit_code, un.name AS unit_name, u.disabled_at, u.created_at
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        email = try row.decode("email")
        fullName = try row.decode("full_name")
        // The table's check constraint admits only the three roles.
        role = Role(rawValue: try row.decode("role")) ?? .viewer
        unitCode = try row.decode("unit_code")
        unitName = try row.decode("unit_name")
        disabledAt = try row.decode("disabled_at")
        createdAt = try row.decode("created_at")
    }
}
