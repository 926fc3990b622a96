import Foundation
import Humas
import Postgres
import Testing

extension InteractionSuites {
    /// Who reads whose activities, proven with raw SQL as the application role (row-level security
    /// alone decides) and through the service: only within the owner's subtree, plus co-organizers;
    /// never an ancestor's, a sibling's or a cousin's.
    @Suite("Interactions: access matrix", .serialized)
    struct InteractionAccessTests {
        typealias F = ScopeFixture

        /// Each unit's editor logs one activity with its own contact and a follow-up.
        struct World: Sendable {
            var fixture: ScopeFixture
            var interactions: [String: Int64] = [:]
        }

        static let world = Task<World, any Error> {
            let fixture = try await ScopeFixture.make()
            var world = World(fixture: fixture)
            for unit in F.units {
                let editor = fixture.editors[unit]!.email
                world.interactions[unit] = try await withFixtureSession(editor) { session in
                    var new = InteractionTest.pressConference(InteractionTest.title("Kegiatan \(unit)"))
                    new.participants = ParticipantSelection(contacts: [fixture.contacts[unit]!])
                    let logged = try await session.interactions.log(new)
                    _ = try await session.followups.add(NewFollowup(interactionID: logged.id, action: "Tindak lanjut \(unit)", assignee: editor))
                    return logged.id
                }
            }
            return world
        }

        /// reader unit → the units whose activities it reads: its own subtree only.
        static let reads: [String: Set<String>] = [
            F.national: Set(F.units),
            F.province: [F.province, F.semarang, F.demak],
            F.semarang: [F.semarang],
            F.demak: [F.demak],
            F.sidoarjo: [F.sidoarjo],
        ]

        @Test("raw SQL as humas_app: interactions, participants and follow-ups of the reader's subtree only", arguments: F.units)
        func rawSQL(reader: String) async throws {
            let world = try await Self.world.value
            let userID = world.fixture.editors[reader]!.id
            for unit in F.units {
                let id = world.interactions[unit]!
                let expected = Self.reads[reader]!.contains(unit) ? 1 : 0
                let seen = try UserFixtures.countAsApplication(userID: userID, "SELECT count(*) FROM humas.interactions WHERE id = \(id)")
                let participants = try UserFixtures.countAsApplication(userID: userID, "SELECT count(*) FROM humas.interaction_participants WHERE interaction_id = \(id)")
                let followups = try UserFixtures.countAsApplication(userID: userID, "SELECT count(*) FROM humas.followups WHERE interaction_id = \(id)")
                let counts: [Int] = [seen, participants, followups]
                #expect(counts == [expected, expected, expected], "\(reader) reading \(unit)'s activity")
            }
        }

        @Test("raw SQL as humas_app: an editor changes only its own subtree's activities, even knowing an ancestor's id", arguments: F.units)
        func rawSQLWrites(writer: String) async throws {
            let world = try await Self.world.value
            let connection = try TestEnvironment.superuser()
            for unit in F.units {
                let changed = try connection.withTransaction { transaction in
                    try transaction.execute(script: "SET LOCAL ROLE humas_app")
                    try transaction.setLocal("humas.user_id", to: String(world.fixture.editors[writer]!.id))
                    return try transaction.execute("UPDATE humas.interactions SET summary = 'diubah' WHERE id = \(world.interactions[unit]!)")
                }
                let writes = Self.reads[writer]!.contains(unit)
                #expect(changed == (writes ? 1 : 0), "\(writer) changing \(unit)'s activity")
                if writes { try connection.execute("UPDATE humas.interactions SET summary = NULL WHERE id = \(world.interactions[unit]!)") }
            }
        }

