import Postgres

/// A reporting period: a quarter (triwulan, `2025-Q3`) or a year (`2025`). Its days are local
/// days: an activity belongs to the period of its date on its owning unit's clocks.
public struct ReportPeriod: Sendable, Hashable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1...4 for a quarter, nil for a year.
    public let quarter: Int?

    public init(year: Int, quarter: Int? = nil) {
        self.year = year
        self.quarter = quarter
    }

    /// Parses `2025-Q3` (also `2025-q3`, `2025Q3`) or `2025`; anything else is refused with the
    /// forms that work.
    public static func parse(_ text: String, field: String = "period") throws -> ReportPeriod {
        let cleaned = text.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "-", with: "")
        let usage = "write a quarter as 2025-Q3 (triwulan III) or a year as 2025"
        if cleaned.count == 4, let year = Int(cleaned), (2000...2100).contains(year) {
            return ReportPeriod(year: year)
        }
        guard cleaned.count == 6, let q = cleaned.firstIndex(of: "Q"), cleaned.distance(from: cleaned.startIndex, to: q) == 4,
              let year = Int(cleaned[..<q]), (2000...2100).contains(year),
              let quarter = Int(cleaned[cleaned.index(after: q)...])
        else {
            throw HumasError.invalid(field: field, message: "'\(text)' is not a period; \(usage)")
        }
        guard (1...4).contains(quarter) else {
            throw HumasError.invalid(field: field, message: "'\(text)': a year has quarters Q1 to Q4; \(usage)")
        }
        return ReportPeriod(year: year, quarter: quarter)
    }

    /// `2025-Q3` or `2025`: how the CLI, the API and the database spell it.
    public var description: String { quarter.map { "\(year)-Q\($0)" } ?? String(year) }

    public var isYear: Bool { quarter == nil }

    /// The first day of the period.
    public var firstDay: PostgresDate { PostgresDate(year: year, month: quarter.map { ($0 - 1) * 3 + 1 } ?? 1, day: 1) }

    /// The day after the period's last day.
    public var endDay: PostgresDate {
        guard let quarter, quarter < 4 else { return PostgresDate(year: year + 1, month: 1, day: 1) }
        return PostgresDate(year: year, month: quarter * 3 + 1, day: 1)
    }

    public var lastDay: PostgresDate { endDay.adding(days: -1) }

    /// The period just before: the previous quarter, or the previous year.
    public var previous: ReportPeriod {
        guard let quarter else { return ReportPeriod(year: year - 1) }
        return quarter == 1 ? ReportPeriod(year: year - 1, quarter: 4) : ReportPeriod(year: year, quarter: quarter - 1)
    }

    /// The months of the period as `YYYY-MM`, for the activities-per-month series.
    public var months: [String] {
        let first = firstDay.month, count = isYear ? 12 : 3
        return (first..<(first + count)).map { month in "\(year)-" + (month < 10 ? "0" : "") + String(month) }
    }

    /// In Bahasa Indonesia, as a report's heading names it: `Triwulan III Tahun 2025`, `Tahun 2025`.
    public var indonesianName: String {
        guard let quarter else { return "Tahun \(year)" }
        return "Triwulan \(["I", "II", "III", "IV"][quarter - 1]) Tahun \(year)"
    }

    /// The default deadline for submitting it: 10 days after it ends.
    public var defaultDeadline: PostgresDate { lastDay.adding(days: 10) }

    public init(from decoder: any Decoder) throws {
        self = try ReportPeriod.parse(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
