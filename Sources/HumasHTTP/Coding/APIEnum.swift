import Humas

/// Closed vocabularies (category, kind, media type, …) read from a query or body: a value that
/// is not one of them is a 400 naming the field and listing the allowed values.
enum APIEnum {
    static func parse<Value: RawRepresentable & CaseIterable>(
        _ raw: String?, as type: Value.Type, field: String
    ) throws -> Value? where Value.RawValue == String {
        guard let raw else { return nil }
        // Exactly as documented: the OpenAPI enums are what is accepted, nothing looser.
        guard let value = Value(rawValue: raw) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw Problem.invalidFields([(field, "'\(raw)' is not one of \(allowed)")])
        }
        return value
    }

    /// A required value: `raw` is present, so only its spelling can be wrong.
    static func required<Value: RawRepresentable & CaseIterable>(
        _ raw: String, as type: Value.Type, field: String
    ) throws -> Value where Value.RawValue == String {
        guard let value = try parse(raw, as: type, field: field) else { preconditionFailure("parse returns a value for a value") }
        return value
    }
}

extension QueryString {
    /// A query parameter from a closed vocabulary.
    func value<Value: RawRepresentable & CaseIterable>(_ name: String, as type: Value.Type) throws -> Value?
    where Value.RawValue == String {
        try APIEnum.parse(first(named: name), as: type, field: name)
    }

    /// A path or query id: a positive integer.
    func id(_ name: String) throws -> Int64? {
        guard let value = try int64(name) else { return nil }
        guard value > 0 else { throw Problem.invalidFields([(name, "must be a positive integer id")]) }
        return value
    }
}

extension HumasRequestContext {
    /// A record id from the path: a positive integer, else 400 naming the parameter.
    func pathID(_ name: String = "id") throws -> Int64 {
        guard let id = Int64(try pathParameter(name)), id > 0 else {
            throw Problem.invalidFields([(name, "must be a record id (a positive integer)")])
        }
        return id
    }
}
