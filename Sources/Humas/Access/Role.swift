/// What a user may do within their unit's subtree.
public enum Role: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// Users and every write.
    case admin
    /// Directory, interactions and mailings.
    case editor
    /// Read only.
    case viewer

    public var description: String { rawValue }

    /// Whether this role may change directory records (organizations, contacts, lists, …).
    public var writesDirectory: Bool { self == .admin || self == .editor }
}
