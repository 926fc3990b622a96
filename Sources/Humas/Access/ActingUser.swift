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
