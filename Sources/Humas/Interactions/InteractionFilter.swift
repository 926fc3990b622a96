import Foundation
import Postgres

/// Which activities a listing holds. Every field is optional; dates are local days of the
/// owning unit (an activity at 23:30 WIT on 31 March belongs to the first quarter).
public struct InteractionFilter: Sendable, Hashable {
    public var kind: InteractionKind?
    public var mode: InteractionMode?
    public var strategy: BakohumasStrategy?
    public var status: InteractionStatus?
    /// First and last local day, inclusive.
    public var from: PostgresDate?
    public var to: PostgresDate?
    /// Owned or co-organized by this unit or a unit below it.
    public var under: String?
    /// With this contact or organization among the participants.
    public var contact: Int64?
    public var organization: Int64?
    public var campaign: Int64?

    public init() {}

    /// Narrows the dates to a triwulan: `2025-Q4`, `2025-4` or `Q4-2025`.
    public mutating func setQuarter(_ text: String, field: String = "quarter") throws {
        let digits = text.uppercased().replacingOccurrences(of: "Q", with: "").split(whereSeparator: { $0 == "-" || $0 == " " || $0 == "/" })
        let numbers = digits.compactMap { Int($0) }
        guard numbers.count == 2, let year = numbers.first(where: { $0 > 4 }), let quarter = numbers.first(where: { (1...4).contains($0) }),
              (1900...2100).contains(year) else {
            throw HumasError.invalid(field: field, message: "'\(text)' is not a quarter (triwulan); write it as YEAR-QN, e.g. 2025-Q4")
        }
        from = PostgresDate(year: year, month: quarter * 3 - 2, day: 1)
        to = PostgresDate(year: quarter == 4 ? year + 1 : year, month: quarter == 4 ? 1 : quarter * 3 + 1, day: 1).adding(days: -1)
    }

    /// Narrows the dates to a calendar year.
    public mutating func setYear(_ year: Int, field: String = "year") throws {
        guard (1900...2100).contains(year) else {
            throw HumasError.invalid(field: field, message: "\(year) is not a year between 1900 and 2100")
        }
        from = PostgresDate(year: year, month: 1, day: 1)
        to = PostgresDate(year: year, month: 12, day: 31)
    }

    func check() throws {
        var problems = FieldProblems()
        problems.check { try DayRange.check(from, field: "from") }
        problems.check { try DayRange.check(to, field: "to") }
        if let from, let to, to < from {
            problems.add("to", "\(to) is before from \(from)")
        }
        try problems.throwIfAny()
    }

    /// Every field in a fixed order and spelling, for the cursor's scope.
    var signature: [String] {
        [kind?.rawValue, mode?.rawValue, strategy?.rawValue, status?.rawValue, from?.description, to?.description,
         under?.uppercased(), contact.map(String.init), organization.map(String.init), campaign.map(String.init)].map { $0 ?? "" }
    }

    /// The SQL conditions on `humas.interactions i` (leading ` AND`), all on leak-proof
    /// comparisons so the planner may use indexes under row-level security.
    var conditions: PostgresQuery {
        var sql: PostgresQuery = " AND i.deleted_at IS NULL"
        if let kind { sql += " AND i.kind = \(kind.rawValue)" }
        if let mode { sql += " AND i.mode = \(mode.rawValue)" }
        if let strategy { sql += " AND i.strategy = \(strategy.rawValue)" }
        if let status { sql += " AND i.status = \(status.rawValue)" }
        // timestamp against timestamp: the date-to-timestamp comparison is not leak-proof, and
        // row-level security would keep it out of the index.
        if let from { sql += " AND i.starts_local >= \(from)::timestamp" }
        if let to { sql += " AND i.starts_local < \(to.adding(days: 1))::timestamp" }
        if let campaign { sql += " AND i.campaign_id = \(campaign)" }
        if let contact {
            sql += " AND i.id IN (SELECT p.interaction_id FROM humas.interaction_participants p WHERE p.contact_id = \(contact))"
        }
        if let organization {
            sql += """
                 AND i.id IN (SELECT p.interaction_id FROM humas.interaction_participants p
                              WHERE coalesce(p.organization_id, p.via_organization_id) = \(organization))
                """
        }
        return sql
    }
}
