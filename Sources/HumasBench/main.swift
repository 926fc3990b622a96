import ArgumentParser
import Foundation
import Humas
import HumasDevData
import Postgres

/// `humas-bench`: what `make bench` runs once the data is loaded. Measures contact search per
/// level through the service path next to a pgbench baseline, and COPY throughput, and writes
/// BENCHMARKS.md.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "HumasBench",
        abstract: "Measure search latency and COPY throughput; write BENCHMARKS.md.",
        discussion: "Example: .build-release/release/HumasBench --output BENCHMARKS.md --generation-json .build-release/bench-generate.json")

    @Option(help: "Where to write the report.") var output = "BENCHMARKS.md"
    @Option(help: "Measured passes over the query set, per level.") var rounds = 2
    @Option(help: "Rows for the COPY comparison.") var copyRows = 100_000
    @Option(help: "The JSON `humas dev generate --json` printed, to report the load time.") var generationJSON: String?
    @Flag(help: "Only the activity reads (for looking into them; the report then lacks the search and COPY tables).")
    var activitiesOnly = false

    func run() async throws {
        try await benchmark()
    }

    func benchmark() async throws {
        let target = DatabaseTarget()
        let admin = DatabaseAdmin(target: target)
        let querySets: [(label: String, queries: [String])] = [
            ("names", QuerySet.make()), ("broad organization words", QuerySet.organizationWords),
        ]
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("humas-bench-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        log("VACUUM (ANALYZE) of the directory tables")
        try await admin.withAdminConnection { try BenchSetup.vacuumAnalyze(on: $0) }
        let levels = try await admin.withAdminConnection { try BenchSetup.prepare(levels: BenchLevel.all, on: $0) }
        var report = Report()
        report.queries = querySets[0].queries.count
        report.organizationWords = querySets[1].queries
        report.rounds = rounds
        report.contacts = try await admin.withAdminConnection { try BenchSetup.contactCount(on: $0) }
        report.machine = try await admin.withAdminConnection { try MachineFacts.collect(on: $0) }
        report.generation = try generationSummary()
        log("\(report.contacts) contacts, \(report.queries) queries, \(rounds) round(s) per level")

        let pool = PostgresPool(conninfo: target.appConninfo, size: 2) { connection in
            try connection.execute(script: "SET ROLE humas_app; SET search_path = humas, public")
        }
        let search = SearchBenchmark(pool: pool)
        let pgbench = try ExternalTool.locate("pgbench")
        for (label, queries) in activitiesOnly ? [] : querySets {
            try await admin.withAdminConnection { try BenchSetup.load(queries: queries, on: $0) }
            let baseline = PgbenchBaseline(pgbench: pgbench, conninfo: target.adminConninfo, workDirectory: work, queryCount: queries.count)
            // A short query list is run more often, so that its p95 rests on as many samples.
            let passes = max(rounds, rounds * querySets[0].queries.count / queries.count)
            for level in levels {
                _ = try await search.measure(level: level, queries: queries, rounds: 1)  // warm-up
                let ours = try await search.measure(level: level, queries: queries, rounds: passes)
                let theirs = try baseline.measure(level: level, transactions: queries.count * passes)
                let row = Report.Row(read: label, level: level, ours: ours, baseline: theirs, p95TargetMs: Report.p95TargetMs)
                report.searches.append(row)
                log("\(label), \(level.label): ours p50 \(Report.ms(ours.p50)) p95 \(Report.ms(ours.p95)); baseline p50 "
                    + "\(Report.ms(theirs.p50)) p95 \(Report.ms(theirs.p95)); \(row.passes ? "pass" : "FAIL")")
            }
        }
        await pool.shutdown()

        report.interactions = try await admin.withAdminConnection { try BenchSetup.interactionCount(on: $0) }
        if report.interactions > 0 {
            let service = HumasService(target: target, poolSize: 2)
            let activity = InteractionBenchmark(
                service: service, admin: admin,
                baseline: PgbenchScripts(pgbench: pgbench, conninfo: target.adminConninfo, workDirectory: work))
            for level in levels {
                for (read, measure) in [
                    ("interaction list, one quarter × one strategy", activity.measureList),
                    ("contact timeline, first page", activity.measureTimeline),
                ] {
                    let (ours, theirs) = try await measure(level, rounds)
                    let row = Report.Row(read: read, level: level, ours: ours, baseline: theirs, p95TargetMs: Report.activityP95TargetMs)
                    report.activities.append(row)
                    log("\(read), \(level.label): ours p95 \(Report.ms(ours.p95)); baseline p95 \(Report.ms(theirs.p95)); \(row.passes ? "pass" : "FAIL")")
                }
            }
            await service.shutdown()
        } else {
            log("no interactions: run `humas dev generate --interactions N` for the activity rows")
        }

        if activitiesOnly {
            try report.markdown(date: Date()).write(toFile: output, atomically: true, encoding: .utf8)
            return log("wrote \(output) (activities only)")
        }
        let copy = CopyBenchmark(psql: try ExternalTool.locate("psql"), conninfo: target.adminConninfo, workDirectory: work, rowCount: copyRows)
        report.copy = try await admin.withAdminConnection { try copy.measure(on: $0) }
        log("COPY \(copyRows) rows: ours \(String(format: "%.2f", report.copy!.ours.seconds)) s, psql \(String(format: "%.2f", report.copy!.psql.seconds)) s")

        try report.markdown(date: Date()).write(toFile: output, atomically: true, encoding: .utf8)
        log("wrote \(output)\(report.allPass ? "" : " (some targets missed)")")
    }

    private func generationSummary() throws -> String? {
        guard let generationJSON, let data = FileManager.default.contents(atPath: generationJSON) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let report = try decoder.decode(GenerationReport.self, from: data)
        let lines = [report.contacts.map(Self.describe), report.interactions.map(Self.describe)].compactMap { $0 }
        return lines.isEmpty ? nil : lines.joined(separator: "\n\n")
    }

    private static func describe(_ summary: NationalDataGenerator.Summary) -> String {
        if summary.alreadyPresent {
            return "Seed \(summary.seed) was already loaded by an earlier run (\(Report.grouped(summary.contacts)) contacts); not timed this time."
        }
        let rate = Int(Double(summary.contacts) / max(summary.seconds, 0.001))
        return "`humas dev generate --contacts \(summary.contacts) --seed \(summary.seed)` (release build) loaded "
            + "\(Report.grouped(summary.contacts)) contacts, \(Report.grouped(summary.organizations)) organizations and "
            + "\(Report.grouped(summary.affiliations)) affiliations in \(String(format: "%.1f", summary.seconds)) s "
            + "(\(Report.grouped(rate)) contacts/s), one transaction, through COPY."
    }

    private static func describe(_ summary: InteractionGenerator.Summary) -> String {
        if summary.alreadyPresent {
            return "The activities of seed \(summary.seed) were already loaded by an earlier run "
                + "(\(Report.grouped(summary.interactions)) interactions); not timed this time."
        }
        let rate = Int(Double(summary.interactions) / max(summary.seconds, 0.001))
        return "`humas dev generate --interactions \(summary.interactions) --seed \(summary.seed)` (release build) loaded "
            + "\(Report.grouped(summary.interactions)) interactions (\(Report.grouped(summary.coorganized)) co-organized), "
            + "\(Report.grouped(summary.participants)) participants and \(Report.grouped(summary.followups)) follow-ups in "
            + "\(String(format: "%.1f", summary.seconds)) s (\(Report.grouped(rate)) interactions/s), one transaction, through COPY, "
            + "triggers and foreign keys in force, ANALYZE included."
    }

    private func log(_ line: String) {
        FileHandle.standardError.write(Data(("bench: " + line + "\n").utf8))
    }
}

// Top-level code would pick ParsableCommand's synchronous main(); parse and run explicitly.
do {
    var command = try Bench.parseAsRoot()
    if let bench = command as? Bench {
        try await bench.benchmark()
    } else {
        try command.run()
    }
} catch {
    Bench.exit(withError: error)
}
