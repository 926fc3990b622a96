import Foundation

/// The baseline: the same search SQL run by `pgbench` as `humas_owner`, whose policies are
/// `USING (true)`, so row-level security filters nothing while the rows are loaded. The acting
/// user is the level's user, so `humas.search_contacts` does exactly the work it does for the
/// service. Latencies come from pgbench's per-transaction log (`--log`), in microseconds.
struct PgbenchBaseline {
    let pgbench: String
    let conninfo: String
    let workDirectory: URL
    let queryCount: Int

    /// One transaction as the service sends it: name the user, search, load the page's rows (by id,
    /// as the service does, rather than a join the planner might turn into a scan of all contacts).
    var script: String {
        """
        \\set i random(1, \(queryCount))
        BEGIN;
        SELECT set_config('humas.user_id', :uid, true);
        SELECT \(SearchBenchmark.rowColumns) FROM humas.contacts c
        WHERE c.id = ANY (ARRAY(SELECT s.contact_id FROM humas.search_contacts(
                  (SELECT q FROM bench.search_queries WHERE i = :i), '{}', NULL, NULL, NULL, 50) s))
          AND c.deleted_at IS NULL;
        COMMIT;

        """
    }

    func measure(level: BenchLevel, transactions: Int) throws -> Latencies {
        let scriptFile = workDirectory.appendingPathComponent("search-baseline.sql")
        try script.write(to: scriptFile, atomically: true, encoding: .utf8)
        let common = ["-n", "-M", "extended", "-c", "1", "-f", scriptFile.path, "-D", "uid=\(level.userID)"]
        return try PgbenchLog(pgbench: pgbench, conninfo: conninfo, prefix: workDirectory.appendingPathComponent("pgbench-\(level.userID)").path)
            .run(common, transactions: transactions)
    }
}
