import Foundation
import Humas
import Postgres
import Testing

/// The search runs outside row-level security (a SECURITY DEFINER function), so what it reads
/// must be filtered by the caller's scope before it shapes a result. Kota Semarang holds the
/// hidden data; Kabupaten Demak (a sibling) and Kota Surabaya (a cousin) attack it.
@Suite("Search side channels", .serialized)
struct SearchSideChannelTests {
    @Test("a contact is not found by the words of an organization the caller cannot read")
    func hiddenOrganizationWords() async throws {
        let world = try await SideChannelWorld.make()
        // A provincial journalist (readable by every Jawa Tengah office) working for an outlet
        // of Kota Semarang (readable by Semarang and the province, not by Demak).
        let outlet = try world.owner.insertOrganization("Radio \(world.word("kenanga").capitalized) Semarang", unit: ScopeFixture.semarang)
        let journalist = try world.owner.insertContact("Sutrisno \(world.word("harsono").capitalized)", unit: ScopeFixture.province)
        try world.owner.affiliate(journalist, with: outlet, unit: ScopeFixture.province)
        let outletWord = world.word("kenanga"), surname = world.word("harsono")

        for attacker in [world.demak, world.surabaya] {
            try await withFixtureSession(attacker) { (session: Session) async throws in
                for query in [outletWord, String(outletWord.prefix(7)), "sutrisno \(outletWord)", "\(surname) radio \(outletWord)"] {
                    #expect(try await session.contacts.search(query).contents.isEmpty, "\(query)")
                }
            }
        }
        // Demak still finds the journalist by name, and the hidden outlet is nowhere in the row.
        try await withFixtureSession(world.demak) { (session: Session) async throws in
            let page = try await session.contacts.search("sutrisno \(surname)")
            #expect(page.contents == [journalist])
            #expect(page.contacts.first?.currentOrganization == nil)
        }
        // Those who can read the outlet find the journalist through it, also with name and outlet words mixed.
        for reader in [world.semarang, world.province] {
            try await withFixtureSession(reader) { (session: Session) async throws in
                #expect(try await session.contacts.search(outletWord).contents == [journalist], "\(reader)")
                #expect(try await session.contacts.search("sutrisno \(outletWord)").contents == [journalist], "\(reader)")
            }
        }
    }

    @Test("an organization on the contact's own line still finds it for everyone who reads the contact")
    func lineOrganizationWords() async throws {
        let world = try await SideChannelWorld.make()
        let outlet = try world.owner.insertOrganization("Harian \(world.word("cempaka").capitalized) Jateng", unit: ScopeFixture.province)
        let journalist = try world.owner.insertContact("Wulan \(world.word("pratiwi").capitalized)", unit: ScopeFixture.semarang)
        try world.owner.affiliate(journalist, with: outlet, unit: ScopeFixture.semarang)
        for reader in [world.semarang, world.province, world.national] {
            try await withFixtureSession(reader) { (session: Session) async throws in
                #expect(try await session.contacts.search(world.word("cempaka")).contents == [journalist], "\(reader)")
            }
        }
        // Moving the outlet to Kota Surabaya takes it off the line: the province no longer reads it.
        try world.owner.execute("UPDATE humas.organizations SET unit_id = (SELECT id FROM humas.units WHERE code = 'ID-JI-KOTA-SURABAYA') WHERE id = \(outlet)")
        try await withFixtureSession(world.province) { (session: Session) async throws in
            #expect(try await session.contacts.search(world.word("cempaka")).contents.isEmpty)
        }
        try await withFixtureSession(world.national) { (session: Session) async throws in
            #expect(try await session.contacts.search(world.word("cempaka")).contents == [journalist])
        }
    }

    @Test("typo corrections are the same with and without a hidden record holding the word")
    func correctionsIgnoreHiddenWords() async throws {
        let world = try await SideChannelWorld.make()
        // Random letters only: no word of another record, nor of another run, is like it.
        let stem = world.suffix
        // Demak's own contact: 'stem + o'. Typed 'stem + a', it is a typo of that one...
        let own = try world.owner.insertContact("Budi \((stem + "o").capitalized)", unit: ScopeFixture.demak)
        let before = try world.correctedQuery(stem + "a", as: world.demakID)
        try await withFixtureSession(world.demak) { (session: Session) async throws in
            let found = try await session.contacts.search(stem + "a")
            let corrected = try world.correctedQuery(stem + "a", as: world.demakID)
            #expect(found.contents == [own], "\(found.contacts.map(\.fullName)) for \(corrected)")
        }
        // ... and stays one when Kota Semarang adds a contact whose name starts with 'stem + a'.
        _ = try world.owner.insertContact("Siti \((stem + "an").capitalized)", unit: ScopeFixture.semarang)
        #expect(try world.correctedQuery(stem + "a", as: world.demakID) == before)
        // Kota Surabaya reads neither word: nothing to correct to.
        #expect(try world.correctedQuery(stem + "a", as: world.surabayaID) == "'\(stem)a':*")
        try await withFixtureSession(world.demak) { (session: Session) async throws in
            let found = try await session.contacts.search(stem + "a")
            let corrected = try world.correctedQuery(stem + "a", as: world.demakID)
            #expect(found.contents == [own], "\(found.contacts.map(\.fullName)) for \(corrected)")
        }
        // Semarang reads its own word: 'stem + a' is a prefix there, not a typo.
        #expect(try world.correctedQuery(stem + "a", as: world.semarangID) == "'\(stem)a':*")
    }

