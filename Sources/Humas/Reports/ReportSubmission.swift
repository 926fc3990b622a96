import Foundation
import Postgres

/// Where a unit's report for a period stands.
public enum ReportStatus: String, Sendable, Codable, CaseIterable {
    /// Nothing recorded for the period and nothing submitted.
    case notStarted = "not_started"
    /// Activities recorded for the period, not yet submitted.
    case draft
    case submitted, acknowledged, returned
}

/// One submitted version of a unit's report: the figures frozen when it was submitted, the
/// narrative, and the parent's review.
public struct ReportSubmission: Sendable, Codable, Hashable {
    public var id: Int64
    public var unitCode: String
    public var unitName: String
    public var period: ReportPeriod
    public var version: Int
    public var status: ReportStatus
    public var highlights: String
    /// Kendala: what got in the way.
    public var obstacles: String
    /// Rencana tindak lanjut: what the unit will do next.
    public var nextSteps: String
    public var submittedBy: String
    public var submittedAt: Date
    public var reviewedBy: String?
    public var reviewedAt: Date?
    public var reviewComment: String?
    /// The report as submitted.
    public var figures: UnitReport

    static let select: PostgresQuery = """
        SELECT r.id, un.code AS unit_code, un.name AS unit_name, r.period, r.version, r.status, r.highlights,
               r.obstacles, r.next_steps, r.submitted_by_name, r.submitted_at, r.reviewed_by_name,
               r.reviewed_at, r.review_comment, r.figures::text AS figures
        FROM humas.reports r
        JOIN humas.units un ON un.id = r.unit_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        unitCode = try row.decode("unit_code")
        unitName = try row.decode("unit_name")
        period = try ReportPeriod.parse(try row.decode("period"))
        version = try row.decode("version")
        status = ReportStatus(rawValue: try row.decode("status")) ?? .submitted
        highlights = try row.decode("highlights")
        obstacles = try row.decode("obstacles")
        nextSteps = try row.decode("next_steps")
        submittedBy = try row.decode("submitted_by_name")
        submittedAt = try row.decode("submitted_at")
        reviewedBy = try row.decode("reviewed_by_name")
        reviewedAt = try row.decode("reviewed_at")
        reviewComment = try row.decode("review_comment")
        figures = try ReportSnapshot.decode(try row.decode("figures"))
    }
}

/// The narrative a unit writes when it submits.
public struct ReportNarrative: Sendable, Hashable {
    public var highlights: String?
    public var obstacles: String?
    public var nextSteps: String?

    public init(highlights: String?, obstacles: String?, nextSteps: String?) {
        self.highlights = highlights
        self.obstacles = obstacles
        self.nextSteps = nextSteps
    }
}

/// A report as shown: the live figures, and the latest submitted version with the headline
/// figures that changed since it was frozen.
public struct ReportView: Sendable, Codable, Hashable {
    public var report: UnitReport
    public var submission: ReportSubmission?
    /// Headline totals that differ between the submitted snapshot and the data now.
    public var differences: [SnapshotDifference]
}

public struct SnapshotDifference: Sendable, Codable, Hashable {
    public var name: String
    public var submitted: Int
    public var live: Int
}

/// How a snapshot is kept in `reports.figures`: the report document as JSON.
enum ReportSnapshot {
    static func encode(_ report: UnitReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> UnitReport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(UnitReport.self, from: Data(text.utf8))
    }

    static func differences(submitted: UnitReport, live: UnitReport) -> [SnapshotDifference] {
        HeadlineFigure.all.compactMap { figure in
            let before = figure.value(submitted.total), now = figure.value(live.total)
            return before == now ? nil : SnapshotDifference(name: figure.name, submitted: before, live: now)
        }
    }
}
