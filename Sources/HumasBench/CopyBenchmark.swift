import Foundation
import HumasDevData
import Postgres

/// COPY throughput: the same 100,000 rows loaded by our `copyIn` (encoding each row on the fly)
/// and by `psql \copy` (reading them from a file), into a plain table without indexes.
struct CopyBenchmark {
    struct Result: Sendable {
        let rows: Int
        let ours: Duration
        let psql: Duration
    }

    static let columns = "full_name, honorific, unit_id, emails, phones, tags"

    let psql: String
    let conninfo: String
    let workDirectory: URL
    let rowCount: Int

    func measure(on connection: PostgresConnection) throws -> Result {
        let rows = makeRows()
        let file = workDirectory.appendingPathComponent("copy-\(rowCount).tsv")
        try Data(rows.map(Self.copyLine).joined().utf8).write(to: file)
        try connection.execute(script: """
            SET ROLE humas_owner;
            CREATE SCHEMA IF NOT EXISTS bench;
            CREATE TABLE IF NOT EXISTS bench.copy_probe (full_name text, honorific text, unit_id int, emails text[], phones text[], tags text[])
            """)
        let clock = ContinuousClock()
        var ours: [Duration] = [], theirs: [Duration] = []
        // Twice each, alternating, keeping the faster: the first run of either warms the cache.
        for _ in 0..<2 {
            try connection.execute(script: "TRUNCATE bench.copy_probe")
            let started = clock.now
            let stored = try connection.copyIn("COPY bench.copy_probe (full_name, honorific, unit_id, emails, phones, tags) FROM STDIN") { writer in
                for row in rows { try writer.write(row) }
            }
            ours.append(clock.now - started)
            guard stored == rowCount else { throw BenchError("our COPY stored \(stored) of \(rowCount) rows") }

            try connection.execute(script: "TRUNCATE bench.copy_probe")
            let psqlStarted = clock.now
            try ExternalTool.run(psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", conninfo,
                                        "-c", "\\copy bench.copy_probe (\(Self.columns)) FROM '\(file.path)'"],
                                 environment: ["PGOPTIONS": "-c role=humas_owner"])
            theirs.append(clock.now - psqlStarted)
        }
        try connection.execute(script: "TRUNCATE bench.copy_probe; RESET ROLE")
        try? FileManager.default.removeItem(at: file)
        return Result(rows: rowCount, ours: ours.min()!, psql: theirs.min()!)
    }

    /// Fictional people with one e-mail and one phone each, as the generator makes them.
    private func makeRows() -> [[String?]] {
        var generator = SeededRandom(seed: 100_000)
        return (0..<rowCount).map { index in
            let person = IndonesianNames.person(using: &generator)
            return [person.fullName, person.honorific, String(3 + index % 550), "{kontak.\(index)@surel.example}",
                    "{+62812\(String(10_000_000 + index))}", index % 3 == 0 ? "{pemilu-2024}" : "{}"]
        }
    }

    /// COPY's text format, escaped as `PostgresCopyWriter` does.
    private static func copyLine(_ row: [String?]) -> String {
        row.map { value in
            guard let value else { return "\\N" }
            return value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
                .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
        }.joined(separator: "\t") + "\n"
    }
}
