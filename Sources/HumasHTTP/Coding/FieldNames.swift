import Foundation
import Humas

/// The service names fields the way the command line spells them (`email[2]`, `name`, `tag`);
/// an API client sent `emails[1]`, `full_name`, `tags`. This renames the fields of the service's
/// errors to the request's own, so `errors[].field` points at what the client sent.
struct FieldNames: Sendable {
    /// Service field → body field, for names that differ beyond the list rules below.
    var renames: [String: String] = [:]
    /// Prefixed to every field (`filter.` for a segment's nested filter), after renaming.
    var prefix = ""

    /// E-mails, phones and tags as the directory bodies send them.
    static let directory = FieldNames(renames: ["tag": "tags"])

    /// Renames `field`: `email` → `emails[0]`, `email[2]` → `emails[1]` (the service counts
    /// from 1, JSON from 0), then `renames`.
    func apiName(_ field: String) -> String {
        for list in ["email", "phone"] {
            if field == list { return prefix + "\(list)s[0]" }
            if field.hasPrefix("\(list)["), field.hasSuffix("]"),
               let index = Int(field.dropFirst(list.count + 1).dropLast()) {
                return prefix + "\(list)s[\(index - 1)]"
            }
        }
        return prefix + (renames[field] ?? field)
    }

    /// Runs `work`, renaming the field of an invalid-input error, and rewording a duplicate
    /// conflict's hint for the API (`"allow_duplicate": true` rather than the CLI's flag).
    func translating<T: Sendable>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch HumasError.invalid(let field, let message) {
            throw HumasError.invalid(field: apiName(field), message: message)
        } catch HumasError.invalidFields(let fields) {
            throw HumasError.invalidFields(fields.map { InvalidField(field: apiName($0.field), message: $0.message) })
        } catch HumasError.conflict(let message, let existingID) {
            let reworded = message.replacingOccurrences(of: "pass --allow-duplicate", with: #"send "allow_duplicate": true"#)
            throw HumasError.conflict(reworded, existingID: existingID)
        }
    }

    func merging(_ more: [String: String]) -> FieldNames {
        FieldNames(renames: renames.merging(more) { $1 }, prefix: prefix)
    }
}
