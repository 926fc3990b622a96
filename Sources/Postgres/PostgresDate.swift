/// A calendar day, as in a `date` column: no time, no zone.
///
/// Affiliation start and end dates are days in someone's life, not instants; keeping them as a
/// `Date` would shift them across midnight in another time zone.
public struct PostgresDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, PostgresEncodable, PostgresDecodable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, rejecting days that do not exist (`2024-02-30`).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1
        else { return nil }
        let days = PostgresTimestamp.daysFromCivil(year: year, month: month, day: day)
        let roundTrip = PostgresTimestamp.civilFromDays(days)
        guard roundTrip.year == year, roundTrip.month == month, roundTrip.day == day else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init(postgresText text: String) throws {
        guard let date = PostgresDate(iso: text) else { throw PostgresDecodingFailure("'\(text)' is not a date") }
        self = date
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = PostgresDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a date as YYYY-MM-DD"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String {
        let y = String(year), m = String(month), d = String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-"
            + (m.count < 2 ? "0" : "") + m + "-" + (d.count < 2 ? "0" : "") + d
    }

    public var postgresText: String? { description }

    public static func < (lhs: PostgresDate, rhs: PostgresDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension PostgresDate {
    /// Days since 1970-01-01: for day arithmetic (the next day, the length of a range).
    public var daysSince1970: Int { PostgresTimestamp.daysFromCivil(year: year, month: month, day: day) }

    public init(daysSince1970 days: Int) {
        let civil = PostgresTimestamp.civilFromDays(days)
        self.init(year: civil.year, month: civil.month, day: civil.day)
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> PostgresDate { PostgresDate(daysSince1970: daysSince1970 + count) }
}
