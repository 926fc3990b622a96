import Foundation
import Postgres

/// Writes iCalendar text (RFC 5545) by hand: no library here does, and the subset a calendar
/// feed needs is small. Lines end in CRLF and are folded at 75 octets without splitting a UTF-8
/// character (3.1); text values escape backslash, semicolon, comma and newlines (3.3.11); times
/// are UTC (`…Z`, 3.3.5), which every client converts to its own zone.
struct ICalendarWriter {
    private(set) var text = ""

    mutating func line(_ name: String, _ value: String) {
        fold(name + ":" + value)
    }

    mutating func text(_ name: String, _ value: String) {
        line(name, Self.escape(value))
    }

    mutating func time(_ name: String, _ date: Date) {
        line(name, Self.utc(date))
    }

    /// `20251014T010000Z`
    static func utc(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = seconds - days * 86_400
        let day = PostgresDate(daysSince1970: days)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", day.year, day.month, day.day, rest / 3600, rest / 60 % 60, rest % 60)
    }

    static func escape(_ value: String) -> String {
        var escaped = ""
        for character in value.replacingOccurrences(of: "\r\n", with: "\n") {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Splits a content line into pieces of at most 75 octets, each continuation starting with a space.
    private mutating func fold(_ contentLine: String) {
        var current = ""
        var octets = 0
        var limit = 75
        for scalar in contentLine.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > limit {
                text += current + "\r\n "
                current = ""
                octets = 0
                limit = 74  // the leading space counts
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        text += current + "\r\n"
    }
}
