import Postgres

/// The calendar days the service accepts: 1900-01-01 to 2100-12-31.
///
/// Every day in the directory is a day in someone's working life; anything outside this range
/// is a typo, and some values (year 0) PostgreSQL itself cannot store. Checked here, once, so
/// the CLI and the API both answer with the field's name instead of SQLSTATE 22008.
enum DayRange {
    static let earliest = PostgresDate(year: 1900, month: 1, day: 1)
    static let latest = PostgresDate(year: 2100, month: 12, day: 31)

    /// - Throws: ``HumasError/invalid(field:message:)`` naming `field` for a day outside the range.
    static func check(_ day: PostgresDate?, field: String) throws {
        guard let day, day < earliest || latest < day else { return }
        throw HumasError.invalid(field: field, message: "\(day) is outside \(earliest) – \(latest); write the day as YYYY-MM-DD, e.g. 2024-02-14")
    }
}
