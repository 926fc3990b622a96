/// A SQL statement whose interpolated values are bound as parameters, never spliced into the text.
///
/// ```swift
/// let query: PostgresQuery = "SELECT id FROM humas.contacts WHERE full_name = \(name)"
/// // text: SELECT id FROM humas.contacts WHERE full_name = $1, bindings: [name]
/// ```
///
/// Raw SQL text enters only through ``StringInterpolation/appendInterpolation(unsafeSQL:)``, and
/// fragments compose with ``StringInterpolation/appendInterpolation(_:)-(PostgresQuery)``, their
/// bindings renumbered.
public struct PostgresQuery: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    enum Segment: Sendable, Hashable {
        case text(String)
        case binding(String?)
    }

    var segments: [Segment]

    public init(stringLiteral value: String) {
        segments = [.text(value)]
    }

    public init(stringInterpolation: StringInterpolation) {
        segments = stringInterpolation.segments
    }

    /// Raw SQL. The name is alarming on purpose: only constant text written by a developer belongs here.
    public init(unsafeSQL: String) {
        segments = [.text(unsafeSQL)]
    }

    /// The SQL text with `$1`, `$2`, … for the bound values.
    public var sql: String {
        var text = ""
        var number = 0
        for segment in segments {
            switch segment {
            case .text(let part): text += part
            case .binding:
                number += 1
                text += "$\(number)"
            }
        }
        return text
    }

    /// The bound values in text format, `nil` for SQL NULL.
    public var bindings: [String?] {
        segments.compactMap { segment in
            if case .binding(let value) = segment { return .some(value) }
            return nil
        }
    }

    /// The SQL text only: bound values may be secrets and are never printed.
    public var description: String { sql }

    public static func + (lhs: PostgresQuery, rhs: PostgresQuery) -> PostgresQuery {
        var result = lhs
        result.segments += rhs.segments
        return result
    }

    public static func += (lhs: inout PostgresQuery, rhs: PostgresQuery) {
        lhs.segments += rhs.segments
    }

    /// Joins fragments with a separator, e.g. conditions with `" AND "`.
    public static func joined(_ parts: [PostgresQuery], separator: String) -> PostgresQuery {
        var result = PostgresQuery(unsafeSQL: "")
        for (index, part) in parts.enumerated() {
            if index > 0 { result.segments.append(.text(separator)) }
            result.segments += part.segments
        }
        return result
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var segments: [Segment] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            segments.reserveCapacity(interpolationCount * 2 + 1)
        }

        public mutating func appendLiteral(_ literal: String) {
            segments.append(.text(literal))
        }

        /// Binds a value as a parameter.
        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            segments.append(.binding(value.postgresText))
        }

        /// Binds an optional value; `nil` is SQL NULL.
        public mutating func appendInterpolation(_ value: (some PostgresEncodable)?) {
            segments.append(.binding(value?.postgresText))
        }

        /// Inserts another query, keeping its values bound.
        public mutating func appendInterpolation(_ fragment: PostgresQuery) {
            segments += fragment.segments
        }

        /// Inserts raw SQL text. Only for constant, developer-written text.
        public mutating func appendInterpolation(unsafeSQL text: String) {
            segments.append(.text(text))
        }
    }
}
