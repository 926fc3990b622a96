import Foundation
import Humas
import Postgres
import Testing

extension MailingSuites {
    /// Who reads whose mailings and deliveries (the activities' rule: the owner's subtree only),
    /// and whose campaigns (master data: they flow down), with raw SQL as the application role
    /// and through the service.
    @Suite("Mailings: access matrix", .serialized)
    struct MailingAccessTests {
        typealias F = ScopeFixture

        struct World: Sendable {
            var fixture: ScopeFixture
            var mailings: [String: Int64] = [:]
            var campaigns: [String: Int64] = [:]
        }

        /// Each unit's editor sends one mailing (with an attachment) to a list of its own contact,
        /// and creates a campaign.
        static let world = Task<World, any Error> {
            let fixture = try await ScopeFixture.make()
            var world = World(fixture: fixture)
            let owner = try TestEnvironment.superuser()
            try owner.execute(script: "SET ROLE humas_owner")
            for unit in F.units {
                let list = "Daftar \(unit) \(fixture.suffix)"
                try owner.execute("""
                    WITH l AS (INSERT INTO humas.lists (name, unit_id) SELECT \(list), u.id FROM humas.units u WHERE u.code = \(unit) RETURNING id)
                    INSERT INTO humas.list_members (list_id, contact_id) SELECT l.id, \(fixture.contacts[unit]!)::bigint FROM l
                    """)
                try await withFixtureSession(fixture.editors[unit]!.email) { session in
                    world.campaigns[unit] = try await session.campaigns.create(NewCampaign(name: "Kampanye \(unit) \(fixture.suffix)")).id
                    var new = NewMailing(name: "Rilis \(unit)", fromAddress: "humas@kpu.go.id", subject: "Rilis", text: "Isi")
                    new.list = list
                    new.attachments = [AttachmentInput(filename: "rilis.pdf", contentType: nil, bytes: Array("%PDF-1.4 rilis".utf8))]
                    let mailing = try await session.mailings.create(new)
                    world.mailings[unit] = try await session.mailings.send(mailing.id).id
                }
            }
            return world
        }

        /// reader unit → the units whose mailings it reads: its own subtree.
        static let reads: [String: Set<String>] = [
            F.national: Set(F.units),
            F.province: [F.province, F.semarang, F.demak],
            F.semarang: [F.semarang],
            F.demak: [F.demak],
            F.sidoarjo: [F.sidoarjo],
        ]

        /// reader unit → whose campaigns it sees: its subtree's and its ancestors'.
        static let campaignReads: [String: Set<String>] = [
            F.national: Set(F.units),
            F.province: [F.national, F.province, F.semarang, F.demak],
            F.semarang: [F.national, F.province, F.semarang],
            F.demak: [F.national, F.province, F.demak],
            F.sidoarjo: [F.national, F.sidoarjo],
        ]

        @Test("raw SQL as humas_app: mailings, attachments and deliveries of the reader's subtree only; campaigns flow down", arguments: F.units)
        func rawSQL(reader: String) async throws {
            let world = try await Self.world.value
            let userID = world.fixture.editors[reader]!.id
            for unit in F.units {
                let id = world.mailings[unit]!
                let expected = Self.reads[reader]!.contains(unit) ? 1 : 0
                let counts: [Int] = [
                    try UserFixtures.countAsApplication(userID: userID, "SELECT count(*) FROM humas.mailings WHERE id = \(id)"),
                    try UserFixtures.countAsApplication(userID: userID, "SELECT count(*) FROM humas.mailing_attachments WHERE mailing_id = \(id)"),
                    try UserFixtures.countAsApplication(userID: userID, "SELECT count(*) FROM humas.deliveries WHERE mailing_id = \(id)"),
                ]
                #expect(counts == [expected, expected, expected], "\(reader) reading \(unit)'s mailing")
                let campaign = try UserFixtures.countAsApplication(userID: userID, "SELECT count(*) FROM humas.campaigns WHERE id = \(world.campaigns[unit]!)")
                #expect(campaign == (Self.campaignReads[reader]!.contains(unit) ? 1 : 0), "\(reader) reading \(unit)'s campaign")
            }
            let suppressions = #expect(throws: PostgresError.self, "the suppression list is read only through its function") {
                try UserFixtures.countAsApplication(userID: userID, "SELECT count(*) FROM humas.suppressions")
            }
            #expect(suppressions?.sqlState == "42501")
        }

