import Foundation
import Postgres

/// Quarterly and yearly reports up the hierarchy: a unit's figures, its submissions and the
/// parent's review, and who has reported. A unit reads its own and its sub-units' reports,
/// never a sibling's or an ancestor's (row-level security and `humas.require_report_scope`).
public struct Reports: Sendable {
    let session: Session

    /// The live report of `unit` (default: the user's) for `period`, with its latest submitted
    /// version and what changed since.
    public func show(unit code: String? = nil, period text: String) async throws -> ReportView {
        let period = try ReportPeriod.parse(text)
        let session = session
        return try await session.transaction { connection in
            let unit = try Self.readableUnit(code, for: session, on: connection)
            try Self.requireStarted(period, unit: unit)
            let live = try ReportReader.read(unit, period: period, on: connection)
            let submission = try Self.versions(of: unit, period: period, on: connection).last
            return ReportView(report: live, submission: submission,
                              differences: submission.map { ReportSnapshot.differences(submitted: $0.figures, live: live) } ?? [])
        }
    }

    /// Every submitted version, oldest first: of one unit's period, or of all its periods.
    public func history(unit code: String? = nil, period text: String? = nil) async throws -> [ReportSubmission] {
        let period = try text.map { try ReportPeriod.parse($0) }
        let session = session
        return try await session.transaction { connection in
            let unit = try Self.readableUnit(code, for: session, on: connection)
            if let period { return try Self.versions(of: unit, period: period, on: connection) }
            return try connection.query(ReportSubmission.select + " WHERE r.unit_id = \(unit.id) ORDER BY r.period, r.version")
                .map(ReportSubmission.init(row:))
        }
    }

    static func versions(of unit: Unit, period: ReportPeriod, on connection: PostgresConnection) throws -> [ReportSubmission] {
        try connection.query(ReportSubmission.select + " WHERE r.unit_id = \(unit.id) AND r.period = \(period.description) ORDER BY r.version")
            .map(ReportSubmission.init(row:))
    }

    /// The unit `code` names (default: the user's), when the user may read its reports.
    static func readableUnit(_ code: String?, for session: Session, on connection: PostgresConnection) throws -> Unit {
        let unit = try UnitDirectory.resolve(code ?? session.user.unitCode, on: connection)
        let own = try UnitDirectory.resolve(session.user.unitCode, on: connection)
        guard own.contains(unit) else {
            throw HumasError.forbidden("the reports of \(unit.code) (\(unit.name)) are outside your scope: you read those of \(own.name) and the units below it")
        }
        return unit
    }

    /// Refuses a period that has not begun on the unit's clocks.
    static func requireStarted(_ period: ReportPeriod, unit: Unit) throws {
        let today = UnitZone(timeZone: unit.timeZone).day(of: Date())
        guard period.firstDay <= today else {
            throw HumasError.invalid(field: "period", message: "\(period) has not begun (it starts on \(period.firstDay)); report on a period up to today, \(today)")
        }
    }
}

extension Session {
    /// Quarterly and yearly reports of the user's unit and the units below it.
    public var reports: Reports { Reports(session: self) }
}