    @Test("a deleted, renamed or moved record's words stop correcting typos where it can no longer be read")
    func wordsFollowTheRecord() async throws {
        let world = try await SideChannelWorld.make()
        let stem = world.word("sasongko")
        let contact = try world.owner.insertContact("Agus \((stem + "o").capitalized)", unit: ScopeFixture.demak)
        #expect(try world.correctedQuery(stem + "a", as: world.demakID).contains("'\(stem)o'"))
        try world.owner.execute("UPDATE humas.contacts SET unit_id = (SELECT id FROM humas.units WHERE code = 'ID-JT-KOTA-SEMARANG') WHERE id = \(contact)")
        #expect(try !world.correctedQuery(stem + "a", as: world.demakID).contains("'\(stem)o'"))
        #expect(try world.correctedQuery(stem + "a", as: world.semarangID).contains("'\(stem)o'"))
        try world.owner.execute("UPDATE humas.contacts SET full_name = 'Agus Lain' WHERE id = \(contact)")
        #expect(try !world.correctedQuery(stem + "a", as: world.semarangID).contains("'\(stem)o'"))
        try world.owner.execute("UPDATE humas.contacts SET full_name = \("Agus \(stem)o"), deleted_at = now() WHERE id = \(contact)")
        #expect(try !world.correctedQuery(stem + "a", as: world.semarangID).contains("'\(stem)o'"))

        let outlet = try world.owner.insertOrganization("Radio \((stem + "i").capitalized)", unit: ScopeFixture.demak)
        #expect(try world.correctedQuery(stem + "a", as: world.demakID).contains("'\(stem)i'"))
        try world.owner.execute("UPDATE humas.organizations SET deleted_at = now() WHERE id = \(outlet)")
        #expect(try !world.correctedQuery(stem + "a", as: world.demakID).contains("'\(stem)i'"))
    }

    @Test("a broad organization word pages through all its contacts in name order; a narrower pair of words finds the few")
    func broadOrganizationWord() async throws {
        let world = try await SideChannelWorld.make()
        // 4,000 Demak journalists of one outlet: past the point where the search walks names
        // instead of starting from the outlet's affiliations. Five of them also work for a
        // second outlet, and sort last, so the walk gives up before reaching them.
        // Random letters: no other word, of this run or another, is like them.
        let broad = String(world.suffix.reversed()), narrow = world.suffix + world.suffix
        let wide = try world.owner.insertOrganization("Radio \(broad.capitalized)", unit: ScopeFixture.province)
        let small = try world.owner.insertOrganization("Harian \(narrow.capitalized)", unit: ScopeFixture.province)
        let ids: [Int64] = try world.owner.query("""
            WITH c AS (
                INSERT INTO humas.contacts (full_name, category, unit_id)
                SELECT CASE WHEN i <= 5 THEN 'Zulkifli ' ELSE 'Warga ' END || \(world.suffix) || chr(97 + i % 26) || chr(97 + i / 26 % 26),
                       'journalist', u.id
                FROM humas.units u, generate_series(1, 4000) AS i WHERE u.code = \(ScopeFixture.demak)
                RETURNING id, full_name),
            a AS (
                INSERT INTO humas.affiliations (contact_id, organization_id, unit_id)
                SELECT c.id, o.id, (SELECT id FROM humas.units WHERE code = \(ScopeFixture.demak))
                FROM c JOIN (VALUES (\(wide)::bigint, false), (\(small)::bigint, true)) AS o (id, only_zulkifli)
                     ON NOT o.only_zulkifli OR c.full_name LIKE 'Zulkifli %'
                RETURNING contact_id)
            SELECT c.id FROM c WHERE c.id IN (SELECT contact_id FROM a)
            """).map { try $0.decode("id") }
        let expected: [Int64] = try world.owner.query("""
            SELECT id FROM humas.contacts WHERE id = ANY (\(ids)::bigint[]) ORDER BY search_name, id
            """).map { try $0.decode("id") }
        try await withFixtureSession(world.demak) { (session: Session) async throws in
            var seen: [Int64] = []
            var cursor: String?
            repeat {
                let page = try await session.contacts.search(broad, limit: 500, cursor: cursor)
                seen += page.contents
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen == expected)
            let both = try await session.contacts.search("\(broad) \(narrow)")
            #expect(both.contents == Array(expected.suffix(5)))
            #expect(both.contacts.allSatisfy { $0.fullName.hasPrefix("Zulkifli") })
        }
        // Kota Surabaya reads neither outlet nor the journalists.
        try await withFixtureSession(world.surabaya) { (session: Session) async throws in
            #expect(try await session.contacts.search(broad).contents.isEmpty)
        }
    }

