import Foundation
import Postgres

extension Reports {
    /// Freezes the unit's figures for an ended period with the narrative, as a new version: the
    /// first, or the next after the parent returned the last one.
    public func submit(unit code: String? = nil, period text: String, narrative: ReportNarrative) async throws -> ReportSubmission {
        try session.requireInteractionWriter()
        var problems = FieldProblems()
        let period = problems.check { try ReportPeriod.parse(text) }
        let highlights = problems.check { try Self.narrative(narrative.highlights, field: "highlights", example: "Konferensi pers hasil rekapitulasi diliput 12 media") }
        let obstacles = problems.check { try Self.narrative(narrative.obstacles, field: "obstacles", example: "Jaringan internet di kecamatan terpencil tidak stabil; tulis 'Tidak ada' bila tidak ada kendala") }
        let nextSteps = problems.check { try Self.narrative(narrative.nextSteps, field: "next_steps", example: "Media gathering dengan wartawan daerah pada triwulan berikutnya") }
        try problems.throwIfAny()
        let session = session
        return try await session.transaction { connection in
            let unit = try UnitDirectory.resolveWritable(code, for: session, on: connection)
            let today = UnitZone(timeZone: unit.timeZone).day(of: Date())
            guard period!.lastDay < today else {
                throw HumasError.invalid(field: "period", message: "\(period!) ends on \(period!.lastDay); submit its report after that day")
            }
            let versions = try Self.versions(of: unit, period: period!, on: connection)
            if let last = versions.last, last.status != .returned {
                throw HumasError.conflict("\(unit.name) already submitted its \(period!) report (version \(last.version), \(last.status.rawValue)); it can be submitted again only after \(unit.parentCode ?? "the parent unit") returns it", existingID: last.id)
            }
            let report = try ReportReader.read(unit, period: period!, on: connection)
            let id = try connection.query("""
                INSERT INTO humas.reports AS t (unit_id, period, version, figures, highlights, obstacles, next_steps,
                                               submitted_by, submitted_by_name)
                VALUES (\(unit.id), \(period!.description), \((versions.last?.version ?? 0) + 1), \(try ReportSnapshot.encode(report))::jsonb,
                        \(highlights!), \(obstacles!), \(nextSteps!), \(session.user.id), \(Self.signature(of: session.user)))
                RETURNING t.id
                """)[0].decode("id", as: Int64.self)
            try Self.audit(id, unitID: unit.id, action: .create, before: nil, on: connection)
            return try Self.fetch(id, on: connection)
        }
    }

    /// The parent unit accepts the latest submitted version.
    public func acknowledge(unit code: String, period text: String, comment: String? = nil) async throws -> ReportSubmission {
        try await review(unit: code, period: text, as: .acknowledged, comment: comment)
    }

    /// The parent unit sends the latest submitted version back, saying what to fix.
    public func returnReport(unit code: String, period text: String, comment: String?) async throws -> ReportSubmission {
        let comment = try Self.narrative(comment, field: "comment", example: "Lengkapi jumlah peserta sosialisasi bulan Agustus")
        return try await review(unit: code, period: text, as: .returned, comment: comment)
    }

    private func review(unit code: String, period text: String, as outcome: ReportStatus, comment: String?) async throws -> ReportSubmission {
        let period = try ReportPeriod.parse(text)
        let session = session
        let verb = outcome == .acknowledged ? "acknowledge" : "return"
        return try await session.transaction { connection in
            let unit = try UnitDirectory.resolve(code, on: connection)
            guard let parentCode = unit.parentCode else {
                throw HumasError.forbidden("\(unit.name) reports to no unit in Humas: its reports are not acknowledged or returned")
            }
            let parent = try UnitDirectory.resolve(parentCode, on: connection)
            guard parent.code == session.user.unitCode else {
                let own = unit.code == session.user.unitCode ? "a unit does not review its own report: " : ""
                throw HumasError.forbidden("\(own)only \(parent.name), the parent of \(unit.name), may \(verb) its reports; you act for \(session.user.unitName)")
            }
            guard session.user.role.writesDirectory else {
                throw HumasError.forbidden("your role is \(session.user.role): only editors and admins of \(parent.name) may \(verb) reports")
            }
            guard let last = try Self.versions(of: unit, period: period, on: connection).last else {
                throw HumasError.notFound(entity: "report", key: "\(unit.code) \(period)")
            }
            guard last.status == .submitted else {
                throw HumasError.conflict("\(unit.name)'s \(period) report (version \(last.version)) was already \(last.status.rawValue); only a submitted report can be acknowledged or returned", existingID: last.id)
            }
            let before = try Self.auditSnapshot(last.id, on: connection)
            let rows = try connection.query("""
                UPDATE humas.reports SET status = \(outcome.rawValue), reviewed_by = \(session.user.id),
                       reviewed_by_name = \(Self.signature(of: session.user)), reviewed_at = now(), review_comment = \(comment)
                WHERE id = \(last.id) AND submitted_by <> \(session.user.id)
                RETURNING id
                """)
            guard !rows.isEmpty else {
                throw HumasError.forbidden("you submitted this report yourself; another editor or admin of \(parent.name) must \(verb) it")
            }
            try Self.audit(last.id, unitID: unit.id, action: .update, before: before, on: connection)
            return try Self.fetch(last.id, on: connection)
        }
    }

    static func fetch(_ id: Int64, on connection: PostgresConnection) throws -> ReportSubmission {
        guard let row = try connection.query(ReportSubmission.select + " WHERE r.id = \(id)").first else {
            throw HumasError.notFound(entity: "report", key: String(id))
        }
        return try ReportSubmission(row: row)
    }

    /// A narrative field, required and at most 20,000 characters.
    static func narrative(_ text: String?, field: String, example: String) throws -> String {
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !trimmed.isEmpty else {
            throw HumasError.invalid(field: field, message: "is required, e.g. '\(example)'")
        }
        guard trimmed.count <= 20_000 else {
            throw HumasError.invalid(field: field, message: "is \(trimmed.count) characters; keep it under 20,000")
        }
        return trimmed
    }

    static func signature(of user: ActingUser) -> String { "\(user.fullName) <\(user.email)>" }

    /// The audit trail keeps the review and narrative, not the (large) frozen figures.
    static func auditSnapshot(_ id: Int64, on connection: PostgresConnection) throws -> String {
        try connection.query("SELECT (to_jsonb(t.*) - 'figures')::text AS j FROM humas.reports t WHERE t.id = \(id)")[0].decode("j")
    }

    static func audit(_ id: Int64, unitID: Int, action: AuditLog.Action, before: String?, on connection: PostgresConnection) throws {
        try AuditLog.record(on: connection, unitID: unitID, action: action, entity: "report", entityID: id,
                            before: before, after: try auditSnapshot(id, on: connection))
    }
}
