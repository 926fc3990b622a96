import Foundation
import Postgres

/// Reads a unit's report for a period from the `humas.report_*` functions (sql/1100), which
/// check the reader's scope and aggregate in one pass per period; this only arranges the rows.
enum ReportReader {
    static let totalBucket = -1
    static let overlapBucket = -2

    static func read(_ unit: Unit, period: ReportPeriod, on connection: PostgresConnection) throws -> UnitReport {
        let zone = UnitZone(timeZone: unit.timeZone)
        let today = zone.day(of: Date())
        let parts = try connection.query("SELECT id, lo, hi, code, name, own FROM humas.report_parts(\(unit.id))").map(Part.init(row:))
        let parties = try connection.query("""
            SELECT id, ballot_number, name, short_name, party_scope FROM humas.report_parties(\(unit.id))
            """).map(Party.init(row:))
        let current = try figures(of: unit, period: period, today: today, parts: parts, parties: parties, on: connection)
        let previous = try figures(of: unit, period: period.previous, today: today, parts: parts, parties: parties, on: connection)
        let total = current.figures[totalBucket] ?? ReportFigures()
        let previousTotal = previous.figures[totalBucket] ?? ReportFigures()
        let parent = try unit.parentCode.map { try UnitDirectory.resolve($0, on: connection) }
        return UnitReport(
            unit: ReportUnit(code: unit.code, name: unit.name, level: unit.level, zone: zone.abbreviation,
                             parentCode: parent?.code, parentName: parent?.name),
            period: period, previousPeriod: period.previous, generatedAt: Date(),
            own: current.figures[unit.id] ?? ReportFigures(),
            subUnits: parts.filter { !$0.own }.map {
                ReportPart(code: $0.code, name: $0.name, figures: current.figures[$0.id] ?? ReportFigures())
            },
            overlap: current.figures[overlapBucket] ?? ReportFigures(),
            total: total,
            changes: HeadlineFigure.all.map { FigureChange(name: $0.name, current: $0.value(total), previous: $0.value(previousTotal)) },
            parties: parties.map { party in
                PartyAccess(ballotNumber: party.ballotNumber, name: party.name, shortName: party.shortName, scope: party.scope,
                            invited: current.partyInvited[party.id] ?? 0, attended: current.partyAttended[party.id] ?? 0)
            },
            mailings: current.mailings)
    }

    /// Every bucket's figures for one period, and the total's party engagement.
    private static func figures(
        of unit: Unit, period: ReportPeriod, today: PostgresDate, parts: [Part], parties: [Party],
        on connection: PostgresConnection
    ) throws -> PeriodFigures {
        var result = PeriodFigures()
        let buckets = parts.map(\.id) + [totalBucket, overlapBucket]
        for bucket in buckets { result.figures[bucket] = ReportFigures.empty(months: period.months) }
        var engagedParties: [Int: Set<Int64>] = [:]
        let contesting = Set(parties.map(\.id))
        let rows = try connection.query("""
            SELECT bucket, metric, key, value
            FROM humas.report_activity_figures(\(unit.id), \(period.firstDay), \(period.endDay), \(today))
            """)
        for row in rows {
            let bucket: Int = try row.decode("bucket")
            let metric: String = try row.decode("metric"), key: String = try row.decode("key")
            let value = Int(try row.decode("value", as: Int64.self))
            if metric == "party_invited" || metric == "party_attended" {
                guard let party = Int64(key), contesting.contains(party), value > 0 else { continue }
                if bucket == totalBucket {
                    if metric == "party_invited" { result.partyInvited[party] = value } else { result.partyAttended[party] = value }
                }
                engagedParties[bucket, default: []].insert(party)
                continue
            }
            result.figures[bucket, default: ReportFigures()].add(metric: metric, key: key, value: value)
        }
        for (bucket, engaged) in engagedParties { result.figures[bucket]?.partiesEngaged = engaged.count }
        result.mailings = try connection.query("""
            SELECT id, unit_id, unit_code, name, started_at, recipients, sent, failed, bounced, opted_out, skipped
            FROM humas.report_mailings(\(unit.id), \(period.firstDay), \(period.endDay))
            """).map { row in
            let mailing = try MailingFigures(row: row)
            let unitID: Int = try row.decode("unit_id")
            let part = parts.first { (Int($0.lo)...Int($0.hi)).contains(unitID) }
            for bucket in [part?.id, totalBucket].compactMap({ $0 }) { result.figures[bucket]?.add(mailing) }
            return mailing
        }
        return result
    }