        @Test("raw SQL as humas_app: a participant the writer cannot see is refused by the database itself")
        func rawSQLParticipantCheck() async throws {
            let world = try await Self.world.value
            let connection = try TestEnvironment.superuser()
            let error = #expect(throws: PostgresError.self) {
                try connection.withTransaction { transaction in
                    try transaction.execute(script: "SET LOCAL ROLE humas_app")
                    try transaction.setLocal("humas.user_id", to: String(world.fixture.editors[F.semarang]!.id))
                    try transaction.execute("""
                        INSERT INTO humas.interaction_participants (interaction_id, unit_id, starts_at, contact_id)
                        SELECT i.id, i.unit_id, i.starts_at, \(world.fixture.contacts[F.demak]!) FROM humas.interactions i
                        WHERE i.id = \(world.interactions[F.semarang]!)
                        """)
                }
            }
            #expect(error?.sqlState == "42501", "new row violates row-level security policy")
        }

        @Test("the service lists each reader's own subtree's activities", arguments: F.units)
        func serviceList(reader: String) async throws {
            let world = try await Self.world.value
            let ours = Set(world.interactions.values)
            let listed = try await withFixtureSession(world.fixture.editors[reader]!.email) { session in
                try await Self.allPages(session, Self.fixtureDay)
            }
            let expected = Set(Self.reads[reader]!.map { world.interactions[$0]! })
            #expect(Set(listed.map(\.id)).intersection(ours) == expected)
        }

        @Test("co-organized: each co-organizer sees it and counts it once; the common parent counts it once, not three times")
        func coorganizedCounting() async throws {
            let fixture = try await ScopeFixture.make()
            let title = InteractionTest.title("Rakor bersama")
            var joint = InteractionTest.pressConference(title)
            joint.kind = "coordination_meeting"
            joint.strategy = "pertemuan"
            joint.coorganizers = [F.semarang, F.demak]
            let byProvince = try await withFixtureSession(fixture.editors[F.province]!.email) { try await $0.interactions.log(joint) }
            // Two siblings together: Semarang owns, Demak co-organizes.
            var siblings = InteractionTest.pressConference(title)
            siblings.coorganizers = [F.demak]
            let bySemarang = try await withFixtureSession(fixture.editors[F.semarang]!.email) { try await $0.interactions.log(siblings) }

            let expected: [String: [Int64]] = [
                F.national: [byProvince.id, bySemarang.id], F.province: [byProvince.id, bySemarang.id],
                F.semarang: [byProvince.id, bySemarang.id], F.demak: [byProvince.id, bySemarang.id], F.sidoarjo: [],
            ]
            for (reader, ids) in expected {
                let listed = try await withFixtureSession(fixture.editors[reader]!.email) { session in
                    try await Self.allPages(session, Self.fixtureDay).filter { $0.title == title }
                }
                #expect(listed.map(\.id).sorted() == ids.sorted(), "\(reader) lists each once")
                #expect(try UserFixtures.countAsApplication(userID: fixture.editors[reader]!.id,
                    "SELECT count(*) FROM humas.interactions WHERE title = \(title)") == ids.count)
            }
            // Narrowed to one unit's subtree: the national user under Demak sees both (Demak co-organized both).
            var underDemak = Self.fixtureDay
            underDemak.under = F.demak
            let narrowed = try await withFixtureSession(fixture.editors[F.national]!.email) { session in
                try await Self.allPages(session, underDemak).filter { $0.title == title }
            }
            #expect(narrowed.map(\.id).sorted() == [byProvince.id, bySemarang.id].sorted())
        }

        /// The day every fixture activity happens (`InteractionTest.pressConference`): a national
        /// list of it stays short even on a database holding generated years of activity.
        static var fixtureDay: InteractionFilter {
            var filter = InteractionFilter()
            filter.from = PostgresDate(year: 2025, month: 10, day: 14)
            filter.to = filter.from
            return filter
        }

        static func allPages(_ session: Session, _ filter: InteractionFilter) async throws -> [Interaction] {
            var all: [Interaction] = []
            var cursor: String?
            repeat {
                let page = try await session.interactions.list(filter, limit: 500, cursor: cursor)
                all += page.interactions
                cursor = page.nextCursor
            } while cursor != nil
            return all
        }
    }
}
