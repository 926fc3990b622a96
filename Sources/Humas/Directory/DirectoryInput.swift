import Foundation
import Postgres

/// Cleans what users type into directory fields before it reaches the database, so that every
/// rule breaks with a message naming the field (`email[2]`, `phone`, `tag`) instead of a
/// constraint name.
enum DirectoryInput {
    /// How many of each a record may hold. A person or an outlet has a handful of addresses; the
    /// caps keep one request from storing thousands (and the search index from paying for them).
    static let maximumEmails = 10
    static let maximumPhones = 10
    static let maximumTags = 50
    static let maximumSocialHandles = 10

    /// Refuses a list longer than its cap, before any of it is read.
    static func checkCount(_ count: Int, field: String, maximum: Int) throws {
        guard count > maximum else { return }
        throw HumasError.invalid(field: field, message: "\(count) given; a record holds at most \(maximum)")
    }

    /// Normalized e-mail addresses, in the given order, without repeats (compared case-insensitively).
    /// One address is named `email` in errors, several `email[1]`, `email[2]`, …
    static func emails(_ raw: [String]) throws -> [String] {
        try checkCount(raw.count, field: "emails", maximum: maximumEmails)
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
        try checkCount(raw.count, field: "phones", maximum: maximumPhones)
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
        try checkCount(raw.count, field: "tags", maximum: maximumTags)
        var seen = Set<String>()
        var result: [String] = []
        for text in raw {
            let tag = text.trimmingCharacters(in: .whitespaces).lowercased()
            guard tag.range(of: "^[a-z0-9][a-z0-9_.:-]*$", options: .regularExpression) != nil else {
                throw HumasError.invalid(field: "tag", message: "'\(text)' is not a tag: use one word of letters, digits and - _ . : (e.g. pemilu or media-lokal)")
            }
            if seen.insert(tag).inserted { result.append(tag) }
        }
        return result
    }

    /// Social handles: network names in lower case, handles trimmed, neither empty.
    static func social(_ raw: [String: String]) throws -> [String: String] {
        try checkCount(raw.count, field: "social", maximum: maximumSocialHandles)
        var result: [String: String] = [:]
        for (network, handle) in raw {
            guard let key = text(network)?.lowercased(), let value = text(handle) else {
                throw HumasError.invalid(field: "social", message: "'\(network)=\(handle)' needs a network and a handle, e.g. x=@budi or instagram=budi.santoso")
            }
            result[key] = value
        }
        return result
    }

    /// A web address: http or https with a host, as a link in a browser must be (a `javascript:`
    /// or `file:` value would run or open something when clicked).
    static func website(_ raw: String?) throws -> String? {
        guard let address = text(raw) else { return nil }
        guard let url = URLComponents(string: address), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
            throw HumasError.invalid(field: "website", message: "'\(address)' is not a web address; write it with http:// or https://, e.g. https://radiodemak.example")
        }
        return address
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
