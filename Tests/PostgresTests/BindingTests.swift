import Postgres
import Testing

@Suite("Binding values as parameters")
struct BindingTests {
    @Test("text round-trips unchanged, whatever it contains", arguments: [
        "O'Brien", "'; drop table x; --", "Rp 1.000.000 — sapaan \"Ibu\"", "🗳️ Pemilu 2024 ✅",
        "Kabupaten Aceh Besar", "tab\tand\nnewline", "back\\slash", "",
    ])
    func roundTrip(value: String) throws {
        let connection = try TestDatabase.connect()
        let rows = try connection.query("SELECT \(value)::text AS echoed, length(\(value)::text) AS characters")
        #expect(try rows[0].decode("echoed", as: String.self) == value)
        // PostgreSQL counts code points; Swift's `count` counts grapheme clusters.
        #expect(try rows[0].decode("characters", as: Int.self) == value.unicodeScalars.count)
    }

    @Test("an injection attempt is data, not SQL")
    func injectionIsData() throws {
        let connection = try TestDatabase.connect()
        try connection.execute("CREATE TEMP TABLE victims (name text)")
        let hostile = "x'); DROP TABLE victims; --"
        try connection.execute("INSERT INTO victims (name) VALUES (\(hostile))")
        let rows = try connection.query("SELECT name FROM victims WHERE name = \(hostile)")
        #expect(rows.count == 1)
        #expect(try rows[0].decode("name", as: String.self) == hostile)
    }

    @Test("nil binds as SQL NULL")
    func nilIsNull() throws {
        let connection = try TestDatabase.connect()
        let missing: String? = nil
        let rows = try connection.query("SELECT \(missing)::text IS NULL AS is_null")
        #expect(try rows[0].decode("is_null", as: Bool.self))
    }

    @Test("fragments compose and keep their values bound")
    func fragmentsRenumber() throws {
        let connection = try TestDatabase.connect()
        let first: PostgresQuery = "x = \(1)"
        let second: PostgresQuery = "y = \("dua")"
        let query: PostgresQuery = "SELECT count(*) FROM (VALUES (1, 'dua')) AS t(x, y) WHERE \(PostgresQuery.joined([first, second], separator: " AND "))"
        #expect(query.sql.hasSuffix("WHERE x = $1 AND y = $2"))
        #expect(try connection.query(query)[0].decode(0, as: Int.self) == 1)
    }

    @Test("a NUL character is refused before it reaches the server")
    func nulRefused() throws {
        let connection = try TestDatabase.connect()
        #expect(throws: PostgresError.self) {
            try connection.query("SELECT \("a\u{0}b")::text")
        }
    }
}
