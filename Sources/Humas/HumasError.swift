/// What went wrong in the user's terms. Front ends map each case to an exit code or HTTP status;
/// the message is one line that names the field or rule and says what to do.
public enum HumasError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A value the user gave breaks a rule; `field` names it as the user typed it (`--phone`, `phones[1]`).
    case invalid(field: String, message: String)
    /// No such record within the caller's scope: records outside it are "not found", never "forbidden".
    case notFound(entity: String, key: String)
    /// The caller's role may not do this, or the record is visible but read-only for them.
    case forbidden(String)
    /// The write would duplicate an existing record; `existingID` lets the user look at it.
    case conflict(String, existingID: Int64?)
    /// Who is acting is unknown, disabled, or their token is bad.
    case unauthenticated(String)
    /// The database cannot be reached; says what was tried and what to do.
    case unavailable(String)

    public var description: String {
        switch self {
        case .invalid(let field, let message): "\(field): \(message)"
        case .notFound(let entity, let key): "\(entity) \(key) not found"
        case .forbidden(let message): message
        case .conflict(let message, _): message
        case .unauthenticated(let message): message
        case .unavailable(let message): message
        }
    }
}
