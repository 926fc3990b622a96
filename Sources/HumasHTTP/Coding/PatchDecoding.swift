/// Reading a PATCH body: a field that is absent stays unchanged, `null` clears it where the
/// field may be empty, and `null` for a field that must have a value is a 400 naming it.
extension KeyedDecodingContainer {
    /// A text field that may be cleared: `nil` when absent, `""` for `null` (the service reads
    /// an empty text as "clear"), otherwise the value.
    func clearableText(_ key: Key) throws -> String? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return "" }
        return try decode(String.self, forKey: key)
    }

    /// A list that may be emptied: `nil` when absent, `[]` for `null`, otherwise the value.
    func clearableList<Element: Decodable>(_ key: Key, of type: Element.Type) throws -> [Element]? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return [] }
        return try decode([Element].self, forKey: key)
    }

    /// A field that cannot be cleared: `nil` when absent, a "must not be null" error for `null`.
    func unlessAbsent<Value: Decodable>(_ type: Value.Type, _ key: Key) throws -> Value? {
        guard contains(key) else { return nil }
        return try decode(Value.self, forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// A value that may be cleared: `nil` when absent, `.some(nil)` for `null`, otherwise the value.
    func clearable<Value: Decodable>(_ type: Value.Type, _ key: Key) throws -> Value?? {
        guard contains(key) else { return nil }
        return .some(try decodeIfPresent(Value.self, forKey: key))
    }
}
