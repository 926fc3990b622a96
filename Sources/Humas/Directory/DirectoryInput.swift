import Foundation
import Postgres

/// Cleans what users type into directory fields before it reaches the database, so that every
/// rule breaks with a message naming the field (`email[2]`, `phone`, `tag`) instead of a
/// constraint name.
enum DirectoryInput {
    /// Normalized e-mail addresses, in the given order, without repeats (compared case-insensitively).
    /// One address is named `email` in errors, several `email[1]`, `email[2]`, …
    static func emails(_ raw: [String]) throws -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for (index, text) in raw.enumerated() {
            let field = raw.count == 1 ? "email" : "email[\(index + 1)]"
            let address = try EmailAddress.normalize(text, field: field)
            if seen.insert(address.lowercased()).inserted { result.append(address) }
        }
        return result
    }

    /// Phone numbers in E.164, in the given order, without repeats; named like ``emails(_:)``.
    static func phones(_ raw: [String]) throws -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for (index, text) in raw.enumerated() {
            let field = raw.count == 1 ? "phone" : "phone[\(index + 1)]"
            let number = try PhoneNumber.normalize(text, field: field)
            if seen.insert(number).inserted { result.append(number) }
        }
        return result
    }

    /// Tags in lower case, without repeats; a tag is one word so a tag filter is an exact match.
    static func tags(_ raw: [String]) throws -> [String] {
        var result: [String] = []
        for text in raw {
            let tag = text.trimmingCharacters(in: .whitespaces).lowercased()
            guard tag.range(of: "^[a-z0-9][a-z0-9_.:-]*$", options: .regularExpression) != nil else {
                throw HumasError.invalid(field: "tag", message: "'\(text)' is not a tag: use one word of letters, digits and - _ . : (e.g. pemilu or media-lokal)")
            }
            if !result.contains(tag) { result.append(tag) }
        }
        return result
    }

    /// Trimmed text, or nil when nothing but spaces was given (which clears an optional field).
    static func text(_ raw: String?) -> String? {
        guard let trimmed = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// A required name: trimmed, non-empty, at most `maxLength` characters. `example` is shown
    /// when it is missing.
    static func name(_ raw: String, field: String, maxLength: Int = 200, example: String? = nil) throws -> String {
        guard let name = text(raw) else {
            throw HumasError.invalid(field: field, message: example.map { "is required, e.g. \"\($0)\"" } ?? "is required")
        }
        guard name.count <= maxLength else {
            throw HumasError.invalid(field: field, message: "is \(name.count) characters long; at most \(maxLength) are allowed")
        }
        return name
    }

    /// A desk such as `politik` or `pemilu`: one lowercase word, as segment filters compare it exactly.
    static func beat(_ raw: String?) -> String? {
        text(raw)?.lowercased()
    }
}

extension PostgresDate {
    /// A calendar day typed by a user as `YYYY-MM-DD`.
    /// - Throws: ``HumasError/invalid(field:message:)`` naming `field` when the text is not a real day.
    public init(userInput text: String, field: String) throws {
        guard let date = PostgresDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
            throw HumasError.invalid(field: field, message: "'\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2024-02-14")
        }
        self = date
    }
}
