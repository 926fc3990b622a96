import Foundation
import Postgres
import Testing

@Suite("Decoding columns into Swift types")
struct DecodingTests {
    struct Social: Codable, Equatable, Sendable {
        var instagram: String
        var followers: Int
    }

    @Test("each supported type decodes from its column")
    func eachType() throws {
        let connection = try TestDatabase.connect()
        let row = try connection.query("""
            SELECT 42::int4 AS small, 9007199254740993::int8 AS big, 2.5::float8 AS ratio,
                   12345678901234567890.125::numeric AS amount, 'Semarang'::text AS city, true AS yes,
                   '2024-02-14 08:30:15.25+07'::timestamptz AS voted_at, '2024-02-14'::date AS election_day,
                   'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS id, ARRAY['pemilu', 'hukum, politik', NULL] AS beats,
                   ARRAY[1, 2, 3] AS numbers, '{"instagram": "@kpu", "followers": 5}'::jsonb AS social,
                   NULL::text AS nothing, '\\x00ff10'::bytea AS raw
            """)[0]
        #expect(try row.decode("small", as: Int.self) == 42)
        #expect(try row.decode("small", as: Int32.self) == 42)
        #expect(try row.decode("big", as: Int64.self) == 9_007_199_254_740_993)
        #expect(try row.decode("ratio", as: Double.self) == 2.5)
        #expect(try row.decode("amount", as: Decimal.self) == Decimal(string: "12345678901234567890.125"))
        #expect(try row.decode("city", as: String.self) == "Semarang")
        #expect(try row.decode("yes", as: Bool.self))
        // 08:30:15.25 in UTC+7 is 01:30:15.25 UTC.
        #expect(try row.decode("voted_at", as: Date.self) == Date(timeIntervalSince1970: 1_707_874_215.25))
        #expect(try row.decode("election_day", as: Date.self) == Date(timeIntervalSince1970: 1_707_868_800))
        #expect(try row.decode("election_day", as: PostgresDate.self) == PostgresDate(year: 2024, month: 2, day: 14))
        #expect(try row.decode("id", as: UUID.self) == UUID(uuidString: "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))
        #expect(try row.decode("beats", as: [String?].self) == ["pemilu", "hukum, politik", nil])
        #expect(try row.decode("numbers", as: [Int].self) == [1, 2, 3])
        #expect(try row.decode("social", as: PostgresJSON<Social>.self).value == Social(instagram: "@kpu", followers: 5))
        #expect(try row.decode("nothing", as: String?.self) == nil)
        #expect(try row.decode("raw", as: Data.self) == Data([0x00, 0xff, 0x10]))
    }

    @Test("values bound from Swift come back equal")
    func boundValuesRoundTrip() throws {
        let connection = try TestDatabase.connect()
        let instant = Date(timeIntervalSince1970: 1_718_000_000.123456)
        let day = PostgresDate(year: 2029, month: 12, day: 31)
        let tags = ["media", "nasional", "with \"quotes\"", "back\\slash"]
        let social = PostgresJSON(Social(instagram: "@budi", followers: 10))
        let row = try connection.query("""
            SELECT \(instant)::timestamptz AS instant, \(day)::date AS day, \(tags)::text[] AS tags,
                   \(social)::jsonb AS social, \(Data([1, 2, 254]))::bytea AS raw, \(Decimal(string: "0.1")!)::numeric AS tenth
            """)[0]
        #expect(abs(try row.decode("instant", as: Date.self).timeIntervalSince(instant)) < 0.000_001)
        #expect(try row.decode("day", as: PostgresDate.self) == day)
        #expect(try row.decode("tags", as: [String].self) == tags)
        #expect(try row.decode("social", as: PostgresJSON<Social>.self).value == social.value)
        #expect(try row.decode("raw", as: Data.self) == Data([1, 2, 254]))
        #expect(try row.decode("tenth", as: Decimal.self) == Decimal(string: "0.1"))
    }

    @Test("a type mismatch names the column")
    func mismatchNamesColumn() throws {
        let connection = try TestDatabase.connect()
        let row = try connection.query("SELECT 'Demak'::text AS regency, NULL::int AS missing")[0]
        let mismatch = try #require(throws: PostgresError.self) { try row.decode("regency", as: Int.self) }
        #expect(mismatch.column == "regency")
        #expect(mismatch.message.contains("regency"))
        let null = try #require(throws: PostgresError.self) { try row.decode("missing", as: Int.self) }
        #expect(null.message.contains("missing"))
        let unknown = try #require(throws: PostgresError.self) { try row.decode("nope", as: Int.self) }
        #expect(unknown.message.contains("nope"))
    }
}
