/// Turns Swift's decoding errors into field-level problems in the API's words.
extension Problem {
    init(decodingError error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self = .invalidFields([(Self.path(context.codingPath + [key]), "is required")])
        case .valueNotFound(_, let context):
            self = .invalidFields([(Self.path(context.codingPath), "must not be null")])
        case .typeMismatch(let type, let context):
            self = .invalidFields([(Self.path(context.codingPath), "must be \(Self.jsonName(of: type))")])
        case .dataCorrupted(let context):
            self = .invalidFields([(Self.path(context.codingPath), "has a value that cannot be read: \(context.debugDescription)")])
        @unknown default:
            self = .badRequest("the body could not be read")
        }
    }

    /// `phones[1].number`, the way a client's developer would point at the field.
    static func path(_ keys: [any CodingKey]) -> String {
        guard !keys.isEmpty else { return "body" }
        var path = ""
        for key in keys {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path
    }

    static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        // A list or an object of any element type reaches here as `[Any]` or `[String: Any]`:
        // the decoder asked for the container before it knew what the elements would be.
        case is [Any].Type, is [String].Type, is [Int64].Type: "a list (a JSON array)"
        case is [String: Any].Type, is [String: String].Type: "an object"
        default: "a value of another JSON type (see /openapi.yaml)"
        }
    }
}
