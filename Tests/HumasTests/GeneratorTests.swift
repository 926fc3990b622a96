import Foundation
import Humas
import HumasDevData
import Postgres
import Testing

/// `humas dev generate`: each test generates its own seed, so they run beside each other and
/// beside whatever else the database holds.
@Suite("Generator")
struct GeneratorTests {
    private static func freshSeed() -> UInt64 { UInt64.random(in: 1_000_000_000...UInt64(Int64.max)) }

    private static func generate(_ contacts: Int, seed: UInt64, target: DatabaseTarget = TestEnvironment.target) async throws
        -> NationalDataGenerator.Summary
    {
        try await NationalDataGenerator(contacts: contacts, seed: seed, batchSize: 700).generate(admin: DatabaseAdmin(target: target))
    }

    /// One number from SQL run as the owner (who sees every row).
    private static func count(_ sql: PostgresQuery, on connection: PostgresConnection) throws -> Int {
        try connection.query(sql)[0].decode(0, as: Int.self)
    }

    @Test("counts match what was asked, and the contacts are spread over the units, mostly kabupaten/kota")
    func countsAndSpread() async throws {
        let seed = Self.freshSeed()
        let summary = try await Self.generate(2_000, seed: seed)
        #expect(summary.contacts == 2_000 && !summary.alreadyPresent)
        let db = try TestEnvironment.superuser()
        let pattern = "gen-\(seed)-%"
        #expect(try Self.count("SELECT count(*) FROM humas.contacts WHERE external_ref LIKE \(pattern)", on: db) == 2_000)
        #expect(try Self.count("SELECT count(*) FROM humas.organizations WHERE external_ref LIKE \(pattern)", on: db) == summary.organizations)
        #expect(try Self.count("""
            SELECT count(*) FROM humas.affiliations a JOIN humas.contacts c ON c.id = a.contact_id
            WHERE c.external_ref LIKE \(pattern)
            """, on: db) == summary.affiliations)
        #expect(summary.affiliations > 800)

        // 553 units in all: most provinces and most of the 514 kabupaten/kota hold some.
        let spread = try db.query("""
            SELECT count(DISTINCT c.unit_id) AS units,
                   count(DISTINCT c.unit_id) FILTER (WHERE u.level = 'province') AS provinces,
                   count(*) FILTER (WHERE u.level IN ('regency', 'city')) AS local_contacts,
                   count(*) FILTER (WHERE u.level = 'national') AS national_contacts
            FROM humas.contacts c JOIN humas.units u ON u.id = c.unit_id
            WHERE c.external_ref LIKE \(pattern)
            """)[0]
        #expect(try spread.decode("units", as: Int.self) >= 400)
        #expect(try spread.decode("provinces", as: Int.self) >= 30)  // of 38; ~280 contacts, weighted
        #expect(try spread.decode("local_contacts", as: Int.self) > 1_500)
        #expect(try spread.decode("national_contacts", as: Int.self) > 0)

        // A board of every national party in every province, under the seeded national party.
        #expect(try Self.count("""
            SELECT count(*) FROM humas.organizations b JOIN humas.organizations p ON p.id = b.parent_id
            JOIN humas.units u ON u.id = b.unit_id
            WHERE b.external_ref LIKE \(pattern) AND b.kind = 'political_party'
              AND p.party_scope = 'national' AND p.unit_id = 1 AND u.level = 'province'
            """, on: db) == 38 * 18)
        // Contacts arrive with the organization names the affiliation trigger would compute
        // (sql/0401's humas.contacts_org_names), and many have some.
        #expect(try Self.count("""
            SELECT count(*) FROM humas.contacts c
            JOIN humas.contacts_org_names(ARRAY(SELECT id FROM humas.contacts WHERE external_ref LIKE \(pattern))) x
              ON x.contact_id = c.id
            WHERE c.org_names <> x.org_names
            """, on: db) == 0)
        #expect(try Self.count("SELECT count(*) FROM humas.contacts WHERE external_ref LIKE \(pattern) AND org_names <> ''", on: db) > 800)
        // Valid, normalized details: E.164 Indonesian mobiles, lowercase e-mails on .example.
        #expect(try Self.count("""
            SELECT count(*) FROM humas.contacts c
            WHERE c.external_ref LIKE \(pattern)
              AND (EXISTS (SELECT 1 FROM unnest(c.phones) p WHERE p !~ '^\\+628[0-9]{9,11}$')
                   OR EXISTS (SELECT 1 FROM unnest(c.emails) e WHERE e <> lower(e) OR e !~ '\\.example$'))
            """, on: db) == 0)
    }

    @Test("the same seed gives the same contacts and outlets, with external refs gen-<seed>-<n>, in another database too")
    func deterministic() async throws {
        let seed = Self.freshSeed()
        _ = try await Self.generate(300, seed: seed)
        let columns: PostgresQuery = """
            SELECT c.external_ref, c.full_name, c.honorific, c.category, c.emails::text, c.phones::text, c.unit_id,
                   c.tags::text, c.org_names, (SELECT count(*) FROM humas.affiliations a WHERE a.contact_id = c.id) AS affiliations
            FROM humas.contacts c WHERE c.external_ref LIKE
            """
        func snapshot(_ connection: PostgresConnection) throws -> [String] {
            let pattern = "gen-\(seed)-%"
            var query = columns
            query += " \(pattern) ORDER BY c.id"
            var contacts = try connection.query(query).map { row in
                try (0..<10).map { try row.decode($0, as: String?.self) ?? "∅" }.joined(separator: "|")
            }
            contacts += try connection.query(
                "SELECT external_ref || '|' || name || '|' || unit_id FROM humas.organizations WHERE external_ref LIKE \(pattern) ORDER BY id"
            ).map { try $0.decode(0, as: String.self) }
            return contacts
        }
        let main = try snapshot(try TestEnvironment.superuser())
        #expect(main.count > 300)
        #expect(main.prefix(3).map { $0.prefix { $0 != "|" } } == ["gen-\(seed)-1", "gen-\(seed)-2", "gen-\(seed)-3"])

        try await TestEnvironment.withScratchDatabase { _, conninfo in
            let connection = try PostgresConnection(conninfo: conninfo)
            _ = try Migrator(directory: TestEnvironment.sqlDirectory).migrate(on: connection)
            _ = try Seeder(directory: TestEnvironment.seedDirectory).load(on: connection, includeDemo: false)
            _ = try await Self.generate(300, seed: seed, target: DatabaseTarget(environment: ["DATABASE_URL": conninfo]))
            #expect(try snapshot(connection) == main)
        }
    }

    @Test("generating a seed again does nothing; with another size it is refused, naming the seed")
    func idempotentOrRefused() async throws {
        let seed = Self.freshSeed()
        _ = try await Self.generate(500, seed: seed)
        let again = try await Self.generate(500, seed: seed)
        #expect(again.alreadyPresent && again.contacts == 500)
        let error = try await #require(throws: HumasError.self) { try await Self.generate(600, seed: seed) }
        #expect(error.description.contains("seed \(seed) is already generated with 500 contacts"))
        let db = try TestEnvironment.superuser()
        #expect(try Self.count("SELECT count(*) FROM humas.contacts WHERE external_ref LIKE \("gen-\(seed)-%")", on: db) == 500)
    }

    @Test("runs wait for each other whatever their seeds: each adds search names batch after batch, and two at once deadlocked")
    func oneRunAtATime() async throws {
        // Hold the generator's lock, as a run in progress does, and start a run of another seed.
        let holder = try TestEnvironment.superuser()
        try holder.execute(script: "BEGIN")
        _ = try holder.query("SELECT pg_advisory_xact_lock(hashtext('humas.dev.generate'))")
        let seed = Self.freshSeed()
        let run = Task { try await Self.generate(300, seed: seed) }
        let waitingOnHolder: PostgresQuery = """
            SELECT count(*) FROM pg_locks w
            JOIN pg_locks h ON h.pid = pg_backend_pid() AND h.locktype = 'advisory' AND h.granted
             AND (w.classid, w.objid, w.objsubid) = (h.classid, h.objid, h.objsubid)
            WHERE w.locktype = 'advisory' AND NOT w.granted
            """
        var waiting = false
        for _ in 0..<100 where !waiting {
            waiting = try Self.count(waitingOnHolder, on: holder) > 0
            if !waiting { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(waiting, "the run did not wait for the lock")
        #expect(try Self.count("SELECT count(*) FROM humas.contacts WHERE external_ref LIKE \("gen-\(seed)-%")", on: holder) == 0)
        try holder.execute(script: "COMMIT")
        #expect(try await run.value.contacts == 300)
    }

    @Test("generated contacts are found by search as the national admin, by name, lowercase and with a typo")
    func searchable() async throws {
        let seed = Self.freshSeed()
        _ = try await Self.generate(2_000, seed: seed)
        let db = try TestEnvironment.superuser()
        // Three two-word names without titles, so a typo is easy to make in the second word.
        let picked = try db.query("""
            SELECT id, full_name FROM humas.contacts
            WHERE external_ref LIKE \("gen-\(seed)-%") AND full_name ~ '^[A-Za-z]+ [A-Za-z]{6,}$'
            ORDER BY id LIMIT 3
            """).map { (try $0.decode("id", as: Int64.self), try $0.decode("full_name", as: String.self)) }
        #expect(picked.count == 3)

        let app = try PostgresConnection(conninfo: TestEnvironment.target.appConninfo)
        try app.execute(script: "SET ROLE humas_app")
        for (id, name) in picked {
            let words = name.split(separator: " ").map(String.init)
            // The last two letters swapped: santoso -> santoos, which no name starts with.
            var last = Array(words[1].lowercased())
            last.swapAt(last.count - 2, last.count - 1)
            for query in [name, name.lowercased(), "\(words[0].uppercased()) \(String(last))"] {
                let found = try app.withTransaction { transaction in
                    let admin = try transaction.query("SELECT humas.lookup_user_id('admin@kpu.go.id') AS id")[0].decode("id", as: Int64.self)
                    try transaction.setLocal("humas.user_id", to: String(admin))
                    return try transaction.query("SELECT contact_id FROM humas.search_contacts(\(query), '{}', NULL, NULL, NULL, 1000)")
                        .map { try $0.decode("contact_id", as: Int64.self) }
                }
                #expect(found.contains(id), "\(query) should find \(name)")
            }
        }
    }

    @Test("dev generate refuses a count out of range with one line naming --contacts, exit 1")
    func refusesBadCount() throws {
        let run = try CommandLineRun(["dev", "generate", "--contacts", "0"])
        #expect(run.status == 1)
        #expect(run.stderr == "error: --contacts: must be between 1 and 10000000, got 0\n")
    }
}