        @Test("raw SQL as humas_app: an editor changes deliveries only in its own subtree, even knowing the ids", arguments: F.units)
        func rawSQLWrites(writer: String) async throws {
            let world = try await Self.world.value
            let connection = try TestEnvironment.superuser()
            for unit in F.units {
                let changed = try connection.withTransaction { transaction in
                    try transaction.execute(script: "SET LOCAL ROLE humas_app")
                    try transaction.setLocal("humas.user_id", to: String(world.fixture.editors[writer]!.id))
                    return try transaction.execute("UPDATE humas.deliveries SET last_reply = 'diubah' WHERE mailing_id = \(world.mailings[unit]!)")
                }
                #expect(changed == (Self.reads[writer]!.contains(unit) ? 1 : 0), "\(writer) changing \(unit)'s deliveries")
            }
            try connection.execute("UPDATE humas.deliveries SET last_reply = NULL WHERE last_reply = 'diubah'")
        }

        @Test("raw SQL as humas_app: a delivery to a contact the writer cannot see is refused by the database")
        func rawSQLDeliveryCheck() async throws {
            let world = try await Self.world.value
            let connection = try TestEnvironment.superuser()
            let error = #expect(throws: PostgresError.self) {
                try connection.withTransaction { transaction in
                    try transaction.execute(script: "SET LOCAL ROLE humas_app")
                    try transaction.setLocal("humas.user_id", to: String(world.fixture.editors[F.semarang]!.id))
                    try transaction.execute("""
                        INSERT INTO humas.deliveries (mailing_id, unit_id, contact_id, address, status, message_id)
                        SELECT m.id, m.unit_id, \(world.fixture.contacts[F.demak]!), 'x@media.example', 'queued', 'kpu.go.id'
                        FROM humas.mailings m WHERE m.id = \(world.mailings[F.semarang]!)
                        """)
                }
            }
            #expect(error?.sqlState == "42501", "new row violates row-level security policy")
        }

        @Test("the service: a sibling's mailing is not found; a kabupaten attaches its mailing to the province's campaign, a cousin cannot")
        func serviceRule() async throws {
            let world = try await Self.world.value
            let provinceCampaign = String(world.campaigns[F.province]!)
            try await withFixtureSession(world.fixture.editors[F.demak]!.email) { session in
                await #expect(throws: HumasError.notFound(entity: "mailing", key: String(world.mailings[F.semarang]!))) {
                    try await session.mailings.show(world.mailings[F.semarang]!)
                }
                var new = NewMailing(name: "Ikut kampanye", fromAddress: "humas@kpu-demak.go.id", subject: "s", text: "t")
                new.campaign = provinceCampaign
                let mailing = try await session.mailings.create(new)
                #expect(mailing.campaignId == world.campaigns[F.province])
            }
            try await withFixtureSession(world.fixture.editors[F.sidoarjo]!.email) { session in
                var new = NewMailing(name: "Kampanye orang lain", fromAddress: "humas@kpu-sidoarjo.go.id", subject: "s", text: "t")
                new.campaign = provinceCampaign
                await #expect(throws: HumasError.notFound(entity: "campaign", key: provinceCampaign)) {
                    try await session.mailings.create(new)
                }
            }
            try await withFixtureSession(world.fixture.editors[F.province]!.email) { session in
                let detail = try await session.campaigns.show(provinceCampaign)
                #expect(detail.participation.map(\.unitCode) == [F.demak], "the province sees which offices took part")
                #expect(detail.participation.first?.mailings == 1)
            }
        }
    }
}
