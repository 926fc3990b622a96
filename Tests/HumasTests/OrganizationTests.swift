import Foundation
import Humas
import Postgres
import Testing

@Suite("Organizations")
struct OrganizationTests {
    @Test("add, show, edit and remove an organization, each write audited")
    func lifecycleIsAudited() async throws {
        let name = "Kabar Semarang \(DirectoryTest.uniqueWord())"
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            var new = NewOrganization(name: name, kind: .mediaOutlet)
            new.mediaType = .online
            new.emails = ["Redaksi@KabarSemarang.EXAMPLE"]
            new.phones = ["(024) 351 0000"]
            new.tags = ["media-lokal"]
            let added = try await session.organizations.add(new)
            #expect(added.emails == ["Redaksi@kabarsemarang.example"])
            #expect(added.phones == ["+62243510000"])
            #expect(added.unitCode == "ID-JT-KOTA-SEMARANG")
            #expect(try await session.organizations.show(added.id) == added)

            var changes = OrganizationChanges()
            changes.website = "https://kabarsemarang.example"
            let edited = try await session.organizations.edit(added.id, changes)
            #expect(edited.website == "https://kabarsemarang.example")
            #expect(edited.mediaType == .online, "fields not given stay as they were")

            try await session.organizations.remove(added.id)
            await #expect(throws: HumasError.notFound(entity: "organization", key: String(added.id))) {
                try await session.organizations.show(added.id)
            }
            let audit = try DirectoryTest.auditRows(entity: "organization", id: added.id)
            #expect(audit.map(\.action) == ["create", "update", "delete"])
            #expect(audit[1].before?.contains("\"website\": null") == true)
            #expect(audit[1].after?.contains("kabarsemarang.example") == true)
        }
    }

    @Test("a party branch names its national party; an unknown party is refused naming the field and nothing is written")
    func partyBranches() async throws {
        let name = "DPC Partai Uji \(DirectoryTest.uniqueWord())"
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            var branch = NewOrganization(name: name, kind: .politicalParty)
            branch.party = "pkb"
            let added = try await session.organizations.add(branch)
            #expect(added.parentName == "Partai Kebangkitan Bangsa")
            var byParty = OrganizationFilter()
            byParty.party = "1"
            byParty.limit = 500
            let listed = try await session.organizations.list(byParty)
            #expect(listed.organizations.contains { $0.id == added.id })
            #expect(listed.organizations.contains { $0.id == added.parentID })
            #expect(listed.organizations.allSatisfy { $0.kind == .politicalParty })

            var unknown = NewOrganization(name: name + " lagi", kind: .politicalParty)
            unknown.party = "Partai Tidak Ada"
            let error = await #expect(throws: HumasError.self) { try await session.organizations.add(unknown) }
            #expect(error?.invalidFieldName == "party")
            var filter = OrganizationFilter()
            filter.party = "Partai Tidak Ada"
            let filterError = await #expect(throws: HumasError.self) { try await session.organizations.list(filter) }
            #expect(filterError?.invalidFieldName == "party")

            var outletWithBallot = NewOrganization(name: name + " lagi", kind: .mediaOutlet)
            outletWithBallot.ballotNumber = 3
            let ballotError = await #expect(throws: HumasError.self) { try await session.organizations.add(outletWithBallot) }
            #expect(ballotError?.invalidFieldName == "ballot_number")
        }
        #expect(try DirectoryTest.count("SELECT count(*) FROM humas.organizations WHERE name = \(name + " lagi")") == 0)
    }

    @Test("list filters by kind, media type, unit subtree and name, a page at a time")
    func listFiltersAndPages() async throws {
        let word = DirectoryTest.uniqueWord()
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            var ids: [Int64] = []
            for (index, type) in [Organization.MediaType.radio, .radio, .radio, .tv].enumerated() {
                var new = NewOrganization(name: "Radio \(word) \(index)", kind: .mediaOutlet)
                new.mediaType = type
                ids.append(try await session.organizations.add(new).id)
            }
            var filter = OrganizationFilter()
            filter.kind = .mediaOutlet
            filter.mediaType = .radio
            filter.under = "ID-JT-KOTA-SEMARANG"
            filter.text = word.uppercased()
            filter.limit = 2
            var seen: [Int64] = []
            var pages = 0
            repeat {
                let page = try await session.organizations.list(filter)
                seen += page.organizations.map(\.id)
                filter.cursor = page.nextCursor
                pages += 1
            } while filter.cursor != nil && pages < 10
            #expect(seen == Array(ids.prefix(3)))
            #expect(pages == 2)
        }
    }

    @Test("another kabupaten's organization is not found; an ancestor's is visible but read-only")
    func scope() async throws {
        let semarangOutlet = try DirectoryTest.demoID("organizations", "demo-org-radio-lumpia")
        let nationalParty = try DirectoryTest.demoID("organizations", "party-2024-1")
        try await DirectoryTest.withSession(DirectoryTest.User.demakEditor) { session in
            await #expect(throws: HumasError.notFound(entity: "organization", key: String(semarangOutlet))) {
                try await session.organizations.show(semarangOutlet)
            }
            var changes = OrganizationChanges()
            changes.notes = "should not be written"
            await #expect(throws: HumasError.notFound(entity: "organization", key: String(semarangOutlet))) {
                try await session.organizations.edit(semarangOutlet, changes)
            }
            _ = try await session.organizations.show(nationalParty)
            let error = await #expect(throws: HumasError.self) { try await session.organizations.edit(nationalParty, changes) }
            guard case .forbidden = error else {
                Issue.record("expected forbidden, got \(String(describing: error))")
                return
            }
        }
        #expect(try DirectoryTest.count("SELECT count(*) FROM humas.organizations WHERE notes = 'should not be written'") == 0)
    }
}
