import Hummingbird

extension Request {
    /// The query string's parameters, percent-decoded.
    var query: QueryString { QueryString(request: self) }
}

/// Typed access to query parameters; a value of the wrong type is a 400 naming the parameter.
struct QueryString: Sendable {
    let request: Request

    /// The parameter's first value; 400 when it holds a NUL character, which no text field can.
    func first(named name: String) throws -> String? {
        guard let value = request.uri.queryParameters[name[...]].map(String.init) else { return nil }
        guard !value.contains("\u{0}") else { throw Problem.invalidFields([(name, "must not contain a NUL character")]) }
        return value
    }

    func int64(_ name: String) throws -> Int64? {
        guard let raw = try first(named: name) else { return nil }
        guard let value = Int64(raw) else { throw Problem.invalidFields([(name, "must be an integer")]) }
        return value
    }

    func bool(_ name: String) throws -> Bool? {
        switch try first(named: name) {
        case nil: return nil
        case "true": return true
        case "false": return false
        default: throw Problem.invalidFields([(name, "must be true or false")])
        }
    }
}
