import Foundation
import Postgres

/// The three time zones of Indonesia's offices. Each has kept one fixed offset since 1988, so a
/// moment converts to local wall-clock time by adding the offset, here and in PostgreSQL
/// (`AT TIME ZONE units.time_zone`) alike.
public enum UnitZone: String, Sendable, Codable, CaseIterable {
    case wib = "Asia/Jakarta", wita = "Asia/Makassar", wit = "Asia/Jayapura"

    /// From `units.time_zone`; an unknown name (the schema allows none) reads as WIB.
    public init(timeZone: String) {
        self = UnitZone(rawValue: timeZone) ?? .wib
    }

    /// WIB, WITA or WIT, as people write it after a time.
    public var abbreviation: String {
        switch self {
        case .wib: "WIB"
        case .wita: "WITA"
        case .wit: "WIT"
        }
    }

    public var offsetSeconds: Int {
        switch self {
        case .wib: 7 * 3600
        case .wita: 8 * 3600
        case .wit: 9 * 3600
        }
    }

    /// The calendar day of `date` on this zone's clocks.
    public func day(of date: Date) -> PostgresDate {
        PostgresDate(daysSince1970: Int((localSeconds(date) / 86_400).rounded(.down)))
    }

    /// RFC 3339 with this zone's offset: `2025-10-14T09:00:00+07:00`.
    public func rfc3339(_ date: Date) -> String {
        let (day, hour, minute, second) = wallClock(date)
        return "\(day)T" + String(format: "%02d:%02d:%02d+%02d:00", hour, minute, second, offsetSeconds / 3600)
    }

    /// As people read it in a table: `2025-10-14 09:00 WIB`.
    public func display(_ date: Date) -> String {
        let (day, hour, minute, _) = wallClock(date)
        return "\(day) " + String(format: "%02d:%02d ", hour, minute) + abbreviation
    }

    private func localSeconds(_ date: Date) -> Double {
        (date.timeIntervalSince1970 + Double(offsetSeconds)).rounded(.down)
    }

    private func wallClock(_ date: Date) -> (PostgresDate, Int, Int, Int) {
        let seconds = Int(localSeconds(date))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = seconds - days * 86_400
        return (PostgresDate(daysSince1970: days), rest / 3600, rest / 60 % 60, rest % 60)
    }
}
