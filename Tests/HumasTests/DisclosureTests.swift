import Foundation
import Humas
import Postgres
import Testing

/// Leak 4 of issue 9, the smaller disclosures, each seen from a sibling office (Kabupaten Demak)
/// of Kota Semarang, whose records it must not learn about. Each test fails on the old code.
@Suite("Smaller disclosures: audit references, hidden parents, ballot numbers")
struct DisclosureTests {
    typealias Attack = CursorAttack

    @Test("the audit of a list change by the province shows a Demak admin only the members it can read, and a count")
    func auditListMembers() async throws {
        let attack = try await Attack.make()
        let list = try await attack.demak.lists.create(name: "Undangan \(attack.tag)")
        let province = try await UserFixtures.session(.editor, at: "ID-JT", on: attack.service)
        _ = try await province.lists.add([attack.visible[0], attack.hidden[0], attack.hidden[1]], to: String(list.id))
        let demakAdmin = try await UserFixtures.session(.admin, at: Attack.demak, on: attack.service)
        let entries = try await demakAdmin.audit.list(entity: "list", entityID: list.id)
        let change = try #require(entries.first { $0.after?["members"] != nil })
        #expect(change.after?["members"] == .array([.number(Double(attack.visible[0]))]))
        #expect(change.after?["hidden_members"] == .number(2))
        let page = try await demakAdmin.audit.page(entity: "list", entityID: list.id)
        #expect(page.entries == entries)
        // The province, which can read every member, still sees them all.
        let provinceAdmin = try await UserFixtures.session(.admin, at: "ID-JT", on: attack.service)
        let full = try await provinceAdmin.audit.list(entity: "list", entityID: list.id)
        #expect(full.first { $0.after?["members"] != nil }?.after?["hidden_members"] == .number(0))
        await attack.shutdown()
    }

    @Test("the audit of a segment saved for Demak by the province hides a filter organization Demak cannot read")
    func auditSegmentFilterOrganization() async throws {
        let attack = try await Attack.make()
        let semarang = try await UserFixtures.session(.editor, at: "ID-JT-KOTA-SEMARANG", on: attack.service)
        let outlet = try await semarang.organizations.add(NewOrganization(name: "Radio Segmen \(attack.tag)", kind: .mediaOutlet))
        let province = try await UserFixtures.session(.editor, at: "ID-JT", on: attack.service)
        var filter = SegmentFilter()
        filter.organization = outlet.id
        let segment = try await province.segments.create(name: "Segmen \(attack.tag)", filter: filter, unit: Attack.demak)
        func filterOrganization(seenAt unit: String) async throws -> JSONValue? {
            let admin = try await UserFixtures.session(.admin, at: unit, on: attack.service)
            let entries = try await admin.audit.list(entity: "segment", entityID: segment.id)
            guard case .object(let stored)? = try #require(entries.first).after?["filter"] else { return nil }
            return stored["organization"]
        }
        #expect(try await filterOrganization(seenAt: Attack.demak) == .null)
        #expect(try await filterOrganization(seenAt: "ID-JT") == .number(Double(outlet.id)))
        await attack.shutdown()
    }

