/// An object nested in a body refuses keys it does not define, as ``RequestBody`` does at the
/// top level, naming each by its path (`attachments[1].file_name`).
extension Decoder {
    func refuseUnknownKeys<Keys: CodingKey & CaseIterable>(
        _ keys: Keys.Type, noun: String = "field", nouns: String = "fields"
    ) throws {
        let known = Set(Keys.allCases.map(\.stringValue))
        let unknown = try container(keyedBy: AnyKey.self).allKeys.filter { !known.contains($0.stringValue) }
            .sorted { $0.stringValue < $1.stringValue }
        if !unknown.isEmpty {
            throw Problem.invalidFields(unknown.map {
                (Problem.path(codingPath + [$0]), "is not a \(noun); known \(nouns): \(known.sorted().joined(separator: ", "))")
            })
        }
    }
}

/// Any key, to find the ones that are not ours.
private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
