import Foundation
import Humas
import Postgres
import Testing

@Suite("Contact lists")
struct ContactListTests {
    typealias F = ScopeFixture

    @Test("create a list, add members (re-adding is harmless), show them with unit codes, remove and re-add")
    func createAddShowRemove() async throws {
        let fixture = try await ScopeFixture.make()
        try await withFixtureSession(fixture.editors[F.semarang]!.email) { session in
            let list = try await session.lists.create(name: "Undangan \(fixture.suffix)", description: "  pers  ")
            #expect(list.unitCode == F.semarang)
            #expect(list.description == "pers")
            #expect(list.memberCount == 0)

            let own = fixture.contacts[F.semarang]!, province = fixture.contacts[F.province]!, national = fixture.contacts[F.national]!
            let added = try await session.lists.add([own, province, national, own], to: list.name)
            #expect(added.changed == 3)
            #expect(added.list.memberCount == 3)
            let again = try await session.lists.add([province], to: String(list.id))
            #expect(again.changed == 0)

            let detail = try await session.lists.show(String(list.id))
            #expect(Set(detail.members.map(\.contactID)) == [own, province, national])
            #expect(detail.members.first { $0.contactID == province }?.unitCode == F.province)
            #expect(detail.members.first { $0.contactID == own }?.fullName == "Kontak \(F.semarang) \(fixture.suffix)")

            let removed = try await session.lists.remove([province], from: list.name)
            #expect(removed.changed == 1)
            #expect(try await session.lists.show(list.name).members.map(\.contactID).contains(province) == false)
            let back = try await session.lists.add([province], to: list.name)
            #expect(back.changed == 1)
            #expect(back.list.memberCount == 3)
        }
    }

    @Test("adding a contact the user cannot see is 'not found' naming its id, and nothing is written")
    func invisibleContactWritesNothing() async throws {
        let fixture = try await ScopeFixture.make()
        try await withFixtureSession(fixture.editors[F.semarang]!.email) { session in
            let list = try await session.lists.create(name: "Campuran \(fixture.suffix)")
            let sibling = fixture.contacts[F.demak]!
            let error = await #expect(throws: HumasError.self) {
                try await session.lists.add([fixture.contacts[F.semarang]!, sibling], to: String(list.id))
            }
            #expect(error == .notFound(entity: "contact", key: String(sibling)))
            #expect(try await session.lists.show(String(list.id)).members.isEmpty)
        }
    }

    @Test("a sibling's list is not found; an ancestor's list is visible but read-only")
    func siblingHiddenAncestorReadOnly() async throws {
        let fixture = try await ScopeFixture.make()
        let demakList = try await withFixtureSession(fixture.editors[F.demak]!.email) {
            try await $0.lists.create(name: "Demak \(fixture.suffix)")
        }
        let provinceList = try await withFixtureSession(fixture.editors[F.province]!.email) {
            try await $0.lists.create(name: "Jateng \(fixture.suffix)")
        }
        try await withFixtureSession(fixture.editors[F.semarang]!.email) { session in
            let hidden = await #expect(throws: HumasError.self) { try await session.lists.show(String(demakList.id)) }
            #expect(hidden == .notFound(entity: "list", key: String(demakList.id)))
            let byName = await #expect(throws: HumasError.self) { try await session.lists.show(demakList.name) }
            #expect(byName == .notFound(entity: "list", key: demakList.name))

            let visible = try await session.lists.show(provinceList.name)
            #expect(visible.list.id == provinceList.id)
            let rename = await #expect(throws: HumasError.self) { try await session.lists.rename(provinceList.name, to: "x") }
            guard case .forbidden = rename else { Issue.record("rename: \(String(describing: rename))"); return }
            let add = await #expect(throws: HumasError.self) {
                try await session.lists.add([fixture.contacts[F.semarang]!], to: provinceList.name)
            }
            guard case .forbidden = add else { Issue.record("add: \(String(describing: add))"); return }
        }
    }

    @Test("rename and delete are audited; a deleted list is gone; names are unique per unit")
    func renameDeleteAudited() async throws {
        let fixture = try await ScopeFixture.make()
        let list = try await withFixtureSession(fixture.editors[F.semarang]!.email) { session in
            let list = try await session.lists.create(name: "Lama \(fixture.suffix)")
            let duplicate = await #expect(throws: HumasError.self) { try await session.lists.create(name: "LAMA \(fixture.suffix)") }
            guard case .invalid(field: "name", _) = duplicate else { Issue.record("duplicate: \(String(describing: duplicate))"); return list }
            let renamed = try await session.lists.rename(String(list.id), to: "Baru \(fixture.suffix)")
            #expect(renamed.name == "Baru \(fixture.suffix)")
            _ = try await session.lists.delete(renamed.name)
            let gone = await #expect(throws: HumasError.self) { try await session.lists.show(String(list.id)) }
            #expect(gone == .notFound(entity: "list", key: String(list.id)))
            return list
        }
        let owner = try TestEnvironment.superuser()
        let rows = try owner.query("""
            SELECT action, after->>'name' AS name, actor_id FROM humas.audit_log
            WHERE entity = 'list' AND entity_id = \(list.id) ORDER BY id
            """)
        #expect(try rows.map { try $0.decode("action", as: String.self) } == ["create", "update", "delete"])
        #expect(try rows[1].decode("name", as: String.self) == "Baru \(fixture.suffix)")
        #expect(try rows.allSatisfy { try $0.decode("actor_id", as: Int64.self) == fixture.editors[F.semarang]!.id })
    }

    @Test("a viewer may read lists but not create one")
    func viewerCannotCreate() async throws {
        let fixture = try await ScopeFixture.make()
        try await withFixtureSession(fixture.viewer.email) { session in
            let error = await #expect(throws: HumasError.self) { try await session.lists.create(name: "Viewer \(fixture.suffix)") }
            guard case .forbidden = error else { Issue.record("viewer create: \(String(describing: error))"); return }
            _ = try await session.lists.list()
        }
    }
}