    @Test("a branch whose parent is hidden shows no parent, and ?organization=<hidden id> answers like an unknown id")
    func hiddenParentOrganization() async throws {
        let attack = try await Attack.make()
        let owner = try TestEnvironment.superuser()
        try owner.execute(script: "SET ROLE humas_owner")
        let parent: Int64 = try owner.query("""
            INSERT INTO humas.organizations (name, kind, media_type, unit_id)
            SELECT \("Induk Rahasia \(attack.tag)"), 'media_outlet', 'online', u.id FROM humas.units u WHERE u.code = \(Attack.semarang)
            RETURNING id
            """)[0].decode("id")
        var new = NewOrganization(name: "Biro Demak \(attack.tag)", kind: .mediaOutlet)
        new.mediaType = .online
        let branch = try await attack.demak.organizations.add(new)
        _ = try owner.execute("UPDATE humas.organizations SET parent_id = \(parent) WHERE id = \(branch.id)")
        _ = try await attack.demak.affiliations.add(NewAffiliation(contactID: attack.visible[0], organizationID: branch.id))

        #expect(try await attack.demak.organizations.show(branch.id).parentID == nil)
        var filter = OrganizationFilter()
        filter.text = "Biro Demak \(attack.tag)"
        #expect(try await attack.demak.organizations.list(filter).organizations.map(\.parentID) == [nil])

        func refusal(_ id: Int64) async -> String? {
            var filters = attack.filters
            filters.organization = id
            do {
                _ = try await attack.demak.contacts.list(filters)
                return nil
            } catch HumasError.invalid(let field, let message) {
                return field + ": " + message.replacingOccurrences(of: String(id), with: "N")
            } catch {
                return "\(error)"
            }
        }
        let hidden = await refusal(parent)
        #expect(hidden != nil)
        #expect(hidden == (await refusal(999_999_999_999)))
        await attack.shutdown()
    }

    @Test("only KPU RI sets a ballot number (KIP Aceh for Aceh-local parties); others are refused before any uniqueness check")
    func ballotNumbers() async throws {
        let attack = try await Attack.make()
        let demakEditor = attack.demak
        let taken = try #require(try await demakEditor.organizations.list(Self.parties).organizations.compactMap(\.ballotNumber).first)
        for number in [taken, 97] {
            var party = NewOrganization(name: "Partai Lokal \(attack.tag) \(number)", kind: .politicalParty)
            party.ballotNumber = number
            let error = await #expect(throws: HumasError.self) { try await demakEditor.organizations.add(party) }
            guard case .forbidden(let message) = error else {
                Issue.record("ballot number \(number): \(String(describing: error))")
                continue
            }
            #expect(message.contains("KPU RI"))
        }
        let own = try await demakEditor.organizations.add(NewOrganization(name: "Partai Lokal \(attack.tag)", kind: .politicalParty))
        var edit = OrganizationChanges()
        edit.ballotNumber = taken
        let editError = await #expect(throws: HumasError.self) { try await demakEditor.organizations.edit(own.id, edit) }
        #expect(UserFixtures.isForbidden(editError))

        // The database holds the rule too: straight SQL as humas_app acting for Demak is refused
        // with the rule (42501), not told the number is taken (23505).
        let direct = try TestEnvironment.superuser()
        try direct.execute(script: "SET ROLE humas_app")
        let refused = try direct.withTransaction { connection -> String? in
            try connection.setLocal("humas.user_id", to: String(demakEditor.user.id))
            do {
                _ = try connection.execute("UPDATE humas.organizations SET ballot_number = \(taken) WHERE id = \(own.id)")
                return nil
            } catch let error as PostgresError {
                return error.sqlState
            }
        }
        #expect(refused == "42501")

        let national = try await UserFixtures.session(.editor, at: "ID", on: attack.service)
        var nationalParty = NewOrganization(name: "Partai Nasional \(attack.tag)", kind: .politicalParty)
        nationalParty.ballotNumber = 98
        let added = try await national.organizations.add(nationalParty)
        #expect(added.ballotNumber == 98)
        try await national.organizations.remove(added.id)

        let aceh = try await UserFixtures.session(.editor, at: "ID-AC", on: attack.service)
        var acehParty = NewOrganization(name: "Partai Aceh \(attack.tag)", kind: .politicalParty)
        acehParty.ballotNumber = 96
        acehParty.partyScope = .acehLocal
        let acehAdded = try await aceh.organizations.add(acehParty)
        #expect(acehAdded.ballotNumber == 96)
        try await aceh.organizations.remove(acehAdded.id)
        acehParty.partyScope = .national
        let acehNational = await #expect(throws: HumasError.self) { try await aceh.organizations.add(acehParty) }
        #expect(UserFixtures.isForbidden(acehNational))
        await attack.shutdown()
    }

    static var parties: OrganizationFilter {
        var filter = OrganizationFilter()
        filter.kind = .politicalParty
        return filter
    }
}
