import Foundation
import Postgres

/// The activities of a unit's subtree between two local days, earliest first: a table, JSON,
/// or an iCalendar feed.
public struct Agenda: Sendable {
    public var from: PostgresDate
    public var to: PostgresDate
    public var unitName: String
    /// The viewer's zone, in which the table shows times.
    public var zone: UnitZone
    public var interactions: [Interaction]

    /// The feed as RFC 5545 text (CRLF lines).
    public var iCalendar: String { AgendaCalendar.render(self) }
}

extension Interactions {
    /// The longest agenda: a year, leap day included. A calendar subscription asks for it often.
    public static let maximumAgendaDays = 366
    /// More activities than a calendar should hold at once: narrow with `under` or the dates.
    public static let maximumAgendaEntries = 5_000

    /// Where a calendar subscription that names no dates starts: a month before today on the
    /// clocks of the user's unit (its feed then runs a year from there).
    public func defaultAgendaStart() async throws -> PostgresDate {
        let session = session
        let today = try await session.transaction { connection in
            UnitZone(timeZone: try session.ownUnit(on: connection).timeZone).day(of: Date())
        }
        return today.adding(days: -31)
    }

    /// Every activity (planned, done or cancelled) starting between `from` and `to` inclusive.
    public func agenda(from: PostgresDate, to: PostgresDate, under: String? = nil) async throws -> Agenda {
        var filter = InteractionFilter()
        filter.from = from
        filter.to = to
        filter.under = under
        try filter.check()
        let days = to.daysSince1970 - from.daysSince1970 + 1
        guard days <= Self.maximumAgendaDays else {
            throw HumasError.invalid(field: "to", message: "the range is \(days) days; an agenda covers at most \(Self.maximumAgendaDays) (ask for one year at a time)")
        }
        let session = session, checked = filter
        return try await session.transaction { connection in
            let range = try Self.range(under: under, for: session, on: connection)
            let rows = try connection.query(Self.listQuery(checked, range: range, after: nil, limit: Self.maximumAgendaEntries + 1))
            guard rows.count <= Self.maximumAgendaEntries else {
                throw HumasError.invalid(field: "to", message: "more than \(Self.maximumAgendaEntries) activities in \(from) – \(to); narrow the dates or pick a unit with under")
            }
            let own = try session.ownUnit(on: connection)
            let unitName = try under.map { try UnitDirectory.resolve($0, field: "under", on: connection).name } ?? own.name
            return Agenda(from: from, to: to, unitName: unitName, zone: UnitZone(timeZone: own.timeZone),
                          interactions: try rows.map { try Interaction(row: $0, units: try session.unitTable(on: connection)) }.reversed())
        }
    }
}
