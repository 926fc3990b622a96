import Foundation

/// Writes BENCHMARKS.md: the search table per level next to its baseline, COPY throughput, the
/// machine and how it was measured.
struct Report {
    /// One measured read at one level next to its baseline: a search query set, or an activity
    /// read (a list page, a timeline page), each with its own p95 target.
    struct Row {
        /// What was measured: the search's query set, or the activity read.
        let read: String
        let level: BenchLevel
        let ours: Latencies
        let baseline: Latencies
        let p95TargetMs: Double

        var ratio: Double { ours.p95 / baseline.p95 }
        var passes: Bool { ours.p95 <= p95TargetMs && ratio <= Report.ratioTarget }
    }

    static let p95TargetMs = 25.0
    static let ratioTarget = 1.5

    static let activityP95TargetMs = 20.0

    var activities: [Row] = []
    var interactions = 0

    var searches: [Row] = []
    var copy: CopyBenchmark.Result?
    var contacts = 0
    var queries = 0
    var organizationWords: [String] = []
    var rounds = 0
    var machine: [(String, String)] = []
    var generation: String?

    var allPass: Bool { searches.allSatisfy(\.passes) && activities.allSatisfy(\.passes) }

    func markdown(date: Date) -> String {
        var text = """
            # Benchmarks

            Written by `make bench` on \(Self.utc(date)) UTC. Every number below comes from that one run, on the machine \
            described at the end; rerun `make bench` to reproduce (it rewrites this file).

            ## Contact search over \(Self.grouped(contacts)) contacts

            Target: p95 ≤ \(Int(Self.p95TargetMs)) ms at every level **and** ≤ \(Self.ratioTarget) × the baseline's p95.

            | queries | level | our p50 | our p95 | baseline p50 | baseline p95 | ratio (p95) | target | result |
            |---|---|---:|---:|---:|---:|---:|---|---|

            """
        text += Self.table(searches)
        if !activities.isEmpty {
            text += """

                ## Activities over \(Self.grouped(interactions)) interactions

                Target: p95 ≤ \(Int(Self.activityP95TargetMs)) ms at every level **and** ≤ \(Self.ratioTarget) × the baseline's p95.

                | read | level | our p50 | our p95 | baseline p50 | baseline p95 | ratio (p95) | target | result |
                |---|---|---:|---:|---:|---:|---:|---|---|

                """
            text += Self.table(activities)
            text += """

                - **Ours**: `Session.interactions.list(filter, limit: 50)` for every Bakohumas strategy in every quarter of \
                2024–2025 (64 filters), and `Session.timelines.contact(id, limit: 50)` for 64 contacts who took part in the \
                level's activities: the whole service call (a `humas_app` transaction under row-level security: the acting \
                user, the unit, the signed-cursor key, the page), serially.
                - **Baseline**: `pgbench -M extended -c 1`, one script per filter or contact holding the very statement the \
                service sends (bound values written in), run as `humas_owner` (policies `USING (true)`), as many transactions \
                as ours after 50 of warm-up.

                """
        }
        if let copy {
            let ours = copy.ours.seconds, psql = copy.psql.seconds
            text += """

                ## COPY throughput

                | rows | our `copyIn` | `psql \\copy` (same rows, from a file) | ratio |
                |---:|---:|---:|---:|
                | \(Self.grouped(copy.rows)) | \(String(format: "%.2f", ours)) s (\(Self.grouped(Int(Double(copy.rows) / ours))) rows/s) \
                | \(String(format: "%.2f", psql)) s (\(Self.grouped(Int(Double(copy.rows) / psql))) rows/s) | \(String(format: "%.2f", ours / psql))× |

                """
        }
        if let generation {
            text += "\n## Data generation\n\n\(generation)\n"
        }
        text += """

            ## How it was measured

            - **Data**: `humas dev generate --contacts 1000000 --seed 2024` (fictional national directory: contacts over all \
            553 units, outlets per province, party boards, affiliations), then `ANALYZE`. The database holds \
            \(Self.grouped(contacts)) live contacts in all.
            - **Queries**: \(queries) fixed queries, seeded (`QuerySet` in Sources/HumasBench): generated people's full names as \
            written, lowercase, uppercase, with the last word cut short (type-ahead), with a one-letter typo, with an accent, \
            and bare given names (the broadest case). Each measurement runs the whole set \(rounds) time(s) after a warm-up pass. \
            **Broad organization words**: \(organizationWords.map { "`\($0)`" }.joined(separator: ", ")), words that start many \
            outlet names, so most of a page is contacts found through their organization; the list is run as many times \
            as it takes to give as many samples as the name queries.
            - **Ours (the service path)**: a `humas_app` connection pool (row-level security forced), one transaction per \
            search: `set_config('humas.user_id', …, true)` for the level's user, `humas.search_contacts(q, '{}', NULL, NULL, NULL, 50)`, \
            then the page's rows by id with a plain `SELECT` under the RLS policies, decoded in Swift. Timed around the \
            whole call, serially (one search at a time), over the Unix socket.
            - **Baseline**: `pgbench -M extended -c 1` running the same search SQL (search function + the same columns of \
            the page's rows) as `humas_owner`, whose policies are `USING (true)`, so RLS filters nothing; the acting user \
            is the same level's user, so the search function does the same work. Same query list (pgbench picks at random \
            from `bench.search_queries`), warm-up of 50 transactions, then the same number of transactions as ours; p50/p95 \
            from the per-transaction log (`--log`). Ratio = our p95 / baseline p95.
            - **Levels**: bench users (viewers) at KPU Kota Semarang, KPU Provinsi Jawa Tengah and KPU RI, created if missing.
            - **How the access rule stays enforced on the fast path**: `humas.search_contacts` is `SECURITY DEFINER` and \
            applies the very functions the RLS policies use (`acting_unit_id`, `acting_subtree_end`, \
            `acting_ancestor_ids`, `unit_readable`: a unit-id range test that does not grow with the scope); it returns ids \
            only, and the rows are then read through the ordinary policies as `humas_app`.
            - **COPY**: the same \(Self.grouped(copy?.rows ?? 0)) rows into a table without indexes: our `copyIn` encoding \
            each row, and `psql \\copy` of a file holding the same rows (psql's start-up included); best of two runs each.

            ## Machine


            """
        for (label, value) in machine { text += "- \(label): \(value)\n" }
        return text
    }

    /// The rows of a results table, one line each.
    static func table(_ rows: [Row]) -> String {
        rows.map { row in
            "| \(row.read) | \(row.level.label) | \(ms(row.ours.p50)) | \(ms(row.ours.p95)) | \(ms(row.baseline.p50)) | "
                + "\(ms(row.baseline.p95)) | \(String(format: "%.2f", row.ratio))× | p95 ≤ \(Int(row.p95TargetMs)) ms, ≤ \(ratioTarget)× | "
                + "\(row.passes ? "pass" : "FAIL") |\n"
        }.joined()
    }

    static func ms(_ value: Double) -> String { String(format: "%.1f ms", value) }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(character)
        }
        return result
    }

    static func utc(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
