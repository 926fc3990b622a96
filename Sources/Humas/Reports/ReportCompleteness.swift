import Foundation
import Postgres

/// Who under a unit has reported for a period: every unit below it, in the tree's order (so at
/// KPU RI each province comes before its kabupaten/kota), with its latest status.
public struct ReportCompleteness: Sendable, Codable, Hashable {
    public var period: ReportPeriod
    public var under: ReportUnit
    public var deadline: PostgresDate
    /// Whether KPU RI set the deadline (otherwise the default, 10 days after the period ends).
    public var deadlineSet: Bool
    public var units: [Entry]
    /// How many units are at each status, every status listed.
    public var summary: [FigureCount]
    public var late: Int

    public struct Entry: Sendable, Codable, Hashable {
        public var code: String
        public var name: String
        public var level: Unit.Level
        public var parentCode: String?
        public var status: ReportStatus
        public var version: Int?
        /// The first version's submission: what the deadline is measured against.
        public var firstSubmittedAt: Date?
        public var submittedAt: Date?
        public var reviewedAt: Date?
        /// Submitted after the deadline, or not submitted and the deadline has passed.
        public var late: Bool
        public var activities: Int
    }
}

/// A period's deadline as KPU RI set it.
public struct ReportDeadline: Sendable, Codable, Hashable {
    public var period: ReportPeriod
    public var dueOn: PostgresDate
}

extension Reports {
    public func completeness(under code: String? = nil, period text: String) async throws -> ReportCompleteness {
        let period = try ReportPeriod.parse(text)
        let session = session
        return try await session.transaction { connection in
            let unit = try Self.readableUnit(code, for: session, on: connection)
            try Self.requireStarted(period, unit: unit)
            let setDeadline = try connection.query("SELECT due_on FROM humas.report_deadlines WHERE period = \(period.description)")
                .first.map { try $0.decode("due_on", as: PostgresDate.self) }
            let deadline = setDeadline ?? period.defaultDeadline
            let rows = try connection.query("""
                SELECT u.code, u.name, u.level, p.code AS parent_code, u.time_zone, r.version, r.status, r.submitted_at,
                       r.reviewed_at, f.first_submitted_at,
                       (f.first_submitted_at AT TIME ZONE u.time_zone)::date AS first_submitted_on,
                       (now() AT TIME ZONE u.time_zone)::date AS today,
                       (SELECT count(*) FROM humas.interactions i
                        WHERE i.unit_id = u.id AND i.deleted_at IS NULL
                          AND i.starts_local >= \(period.firstDay) AND i.starts_local < \(period.endDay)) AS activities
                FROM humas.units s
                JOIN humas.units u ON u.id > s.id AND u.id <= s.subtree_end
                JOIN humas.units p ON p.id = u.parent_id
                LEFT JOIN LATERAL (SELECT x.version, x.status, x.submitted_at, x.reviewed_at FROM humas.reports x
                                   WHERE x.unit_id = u.id AND x.period = \(period.description)
                                   ORDER BY x.version DESC LIMIT 1) r ON true
                LEFT JOIN LATERAL (SELECT min(x.submitted_at) AS first_submitted_at FROM humas.reports x
                                   WHERE x.unit_id = u.id AND x.period = \(period.description)) f ON true
                WHERE s.id = \(unit.id)
                ORDER BY u.id
                """)
            let entries = try rows.map { row -> ReportCompleteness.Entry in
                let activities = Int(try row.decode("activities", as: Int64.self))
                let status = try row.decode("status", as: String?.self).flatMap(ReportStatus.init(rawValue:))
                    ?? (activities > 0 ? .draft : .notStarted)
                let firstOn: PostgresDate? = try row.decode("first_submitted_on")
                let today: PostgresDate = try row.decode("today")
                return ReportCompleteness.Entry(
                    code: try row.decode("code"), name: try row.decode("name"),
                    level: Unit.Level(rawValue: try row.decode("level")) ?? .regency, parentCode: try row.decode("parent_code"),
                    status: status, version: try row.decode("version"), firstSubmittedAt: try row.decode("first_submitted_at"),
                    submittedAt: try row.decode("submitted_at"), reviewedAt: try row.decode("reviewed_at"),
                    late: firstOn.map { $0 > deadline } ?? (today > deadline), activities: activities)
            }
            let parent = try unit.parentCode.map { try UnitDirectory.resolve($0, on: connection) }
            return ReportCompleteness(
                period: period,
                under: ReportUnit(code: unit.code, name: unit.name, level: unit.level,
                                  zone: UnitZone(timeZone: unit.timeZone).abbreviation, parentCode: parent?.code, parentName: parent?.name),
                deadline: deadline, deadlineSet: setDeadline != nil, units: entries,
                summary: ReportStatus.allCases.map { status in FigureCount(key: status.rawValue, value: entries.filter { $0.status == status }.count) },
                late: entries.filter(\.late).count)
        }
    }

    /// Sets a period's deadline; only KPU RI's admins may.
    public func setDeadline(period text: String, dueOn: PostgresDate) async throws -> ReportDeadline {
        let period = try ReportPeriod.parse(text)
        try session.requireAdmin("set report deadlines")
        guard dueOn > period.lastDay else {
            throw HumasError.invalid(field: "due_on", message: "\(dueOn) is not after \(period) ends (\(period.lastDay)); a deadline falls after the period")
        }
        let session = session
        return try await session.transaction { connection in
            guard try UnitDirectory.resolve(session.user.unitCode, on: connection).level == .national else {
                throw HumasError.forbidden("only KPU RI's admins set report deadlines; you act for \(session.user.unitName)")
            }
            let rows = try connection.query("""
                INSERT INTO humas.report_deadlines AS t (period, due_on) VALUES (\(period.description), \(dueOn))
                ON CONFLICT (period) DO UPDATE SET due_on = excluded.due_on, set_by = excluded.set_by, set_at = now()
                RETURNING t.period
                """)
            guard !rows.isEmpty else { throw HumasError.forbidden("only KPU RI's admins set report deadlines") }
            return ReportDeadline(period: period, dueOn: dueOn)
        }
    }
}
