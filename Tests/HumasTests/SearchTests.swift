import Foundation
import Humas
import Postgres
import Testing

@Suite("Contact search")
struct SearchTests {
    @Test("Budi Santoso is found from 'budi santos', 'BUDI' and 'Búdi'")
    func findsBudiSantoso() async throws {
        let budi = try DirectoryTest.demoID("contacts", "demo-c-budi")
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            for query in ["budi santos", "BUDI", "Búdi", "budi santsoo"] {
                let page = try await session.contacts.search(query)
                #expect(page.contacts.contains { $0.id == budi }, "\(query)")
            }
            let best = try await session.contacts.search("budi santoso")
            #expect(best.contents.first == budi, "the exact name ranks first")
        }
    }

    @Test("a new contact with a random surname is found by case, accent and typo variants")
    func findsOwnContact() async throws {
        let surname = DirectoryTest.uniqueWord()
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            let added = try await session.contacts.add(NewContact(fullName: "Siti \(surname.capitalized)"))
            var typo = Array(surname)
            typo[typo.count - 1] = typo[typo.count - 1] == "b" ? "c" : "b"
            let accented = "Sítí " + surname.uppercased()
            for query in [surname, "siti \(surname.prefix(5))", accented, "siti " + String(typo)] {
                let page = try await session.contacts.search(query)
                #expect(page.contents.contains(added.id), "\(query)")
            }
        }
    }

    @Test("filters narrow a search: beat, unit subtree, organization, party; an unknown party names the field")
    func filters() async throws {
        let budi = try DirectoryTest.demoID("contacts", "demo-c-budi")
        let hendra = try DirectoryTest.demoID("contacts", "demo-c-hendra")
        try await DirectoryTest.withSession(DirectoryTest.User.jatengEditor) { session in
            var politik = ContactFilters()
            politik.beat = "politik"
            politik.under = "ID-JT"
            #expect(try await session.contacts.search("budi santoso", filters: politik).contents.contains(budi))
            var pemilu = politik
            pemilu.beat = "pemilu"
            let onPemilu = try await session.contacts.search("budi santoso", filters: pemilu)
            #expect(!onPemilu.contents.contains(budi))

            var atOutlet = ContactFilters()
            atOutlet.organization = try DirectoryTest.demoID("organizations", "demo-org-suara-jateng")
            #expect(try await session.contacts.list(atOutlet).contents.contains(budi))

            var party = ContactFilters()
            party.party = "PKB"
            #expect(try await session.contacts.list(party).contents.contains(hendra))
            party.party = "Partai Fiktif"
            let error = await #expect(throws: HumasError.self) { try await session.contacts.list(party) }
            #expect(error?.invalidFieldName == "party")
        }
    }

    @Test("search never returns another kabupaten's contacts")
    func scope() async throws {
        let ahmad = try DirectoryTest.demoID("contacts", "demo-c-ahmad")
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            let found = try await session.contacts.search("ahmad fauzi")
            #expect(!found.contents.contains(ahmad))
        }
        try await DirectoryTest.withSession(DirectoryTest.User.demakEditor) { session in
            let found = try await session.contacts.search("ahmad fauzi")
            #expect(found.contents.contains(ahmad))
        }
    }

    @Test("paging through a search and a listing yields every row once, without gaps")
    func pagination() async throws {
        let word = DirectoryTest.uniqueWord()
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            // Names of different lengths (different scores), repeated names (ties broken by id),
            // and contacts found only through their current organization's name.
            var expected = Set<Int64>()
            for name in ["\(word)", "\(word) Ani", "\(word) Ani", "\(word) Ani", "Bambang \(word)", "\(word) Cahyaningrum Wibowo"] {
                var new = NewContact(fullName: name.capitalized)
                new.tags = ["t-\(word)"]
                expected.insert(try await session.contacts.add(new).id)
            }
            var outlet = NewOrganization(name: "Suara \(word)", kind: .mediaOutlet)
            outlet.mediaType = .online
            let organization = try await session.organizations.add(outlet)
            for name in ["Dwi Lestari", "Eka Putri"] {
                var new = NewContact(fullName: "\(name) \(DirectoryTest.uniqueWord())")
                new.tags = ["t-\(word)"]
                let contact = try await session.contacts.add(new)
                _ = try await session.affiliations.add(NewAffiliation(contactID: contact.id, organizationID: organization.id))
                expected.insert(contact.id)
            }

            for limit in [1, 2, 3] {
                let searched = try await collect { try await session.contacts.search(word, limit: limit, cursor: $0) }
                #expect(searched.count == Set(searched).count, "no repeats (limit \(limit))")
                #expect(Set(searched) == expected, "no gaps (limit \(limit))")

                var tagged = ContactFilters()
                tagged.tag = "t-\(word)"
                let listed = try await collect { try await session.contacts.list(tagged, limit: limit, cursor: $0) }
                #expect(listed.count == Set(listed).count)
                #expect(Set(listed) == expected)
            }
            let bad = await #expect(throws: HumasError.self) { try await session.contacts.search(word, cursor: "not-a-cursor") }
            #expect(bad?.invalidFieldName == "cursor")
        }
    }

    /// Every id over all pages, following `nextCursor`.
    private func collect(_ page: (String?) async throws -> ContactPage) async throws -> [Int64] {
        var ids: [Int64] = []
        var cursor: String?
        var pages = 0
        repeat {
            let result = try await page(cursor)
            ids += result.contents
            cursor = result.nextCursor
            pages += 1
        } while cursor != nil && pages < 50
        return ids
    }
}

extension ContactPage {
    /// The page's contact ids, in order.
    var contents: [Int64] { contacts.map(\.id) }
}
