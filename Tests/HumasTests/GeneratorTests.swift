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

    private static func generateInteractions(_ interactions: Int, seed: UInt64) async throws -> InteractionGenerator.Summary {
        try await InteractionGenerator(interactions: interactions, seed: seed, batchSize: 700)
            .generate(admin: DatabaseAdmin(target: TestEnvironment.target))
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

    // MARK: - Interactions

    /// A digest of a seed's activities and everything hung on them, in external-ref order and
    /// naming contacts by their external ref, so it is the same in any database.
    private static func interactionDigest(seed: UInt64, on connection: PostgresConnection) throws -> String {
        try connection.query("""
            SELECT md5(string_agg(concat_ws('|', i.external_ref, i.kind, i.mode, i.strategy, i.status, i.starts_at, i.ends_at, i.unit_id,
                       i.title, i.audience_count,
                       (SELECT string_agg(concat_ws(':', c.external_ref, p.role, p.attended), ',' ORDER BY c.external_ref)
                        FROM humas.interaction_participants p JOIN humas.contacts c ON c.id = p.contact_id WHERE p.interaction_id = i.id),
                       (SELECT string_agg(o.unit_id::text, ',' ORDER BY o.unit_id) FROM humas.interaction_coorganizers o WHERE o.interaction_id = i.id),
                       (SELECT string_agg(concat_ws(':', f.action, f.due_on, f.done_on), ',' ORDER BY f.id) FROM humas.followups f WHERE f.interaction_id = i.id)),
                   E'\n' ORDER BY i.external_ref))
            FROM humas.interactions i WHERE i.external_ref LIKE \("gen-\(seed)-%")
            """)[0].decode(0, as: String.self)
    }

    @Test("the same seed gives the same activities, participants, co-organizers and follow-ups; again it does nothing, another count is refused")
    func interactionsDeterministicAndIdempotent() async throws {
        let seed = Self.freshSeed()
        _ = try await Self.generate(1_500, seed: seed)
        let first = try await Self.generateInteractions(2_000, seed: seed)
        #expect(first.interactions == 2_000 && !first.alreadyPresent)
        let db = try TestEnvironment.superuser()
        let digest = try Self.interactionDigest(seed: seed, on: db)

        let again = try await Self.generateInteractions(2_000, seed: seed)
        #expect(again.alreadyPresent)
        #expect(again.participants == first.participants && again.coorganized == first.coorganized && again.followups == first.followups)
        let error = try await #require(throws: HumasError.self) { try await Self.generateInteractions(2_001, seed: seed) }
        #expect(error.description.contains("seed \(seed) is already generated with 2000 interactions"))
        #expect(try Self.interactionDigest(seed: seed, on: db) == digest)

        // Made anew (the participants, co-organizers and follow-ups go with their activities).
        _ = try db.execute("DELETE FROM humas.interactions WHERE external_ref LIKE \("gen-\(seed)-%")")
        let remade = try await Self.generateInteractions(2_000, seed: seed)
        #expect(!remade.alreadyPresent && remade.participants == first.participants)
        #expect(try Self.interactionDigest(seed: seed, on: db) == digest)
    }

    @Test("generated activities are plausible: every unit, four quarters, office hours, readable participants, co-organizers")
    func interactionsPlausible() async throws {
        let seed = Self.freshSeed()
        _ = try await Self.generate(1_500, seed: seed)
        let summary = try await Self.generateInteractions(2_000, seed: seed)
        let db = try TestEnvironment.superuser()
        let pattern = "gen-\(seed)-%"
        let shape = try db.query("""
            SELECT count(DISTINCT i.unit_id) AS units,
                   count(DISTINCT extract(quarter FROM i.starts_local)) AS quarters,
                   count(DISTINCT extract(year FROM i.starts_local)) FILTER (WHERE i.starts_local < '2027-01-01') AS years,
                   count(*) FILTER (WHERE i.starts_local <> i.starts_at AT TIME ZONE u.time_zone) AS wrong_local,
                   count(*) FILTER (WHERE extract(hour FROM i.starts_local) NOT BETWEEN 8 AND 15
                                       OR extract(isodow FROM i.starts_local) = 7
                                       OR i.ends_at NOT BETWEEN i.starts_at + interval '1 hour' AND i.starts_at + interval '4 hours') AS odd_hours,
                   count(*) FILTER (WHERE u.time_zone <> 'Asia/Jakarta') AS outside_wib,
                   count(*) FILTER (WHERE i.status = 'done' AND i.starts_local >= '2026-12-01'
                                       OR i.status = 'planned' AND i.starts_local < '2026-12-01') AS wrong_status,
                   count(*) FILTER (WHERE i.status = 'cancelled') AS cancelled,
                   count(*) FILTER (WHERE i.audience_count > 0 AND i.kind NOT IN ('socialization', 'talkshow')) AS odd_audience,
                   count(DISTINCT i.kind) AS kinds, count(DISTINCT i.mode) AS modes, count(DISTINCT i.strategy) AS strategies,
                   count(*) FILTER (WHERE u.level IN ('regency', 'city')) AS local
            FROM humas.interactions i JOIN humas.units u ON u.id = i.unit_id
            WHERE i.external_ref LIKE \(pattern)
            """)[0]
        #expect(try shape.decode("units", as: Int.self) == 553)
        #expect(try shape.decode("quarters", as: Int.self) == 4)
        #expect(try shape.decode("years", as: Int.self) == 5)
        #expect(try shape.decode("wrong_local", as: Int.self) == 0)
        #expect(try shape.decode("odd_hours", as: Int.self) == 0)
        #expect(try shape.decode("outside_wib", as: Int.self) > 0)
        #expect(try shape.decode("wrong_status", as: Int.self) == 0)
        #expect(try shape.decode("cancelled", as: Int.self) > 0)
        #expect(try shape.decode("odd_audience", as: Int.self) == 0)
        #expect(try shape.decode("kinds", as: Int.self) == 14 && shape.decode("modes", as: Int.self) == 3)
        #expect(try shape.decode("strategies", as: Int.self) == 8)
        #expect(try shape.decode("local", as: Int.self) > 1_400)

        // Participants: the seed's contacts that the owning unit may read (its own or an
        // ancestor's), carrying the activity's unit and start and the contact's current organization.
        let participants = try db.query("""
            SELECT count(*) AS n,
                   count(*) FILTER (WHERE NOT i.unit_id BETWEEN cu.id AND cu.subtree_end) AS unreadable,
                   count(*) FILTER (WHERE p.unit_id <> i.unit_id OR p.starts_at <> i.starts_at) AS detached,
                   count(*) FILTER (WHERE c.external_ref NOT LIKE \(pattern)) AS foreign,
                   count(*) FILTER (WHERE p.via_organization_id IS DISTINCT FROM (SELECT min(a.organization_id) FROM humas.affiliations a
                                                                                   WHERE a.contact_id = c.id AND a.ended_on IS NULL)) AS wrong_via,
                   count(*) FILTER (WHERE (i.status = 'done') <> (p.attended IS NOT NULL) OR NOT p.invited) AS wrong_attendance,
                   count(*) FILTER (WHERE cu.id <> i.unit_id) AS from_ancestors
            FROM humas.interaction_participants p
            JOIN humas.interactions i ON i.id = p.interaction_id
            JOIN humas.contacts c ON c.id = p.contact_id JOIN humas.units cu ON cu.id = c.unit_id
            WHERE i.external_ref LIKE \(pattern)
            """)[0]
        #expect(try participants.decode("n", as: Int.self) == summary.participants)
        #expect(summary.participants > 4_000)
        for column in ["unreadable", "detached", "foreign", "wrong_via", "wrong_attendance"] {
            #expect(try participants.decode(column, as: Int.self) == 0, "\(column)")
        }
        #expect(try participants.decode("from_ancestors", as: Int.self) > 0)

        // Co-organizers: a province with its kabupaten/kota or a kabupaten with its province,
        // owner_unit_id the activity's unit, common_unit_id the province (from the trigger).
        let coorganizers = try db.query("""
            SELECT count(DISTINCT o.interaction_id) AS coorganized,
                   count(*) FILTER (WHERE o.owner_unit_id <> i.unit_id) AS wrong_owner,
                   count(*) FILTER (WHERE o.common_unit_id <> CASE WHEN ou.level = 'province' THEN ou.id ELSE ou.parent_id END
                                       OR (ou.level = 'province') = (cu.level = 'province')) AS wrong_pair
            FROM humas.interaction_coorganizers o
            JOIN humas.interactions i ON i.id = o.interaction_id
            JOIN humas.units ou ON ou.id = o.owner_unit_id JOIN humas.units cu ON cu.id = o.unit_id
            WHERE i.external_ref LIKE \(pattern)
            """)[0]
        #expect(try coorganizers.decode("coorganized", as: Int.self) == summary.coorganized)
        #expect((40...140).contains(summary.coorganized))
        #expect(try coorganizers.decode("wrong_owner", as: Int.self) == 0 && coorganizers.decode("wrong_pair", as: Int.self) == 0)

        #expect(try Self.count("""
            SELECT count(*) FROM humas.followups f JOIN humas.interactions i ON i.id = f.interaction_id
            WHERE i.external_ref LIKE \(pattern) AND f.unit_id = i.unit_id AND f.due_on > i.starts_local::date
            """, on: db) == summary.followups)
        #expect(summary.followups > 20)
    }

    @Test("activities need the seed's contacts first; the command line says so and refuses a bad count or no count, naming the flags")
    func interactionsRefused() async throws {
        let seed = Self.freshSeed()
        let error = try await #require(throws: HumasError.self) { try await Self.generateInteractions(10, seed: seed) }
        #expect(error.description.contains("seed \(seed) has no generated contacts"))
        let zero = try CommandLineRun(["dev", "generate", "--interactions", "0"])
        #expect(zero.status == 1)
        #expect(zero.stderr == "error: --interactions: must be between 1 and 10000000, got 0\n")
        let neither = try CommandLineRun(["dev", "generate", "--seed", "3"])
        #expect(neither.status == 2)
        #expect(neither.stderr.contains("give --contacts N, --interactions N or both"))
    }

    @Test("the --json report keeps the contacts' fields at the top level, adds interactions, and reads back either alone")
    func reportReadsBack() throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let contacts = #"{"seed": 7, "contacts": 10, "organizations": 3, "affiliations": 4, "already_present": false, "seconds": 1.5"#
        let interactions = #""interactions": {"seed": 7, "interactions": 20, "participants": 50, "coorganized": 1, "followups": 2, "already_present": true, "seconds": 0.5}"#
        let both = try decoder.decode(GenerationReport.self, from: Data((contacts + ", " + interactions + "}").utf8))
        #expect(both.contacts?.affiliations == 4 && both.interactions?.participants == 50 && both.interactions?.alreadyPresent == true)
        // What make bench wrote before activities were generated.
        let old = try decoder.decode(GenerationReport.self, from: Data((contacts + "}").utf8))
        #expect(old.contacts?.contacts == 10 && old.interactions == nil)
        let alone = try decoder.decode(GenerationReport.self, from: Data(("{" + interactions + "}").utf8))
        #expect(alone.contacts == nil && alone.interactions?.interactions == 20)

        // As the command line writes it (snake_case keys), and back.
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let text = String(decoding: try encoder.encode(both), as: UTF8.self)
        #expect(text.contains(#""organizations":3"#) && text.contains(#""interactions":{"#) && text.contains(#""already_present":true"#))
        let again = try decoder.decode(GenerationReport.self, from: Data(text.utf8))
        #expect(again.contacts?.organizations == 3 && again.interactions?.followups == 2)
    }
}
