import Foundation
import Hummingbird

extension HumasRequestContext {
    /// A path segment's value, percent-decoded (`a%40b.go.id` → `a@b.go.id`); 400 when it
    /// holds a NUL character, which no text field can.
    func pathParameter(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        let value = raw.removingPercentEncoding ?? raw
        guard !value.contains("\u{0}") else { throw Problem.invalidFields([(name, "must not contain a NUL character")]) }
        return value
    }
}
