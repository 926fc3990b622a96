import Foundation

/// A moment as a unit's clocks show it: encoded in JSON as RFC 3339 with the zone's offset
/// (`2025-10-14T09:00:00+08:00`), so a script reads the local time and the exact moment at once.
public struct LocalTime: Sendable, Hashable, Codable, CustomStringConvertible {
    public var date: Date
    public var zone: UnitZone

    public init(_ date: Date, in zone: UnitZone) {
        self.date = date
        self.zone = zone
    }

    /// `2025-10-14 09:00 WITA`, for tables.
    public var description: String { zone.display(date) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        date = try LocalTimeInput.parse(text, field: "time", zone: nil)
        zone = UnitZone.allCases.first { text.hasSuffix($0.offsetText) } ?? .wib
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(zone.rfc3339(date))
    }
}

extension UnitZone {
    /// `+07:00`
    var offsetText: String { String(format: "+%02d:00", offsetSeconds / 3600) }
}
