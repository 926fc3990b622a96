import Foundation
import Postgres

/// A baseline for service calls whose SQL varies per sample (a quarter and a strategy, a
/// contact): one pgbench script per sample, each the very statement the service sends with its
/// bound values written in as literals, run as `humas_owner` (policies `USING (true)`: row-level
/// security filters nothing). pgbench picks a script at random for each transaction.
struct PgbenchScripts {
    let pgbench: String
    let conninfo: String
    let workDirectory: URL

    /// pgbench takes at most 128 scripts.
    static let maximumScripts = 128

    func measure(_ queries: [PostgresQuery], name: String, userID: Int64, transactions: Int) throws -> Latencies {
        precondition((1...Self.maximumScripts).contains(queries.count), "pgbench runs 1 to 128 scripts")
        var arguments = ["-n", "-M", "extended", "-c", "1"]
        for (index, query) in queries.enumerated() {
            let file = workDirectory.appendingPathComponent("\(name)-\(index).sql")
            try """
                BEGIN;
                SELECT set_config('humas.user_id', '\(userID)', true);
                \(Self.inlined(query).replacingOccurrences(of: "\n", with: " "));
                COMMIT;

                """.write(to: file, atomically: true, encoding: .utf8)
            arguments += ["-f", file.path]
        }
        return try PgbenchLog(pgbench: pgbench, conninfo: conninfo, prefix: workDirectory.appendingPathComponent("pgbench-\(name)").path)
            .run(arguments, transactions: transactions)
    }

    /// The statement with `$n` replaced by its value as a quoted literal (or NULL): what the
    /// service binds, written out. Only for the benchmark's own constant inputs.
    static func inlined(_ query: PostgresQuery) -> String {
        var sql = query.sql
        for (index, value) in query.bindings.enumerated().reversed() {
            let literal = value.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? "NULL"
            sql = sql.replacingOccurrences(of: "$\(index + 1)", with: literal)
        }
        return sql
    }
}

/// Runs pgbench with a warm-up, then reads per-transaction latencies from its `--log`.
struct PgbenchLog {
    let pgbench: String
    let conninfo: String
    /// pgbench names its log <prefix>.<pid>.
    let prefix: String

    func run(_ arguments: [String], transactions: Int) throws -> Latencies {
        for old in try logs() { try FileManager.default.removeItem(atPath: old) }
        let asOwner = ["PGOPTIONS": "-c role=humas_owner"]
        try ExternalTool.run(pgbench, arguments + ["-t", "50", conninfo], environment: asOwner)  // warm-up
        try ExternalTool.run(pgbench, arguments + ["-t", String(transactions), "--log", "--log-prefix=\(prefix)", conninfo], environment: asOwner)
        var latencies = Latencies()
        for log in try logs() {
            let text = try String(contentsOfFile: log, encoding: .utf8)
            // client_id transaction_no time_us script_no epoch epoch_us
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ")
                if fields.count >= 3, let micros = Double(fields[2]) { latencies.add(micros / 1000) }
            }
        }
        guard !latencies.samples.isEmpty else { throw BenchError("pgbench wrote no transaction log under \(prefix)") }
        return latencies
    }

    private func logs() throws -> [String] {
        let directory = (prefix as NSString).deletingLastPathComponent
        let base = (prefix as NSString).lastPathComponent + "."
        return try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix(base) }.map { directory + "/" + $0 }
    }
}