    @Test("the application role cannot read the search's word and organization tables")
    func tablesAreOwnerOnly() async throws {
        let world = try await SideChannelWorld.make()
        let app = try TestEnvironment.superuser()
        try app.execute(script: "SET ROLE humas_app")
        try app.execute(script: "BEGIN")
        _ = try app.query("SELECT set_config('humas.user_id', \(String(world.nationalID)), true)")
        for table in ["search_word_units", "search_outside_orgs", "search_words", "search_names"] {
            try app.execute(script: "SAVEPOINT probe")
            let error = #expect(throws: PostgresError.self) { try app.query("SELECT count(*) FROM humas.\(unsafeSQL: table)") }
            #expect(error?.sqlState == "42501", "\(table)")
            try app.execute(script: "ROLLBACK TO SAVEPOINT probe")
        }
        try app.execute(script: "ROLLBACK")
    }
}

/// Users of the five offices the attacks involve, and an owner connection to plant records with.
struct SideChannelWorld: Sendable {
    let suffix: String
    let owner: PostgresConnection
    let semarang: String, demak: String, surabaya: String, province: String, national: String
    let semarangID: Int64, demakID: Int64, surabayaID: Int64, nationalID: Int64

    static func make() async throws -> SideChannelWorld {
        try await ReferenceData.ensure()
        // Letters only: a search word is letters and digits, and a digit would make it a word of its own.
        let suffix = String((0..<8).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! })
        let owner = try TestEnvironment.superuser()
        try owner.execute(script: "SET ROLE humas_owner")
        var users: [String: (String, Int64)] = [:]
        for (key, code) in [("semarang", ScopeFixture.semarang), ("demak", ScopeFixture.demak), ("surabaya", "ID-JI-KOTA-SURABAYA"),
                            ("province", ScopeFixture.province), ("national", ScopeFixture.national)] {
            let email = "sidechannel.\(key).\(suffix)@humas.example"
            let id: Int64 = try owner.query("""
                INSERT INTO humas.users (email, full_name, unit_id, role)
                SELECT \(email), 'Penguji', u.id, 'editor' FROM humas.units u WHERE u.code = \(code) RETURNING id
                """)[0].decode("id")
            users[key] = (email, id)
        }
        return SideChannelWorld(
            suffix: suffix, owner: owner,
            semarang: users["semarang"]!.0, demak: users["demak"]!.0, surabaya: users["surabaya"]!.0,
            province: users["province"]!.0, national: users["national"]!.0,
            semarangID: users["semarang"]!.1, demakID: users["demak"]!.1, surabayaID: users["surabaya"]!.1,
            nationalID: users["national"]!.1)
    }

    /// A word of 12 letters that stands for `base` in this run: the same for the same base, and
    /// like no other word (another base's, another run's, a real name's), so that no typo
    /// correction can reach it from them.
    func word(_ base: String) -> String {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a of base and suffix, then an LCG
        for byte in (base + suffix).utf8 { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String((0..<12).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Character(UnicodeScalar(UInt8(97 + (state >> 33) % 26)))
        })
    }

    /// The tsquery the search builds for `text` as the user: which corrections it made.
    func correctedQuery(_ text: String, as userID: Int64) throws -> String {
        try owner.execute(script: "BEGIN")
        defer { _ = try? owner.execute(script: "COMMIT") }
        _ = try owner.query("SELECT set_config('humas.user_id', \(String(userID)), true)")
        return try owner.query("SELECT coalesce(humas.contact_search_query(\(text))::text, '') AS q")[0].decode("q")
    }
}

extension PostgresConnection {
    func insertContact(_ name: String, unit code: String) throws -> Int64 {
        try query("""
            INSERT INTO humas.contacts (full_name, category, unit_id)
            SELECT \(name), 'journalist', u.id FROM humas.units u WHERE u.code = \(code) RETURNING id
            """)[0].decode("id")
    }

    func insertOrganization(_ name: String, unit code: String) throws -> Int64 {
        try query("""
            INSERT INTO humas.organizations (name, kind, media_type, unit_id)
            SELECT \(name), 'media_outlet', 'radio', u.id FROM humas.units u WHERE u.code = \(code) RETURNING id
            """)[0].decode("id")
    }

    func affiliate(_ contact: Int64, with organization: Int64, unit code: String) throws {
        try execute("""
            INSERT INTO humas.affiliations (contact_id, organization_id, title, unit_id)
            SELECT \(contact), \(organization), 'Wartawan', u.id FROM humas.units u WHERE u.code = \(code)
            """)
    }
}
