import Foundation
import Postgres

/// A moment typed by a user: `2025-10-14 09:00`, `2025-10-14T09:00:00+08:00`, `2025-10-14 09:00 WITA`.
///
/// A time with an offset (`Z`, `+07:00`, `+0700`) or a zone name (WIB, WITA, WIT) means exactly
/// that moment. A bare wall-clock time means that time in the owning unit's zone, which is what
/// an operator in Makassar means by "09:00"; the API does not accept one (a script's clock may be
/// anywhere), so `zone` is nil there and a bare time is an error.
enum LocalTimeInput {
    static func parse(_ text: String, field: String, zone: UnitZone?) throws -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let pattern = #"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|WIB|WITA|WIT)?$"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
              let result = regex.firstMatch(in: trimmed, range: NSRange(trimmed.startIndex..., in: trimmed))
        else {
            throw HumasError.invalid(field: field, message: "'\(text)' is not a time; write YYYY-MM-DD HH:MM (local time of the unit) or with an offset, e.g. 2025-10-14 09:00 or 2025-10-14T09:00:00+08:00")
        }
        func group(_ index: Int) -> String? {
            Range(result.range(at: index), in: trimmed).map { String(trimmed[$0]) }
        }
        let year = Int(group(1)!)!, month = Int(group(2)!)!, day = Int(group(3)!)!
        let hour = Int(group(4)!)!, minute = Int(group(5)!)!, second = group(6).map { Int($0)! } ?? 0
        guard (1900...2100).contains(year), let date = PostgresDate(iso: String(format: "%04d-%02d-%02d", year, month, day)),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
            throw HumasError.invalid(field: field, message: "'\(text)' is not a real time between 1900 and 2100; write YYYY-MM-DD HH:MM, e.g. 2025-10-14 09:00")
        }
        let offset: Int
        if let suffix = group(7)?.uppercased() {
            offset = try offsetSeconds(suffix, text: text, field: field)
        } else if let zone {
            offset = zone.offsetSeconds
        } else {
            throw HumasError.invalid(field: field, message: "'\(text)' has no time zone; add an offset such as +07:00 (WIB), +08:00 (WITA), +09:00 (WIT) or Z")
        }
        return Date(timeIntervalSince1970: Double(date.daysSince1970 * 86_400 + hour * 3600 + minute * 60 + second - offset))
    }

    private static func offsetSeconds(_ suffix: String, text: String, field: String) throws -> Int {
        if suffix == "Z" { return 0 }
        if let zone = UnitZone.allCases.first(where: { $0.abbreviation == suffix }) { return zone.offsetSeconds }
        let sign = suffix.hasPrefix("-") ? -1 : 1
        let digits = suffix.dropFirst().filter(\.isNumber)
        let hours = Int(digits.prefix(2))!, minutes = digits.count > 2 ? Int(digits.suffix(2))! : 0
        guard hours <= 14, minutes < 60 else {
            throw HumasError.invalid(field: field, message: "'\(text)' has an offset out of range; use one such as +07:00")
        }
        return sign * (hours * 3600 + minutes * 60)
    }
}
