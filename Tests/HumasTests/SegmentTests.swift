import Foundation
import Humas
import Postgres
import Testing

@Suite("Segments")
struct SegmentTests {
    typealias F = ScopeFixture

    @Test("a segment resolves live: a matching contact added after it was saved appears")
    func resolvesLive() async throws {
        let fixture = try await ScopeFixture.make()
        try await withFixtureSession(fixture.editors[F.province]!.email) { session in
            let segment = try await session.segments.create(
                name: "Wartawan \(fixture.suffix)", filter: SegmentFilter(category: "journalist", tag: fixture.tag, under: "id-jt", hasEmail: true))
            #expect(segment.filter.under == "ID-JT")
            let before = try await session.segments.resolve(segment.name)
            #expect(Set(before.contacts.map(\.contactID)) == [fixture.contacts[F.province]!, fixture.contacts[F.semarang]!, fixture.contacts[F.demak]!])
            #expect(before.total == 3)

            let newcomer = try fixture.addContact(named: "Wartawan Baru \(fixture.suffix)", unit: F.demak)
            let after = try await session.segments.resolve(String(segment.id))
            #expect(after.contacts.map(\.contactID).contains(newcomer))
            #expect(after.total == 4)
            #expect(after.contacts.first { $0.contactID == newcomer }?.unitCode == F.demak)
        }
    }

    @Test("bad filter values are refused naming the field, and nothing is saved", arguments: [
        ("category", SegmentFilter(category: "wartawan")),
        ("under", SegmentFilter(under: "ID-XX-NOWHERE")),
        ("under", SegmentFilter(under: "ID-JT-KAB-DEMAK")),  // a sibling of the acting Kota Semarang
        ("organization_kind", SegmentFilter(organizationKind: "koran")),
        ("media_type", SegmentFilter(mediaType: "koran")),
        ("beat", SegmentFilter(beat: "politik dan hukum")),
        ("tag", SegmentFilter(tag: "dua kata")),
        ("party", SegmentFilter(party: "Partai Khayalan")),
        ("organization", SegmentFilter(organization: 999_999_999)),
    ])
    func badFilter(field: String, filter: SegmentFilter) async throws {
        let fixture = try await ScopeFixture.make()
        try await withFixtureSession(fixture.editors[F.semarang]!.email) { session in
            let name = "Salah \(fixture.suffix)"
            let error = await #expect(throws: HumasError.self) { try await session.segments.create(name: name, filter: filter) }
            guard case .invalid(let named, _) = error else { Issue.record("\(field): \(String(describing: error))"); return }
            #expect(named == field)
            let saved = try await session.segments.list()
            #expect(!saved.contains { $0.name == name })
        }
    }

    @Test("a saved filter round-trips; a sibling's segment is not found, an ancestor's is visible")
    func roundTripAndScope() async throws {
        let fixture = try await ScopeFixture.make()
        let filter = SegmentFilter(
            q: " kontak ", category: "Journalist", organizationKind: "media_outlet", party: nil, mediaType: "ONLINE",
            beat: "Pemilu", tag: fixture.tag, under: F.semarang, hasEmail: false, excludeOptedOut: true)
        let saved = try await withFixtureSession(fixture.editors[F.semarang]!.email) { session in
            let saved = try await session.segments.create(name: "Lengkap \(fixture.suffix)", description: "semua filter", filter: filter)
            #expect(try await session.segments.show(saved.name) == saved)
            return saved
        }
        #expect(saved.filter == SegmentFilter(
            q: "kontak", category: "journalist", organizationKind: "media_outlet", mediaType: "online", beat: "pemilu",
            tag: fixture.tag, under: F.semarang, hasEmail: false, excludeOptedOut: true))
        try await withFixtureSession(fixture.editors[F.demak]!.email) { session in
            let error = await #expect(throws: HumasError.self) { try await session.segments.show(String(saved.id)) }
            #expect(error == .notFound(entity: "segment", key: String(saved.id)))
        }
        try await withFixtureSession(fixture.editors[F.province]!.email) { session in
            let seen = try await session.segments.show(String(saved.id))
            #expect(seen.unitCode == F.semarang)
        }
    }

    @Test("paging with the cursor walks every match once; a party filter by ballot number is accepted")
    func paging() async throws {
        let fixture = try await ScopeFixture.make()
        try await withFixtureSession(fixture.editors[F.national]!.email) { session in
            let segment = try await session.segments.create(name: "Semua \(fixture.suffix)", filter: SegmentFilter(tag: fixture.tag))
            var seen: [Int64] = []
            var cursor: String?
            var pages = 0
            repeat {
                let page = try await session.segments.resolve(segment.name, limit: 2, cursor: cursor)
                #expect(page.total == 5)
                seen += page.contacts.map(\.contactID)
                cursor = page.nextCursor
                pages += 1
            } while cursor != nil && pages < 10
            #expect(pages == 3)
            #expect(seen.count == 5)
            #expect(Set(seen) == Set(fixture.contacts.values))

            let bad = await #expect(throws: HumasError.self) { try await session.segments.resolve(segment.name, cursor: "abc") }
            guard case .invalid(field: "cursor", _) = bad else { Issue.record("cursor: \(String(describing: bad))"); return }
            let party = try await session.segments.create(name: "PKB \(fixture.suffix)", filter: SegmentFilter(party: "1"))
            #expect(party.filter.party == "1")
            _ = try await session.segments.resolve(party.name)
        }
    }

    @Test("a national segment narrowed to Jawa Tengah resolves to nothing for a user in another province")
    func ancestorSegmentOutsideScope() async throws {
        let fixture = try await ScopeFixture.make()
        let segment = try await withFixtureSession(fixture.editors[F.national]!.email) {
            try await $0.segments.create(name: "Jateng \(fixture.suffix)", filter: SegmentFilter(tag: fixture.tag, under: F.province))
        }
        try await withFixtureSession(fixture.editors[F.sidoarjo]!.email) { session in
            let page = try await session.segments.resolve(String(segment.id))
            #expect(page.contacts.isEmpty)
            #expect(page.total == 0)
        }
        try await withFixtureSession(fixture.editors[F.semarang]!.email) { session in
            let page = try await session.segments.resolve(String(segment.id))
            #expect(Set(page.contacts.map(\.contactID)) == [fixture.contacts[F.province]!, fixture.contacts[F.semarang]!])
        }
    }

    @Test("delete is soft and audited; a province editor cannot delete the national segment")
    func deleteAudited() async throws {
        let fixture = try await ScopeFixture.make()
        let segment = try await withFixtureSession(fixture.editors[F.national]!.email) {
            try await $0.segments.create(name: "Nasional \(fixture.suffix)", filter: SegmentFilter(category: "journalist"))
        }
        try await withFixtureSession(fixture.editors[F.province]!.email) { session in
            let error = await #expect(throws: HumasError.self) { try await session.segments.delete(segment.name) }
            guard case .forbidden = error else { Issue.record("province delete: \(String(describing: error))"); return }
        }
        try await withFixtureSession(fixture.editors[F.national]!.email) { session in
            _ = try await session.segments.delete(String(segment.id))
            let gone = await #expect(throws: HumasError.self) { try await session.segments.show(String(segment.id)) }
            #expect(gone == .notFound(entity: "segment", key: String(segment.id)))
        }
        let owner = try TestEnvironment.superuser()
        let actions = try owner.query(
            "SELECT action FROM humas.audit_log WHERE entity = 'segment' AND entity_id = \(segment.id) ORDER BY id"
        ).map { try $0.decode("action", as: String.self) }
        #expect(actions == ["create", "delete"])
    }
}
