/// What went wrong in the user's terms. Front ends map each case to an exit code or HTTP status;
/// the message is one line that names the field or rule and says what to do.
public enum HumasError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A value the user gave breaks a rule; `field` names it as the user typed it (`--phone`, `phones[1]`).
    case invalid(field: String, message: String)
    /// Several values break rules at once (a form with an end before its start and an unknown
    /// kind): all of them, so the user fixes everything in one go.
    case invalidFields([InvalidField])
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
        case .invalidFields(let fields): fields.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        case .notFound(let entity, let key): "\(entity) \(key) not found"
        case .forbidden(let message): message
        case .conflict(let message, _): message
        case .unauthenticated(let message): message
        case .unavailable(let message): message
        }
    }
}

/// One field of an ``HumasError/invalidFields(_:)`` error.
public struct InvalidField: Sendable, Equatable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Gathers the problems of one input, then throws them together.
struct FieldProblems {
    private(set) var fields: [InvalidField] = []

    /// Runs one check of input (which throws only ``HumasError/invalid(field:message:)``); the
    /// problem it finds is kept, and the checked value (or nil) returned.
    @discardableResult
    mutating func check<T>(_ work: () throws -> T) -> T? {
        do {
            return try work()
        } catch HumasError.invalidFields(let more) {
            fields += more
        } catch HumasError.invalid(let field, let message) {
            fields.append(InvalidField(field: field, message: message))
        } catch {
            fields.append(InvalidField(field: "input", message: String(describing: error)))
        }
        return nil
    }

    mutating func add(_ field: String, _ message: String) {
        fields.append(InvalidField(field: field, message: message))
    }

    /// Throws what was gathered: one field as ``HumasError/invalid(field:message:)``, several together.
    func throwIfAny() throws {
        switch fields.count {
        case 0: return
        case 1: throw HumasError.invalid(field: fields[0].field, message: fields[0].message)
        default: throw HumasError.invalidFields(fields)
        }
    }
}
