import Postgres
import Testing

@Suite("COPY FROM STDIN")
struct CopyTests {
    @Test("100,000 rows arrive exactly, special characters intact")
    func hundredThousandRows() throws {
        let connection = try TestDatabase.connect()
        try connection.execute("CREATE TEMP TABLE imported (n int, name text, note text)")
        let total = 100_000
        let stored = try connection.copyIn("COPY imported (n, name, note) FROM STDIN") { writer in
            for n in 1...total {
                let note: String? = n % 10 == 0 ? nil : "baris \(n)\twith tab\\ and\nnewline"
                try writer.write([String(n), "Kontak \(n)", note])
            }
        }
        #expect(stored == total)
        let summary = try connection.query("""
            SELECT count(*) AS rows, sum(n) AS total, count(note) AS notes,
                   bool_and(note IS NULL OR note = 'baris ' || n || E'\\twith tab\\\\ and\\nnewline') AS intact
            FROM imported
            """)[0]
        #expect(try summary.decode("rows", as: Int.self) == total)
        #expect(try summary.decode("total", as: Int.self) == total * (total + 1) / 2)
        #expect(try summary.decode("notes", as: Int.self) == total - total / 10)
        #expect(try summary.decode("intact", as: Bool.self))
    }

    @Test("a failing feed aborts the COPY and stores nothing")
    func abortedFeed() throws {
        struct BadRow: Error {}
        let connection = try TestDatabase.connect()
        try connection.execute("CREATE TEMP TABLE partial (n int)")
        #expect(throws: BadRow.self) {
            try connection.copyIn("COPY partial (n) FROM STDIN") { writer in
                for n in 1...1000 { try writer.write([String(n)]) }
                throw BadRow()
            }
        }
        #expect(try connection.query("SELECT count(*) FROM partial")[0].decode(0, as: Int.self) == 0)
    }

    @Test("a row the server rejects fails the whole COPY with its SQLSTATE")
    func serverRejectsRow() throws {
        let connection = try TestDatabase.connect()
        try connection.execute("CREATE TEMP TABLE numbers (n int)")
        let error = try #require(throws: PostgresError.self) {
            try connection.copyIn("COPY numbers (n) FROM STDIN") { writer in
                try writer.write(["1"])
                try writer.write(["dua"])
            }
        }
        #expect(error.sqlState == "22P02")
        #expect(try connection.query("SELECT count(*) FROM numbers")[0].decode(0, as: Int.self) == 0)
    }
}