    private struct PeriodFigures {
        var figures: [Int: ReportFigures] = [:]
        var partyInvited: [Int64: Int] = [:]
        var partyAttended: [Int64: Int] = [:]
        var mailings: [MailingFigures] = []
    }

    private struct Part {
        let id: Int, lo: Int, hi: Int, code: String, name: String, own: Bool
        init(row: PostgresRow) throws {
            id = try row.decode("id"); lo = try row.decode("lo"); hi = try row.decode("hi")
            code = try row.decode("code"); name = try row.decode("name"); own = try row.decode("own")
        }
    }

    private struct Party {
        let id: Int64, ballotNumber: Int, name: String, shortName: String?, scope: String
        init(row: PostgresRow) throws {
            id = try row.decode("id"); ballotNumber = try row.decode("ballot_number"); name = try row.decode("name")
            shortName = try row.decode("short_name"); scope = try row.decode("party_scope")
        }
    }
}

extension MailingFigures {
    init(row: PostgresRow) throws {
        func count(_ column: String) throws -> Int { Int(try row.decode(column, as: Int64.self)) }
        self.init(id: try row.decode("id"), unitCode: try row.decode("unit_code"), name: try row.decode("name"),
                  startedAt: try row.decode("started_at"), recipients: try count("recipients"), sent: try count("sent"),
                  failed: try count("failed"), bounced: try count("bounced"), optedOut: try count("opted_out"),
                  skipped: try count("skipped"))
    }
}

extension ReportFigures {
    /// Zeros for every value of every breakdown, so a report shows all eight strategies.
    static func empty(months: [String]) -> ReportFigures {
        var figures = ReportFigures()
        figures.byKind = InteractionKind.allCases.map { FigureCount(key: $0.rawValue, value: 0) }
        figures.byMode = InteractionMode.allCases.map { FigureCount(key: $0.rawValue, value: 0) }
        figures.byStrategy = BakohumasStrategy.allCases.map { FigureCount(key: $0.rawValue, value: 0) }
        figures.byMonth = months.map { FigureCount(key: $0, value: 0) }
        figures.contactsByCategory = Contact.Category.allCases.map { FigureCount(key: $0.rawValue, value: 0) }
        figures.organizationsByKind = Organization.Kind.allCases.map { FigureCount(key: $0.rawValue, value: 0) }
        return figures
    }

    /// Adds one row of `humas.report_activity_figures`.
    mutating func add(metric: String, key: String, value: Int) {
        switch metric {
        case "status":
            switch key {
            case "planned": activitiesPlanned += value
            case "done": activitiesDone += value
            default: activitiesCancelled += value
            }
        case "kind":
            byKind.add(key, value)
            if key == InteractionKind.pressRelease.rawValue { pressReleases += value }
            if key == InteractionKind.pressConference.rawValue { pressConferences += value }
        case "mode": byMode.add(key, value)
        case "strategy": byStrategy.add(key, value)
        case "month": byMonth.add(key, value)
        case "audience": audienceReached += value
        case "followups_opened": followupsOpened += value
        case "followups_done": followupsDone += value
        case "followups_overdue": followupsOverdue += value
        case "contacts": contactsEngaged += value
        case "contacts_by_category":
            contactsByCategory.add(key, value)
            if key == Contact.Category.journalist.rawValue { journalistsEngaged += value }
        case "organizations": organizationsEngaged += value
        case "organizations_by_kind":
            organizationsByKind.add(key, value)
            if key == Organization.Kind.mediaOutlet.rawValue { outletsEngaged += value }
        default: break
        }
    }

    mutating func add(_ mailing: MailingFigures) {
        mailings += 1
        mailSent += mailing.sent
        mailFailed += mailing.failed
        mailBounced += mailing.bounced
        mailOptedOut += mailing.optedOut
    }
}

extension [FigureCount] {
    fileprivate mutating func add(_ key: String, _ value: Int) {
        if let index = firstIndex(where: { $0.key == key }) { self[index].value += value } else { append(FigureCount(key: key, value: value)) }
    }
}
