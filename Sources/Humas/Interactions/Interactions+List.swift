import Foundation
import Postgres

/// A page of activities, newest first (by the owning unit's local time).
public struct InteractionPage: Sendable {
    public var interactions: [Interaction]
    /// Pass as `cursor` for the next page; `nil` on the last.
    public var nextCursor: String?
}

extension Interactions {
    /// One page of the activities the filter selects among those the session can see, each
    /// once however many of its co-organizers are in the scope.
    public func list(_ filter: InteractionFilter = InteractionFilter(), limit: Int = 50, cursor: String? = nil) async throws -> InteractionPage {
        try PageSize.check(limit)
        try filter.check()
        let session = session
        let scope = CursorScope(listing: "interactions", userID: session.user.id, query: filter.signature)
        return try await session.transaction { connection in
            let signer = try session.cursorSigner(on: connection)
            let after = try cursor.map { try signer.cursor($0, for: scope) }
            let range = try Self.range(under: filter.under, for: session, on: connection)
            let rows = try connection.query(Self.listQuery(filter, range: range, after: after, limit: limit + 1))
            let units = try session.unitTable(on: connection)
            let page = try rows.map { (try Interaction(row: $0, units: units), PageCursor(name: try $0.decode("sort_key"), id: try $0.decode("id"))) }
            let shown = Array(page.prefix(limit))
            let next = page.count > limit ? shown.last.map { signer.token($0.1, for: scope) } : nil
            return InteractionPage(interactions: shown.map(\.0), nextCursor: next)
        }
    }

    /// The units a listing covers: `under`'s subtree within the user's own, else the user's.
    static func range(under code: String?, for session: Session, on connection: PostgresConnection) throws -> ClosedRange<Int> {
        let own = try session.ownUnit(on: connection)
        guard let code else { return own.id...own.subtreeEnd }
        let under = try UnitDirectory.resolve(code, field: "under", on: connection)
        // An ancestor of the user's unit narrows nothing; a unit outside it still lists what
        // the user may read there (activities its own units co-organized).
        return under.contains(own) ? own.id...own.subtreeEnd : under.id...under.subtreeEnd
    }

    /// Owned in the range, plus co-organized from it with the owner outside: two arms that pick
    /// the page's ids and sort keys, each from its own index (the strategy, unit or start index
    /// for the first, a few ids for the second), then the page's columns for those rows only, so
    /// the planner expands the columns' sub-selects and their policies once, not per arm.
    /// Row-level security applies to every part, whatever the range says.
    package static func listQuery(_ filter: InteractionFilter, range: ClosedRange<Int>, after: PageCursor? = nil, limit: Int) -> PostgresQuery {
        var page = filter.conditions
        if let after {
            page += """
                 AND i.starts_local <= \(after.name)::timestamp
                 AND (i.starts_local < \(after.name)::timestamp OR i.id < \(after.id))
                """
        }
        let order: PostgresQuery = " ORDER BY i.starts_local DESC, i.id DESC LIMIT \(limit)"
        let keys: PostgresQuery = "SELECT i.id, i.starts_local FROM humas.interactions i"
        let owned = keys + " WHERE i.unit_id BETWEEN \(range.lowerBound) AND \(range.upperBound)" + page + order
        let coorganized = keys + """
             WHERE i.id IN (SELECT c.interaction_id FROM humas.interaction_coorganizers c
                           WHERE c.unit_id BETWEEN \(range.lowerBound) AND \(range.upperBound) AND c.common_unit_id < \(range.lowerBound))
            """ + page + order
        return "WITH page AS (SELECT * FROM ((" + owned + ") UNION ALL (" + coorganized + ")) i" + order + ") "
            + PostgresQuery(unsafeSQL: """
                SELECT \(Interaction.columns), i.starts_local::text AS sort_key
                FROM page JOIN humas.interactions i ON i.id = page.id
                ORDER BY page.starts_local DESC, page.id DESC
                """)
    }
}

extension InteractionPage: ItemsPageEncodable {
    public var pageItems: [Interaction] { interactions }
}
