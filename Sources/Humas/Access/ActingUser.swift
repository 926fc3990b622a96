import Postgres

/// The user a command or request acts as, with the unit whose subtree bounds what they see.
public struct ActingUser: Sendable, Codable, Hashable {
    public var id: Int64
    public var email: String
    public var fullName: String
    public var role: Role
    public var unitID: Int
    public var unitCode: String
    public var unitName: String
}

extension ActingUser {
    /// From a row with the columns id, email, full_name, role, unit_id, unit_code, unit_name.
    init(row: PostgresRow) throws {
        self.init(
            id: try row.decode("id"), email: try row.decode("email"), fullName: try row.decode("full_name"),
            role: try Role(rawValue: row.decode("role")) ?? .viewer, unitID: try row.decode("unit_id"),
            unitCode: try row.decode("unit_code"), unitName: try row.decode("unit_name"))
    }
}
