import Foundation

/// A Swift value that can be read from a column in PostgreSQL's text format.
public protocol PostgresDecodable: Sendable {
    /// Parses the column's text; throws ``PostgresDecodingFailure`` when it does not fit.
    init(postgresText text: String) throws
    /// The value for SQL NULL; throws unless the type can represent it (optionals can).
    static func postgresNull() throws -> Self
}

/// Why a column's text did not decode; ``PostgresRow`` adds the column name.
public struct PostgresDecodingFailure: Error, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

extension PostgresDecodable {
    public static func postgresNull() throws -> Self {
        throw PostgresDecodingFailure("is NULL; decode it as an optional")
    }
}

extension String: PostgresDecodable {
    public init(postgresText text: String) { self = text }
}

extension Int: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = Int(text) else { throw PostgresDecodingFailure("'\(text)' is not an integer") }
        self = value
    }
}

extension Int32: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = Int32(text) else { throw PostgresDecodingFailure("'\(text)' is not a 32-bit integer") }
        self = value
    }
}

extension Int64: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = Int64(text) else { throw PostgresDecodingFailure("'\(text)' is not an integer") }
        self = value
    }
}

extension Double: PostgresDecodable {
    public init(postgresText text: String) throws {
        switch text {
        case "NaN": self = .nan
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        default:
            guard let value = Double(text) else { throw PostgresDecodingFailure("'\(text)' is not a number") }
            self = value
        }
    }
}

extension Float: PostgresDecodable {
    public init(postgresText text: String) throws {
        self = Float(try Double(postgresText: text))
    }
}

extension Bool: PostgresDecodable {
    public init(postgresText text: String) throws {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw PostgresDecodingFailure("'\(text)' is not a boolean")
        }
    }
}

extension Decimal: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw PostgresDecodingFailure("'\(text)' is not a decimal number")
        }
        self = value
    }
}

extension UUID: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = UUID(uuidString: text) else { throw PostgresDecodingFailure("'\(text)' is not a UUID") }
        self = value
    }
}

extension Date: PostgresDecodable {
    /// From `timestamptz` (the session runs in UTC) or `date` (midnight UTC).
    public init(postgresText text: String) throws {
        guard let value = PostgresTimestamp.parse(text) else {
            throw PostgresDecodingFailure("'\(text)' is not a timestamp or date")
        }
        self = value
    }
}

extension Data: PostgresDecodable {
    /// From `bytea` in hex format.
    public init(postgresText text: String) throws {
        guard text.hasPrefix("\\x"), text.count % 2 == 0 else {
            throw PostgresDecodingFailure("is not bytea in hex format")
        }
        var bytes = Data(capacity: (text.utf8.count - 2) / 2)
        var high: UInt8?
        for char in text.utf8.dropFirst(2) {
            guard let nibble = hexValue(char) else { throw PostgresDecodingFailure("is not bytea in hex format") }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        self = bytes
    }
}

private func hexValue(_ char: UInt8) -> UInt8? {
    switch char {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): char - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): char - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): char - UInt8(ascii: "A") + 10
    default: nil
    }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
    /// From a one-dimensional array such as `{a,"b c",NULL}`.
    public init(postgresText text: String) throws {
        let items = try PostgresArrayLiteral.parse(text)
        self = try items.map { item in
            if let item { return try Element(postgresText: item) }
            return try Element.postgresNull()
        }
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init(postgresText text: String) throws {
        self = .some(try Wrapped(postgresText: text))
    }

    public static func postgresNull() -> Self { nil }
}
