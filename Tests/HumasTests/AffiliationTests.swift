import Foundation
import Humas
import Postgres
import Testing

@Suite("Affiliations")
struct AffiliationTests {
    /// A contact and two outlets of Kota Semarang, unique to one test.
    private func journalistAndTwoOutlets(_ session: Session) async throws -> (Contact, Organization, Organization) {
        let word = DirectoryTest.uniqueWord()
        var contact = NewContact(fullName: "Wartawan \(word)")
        contact.category = .journalist
        let person = try await session.contacts.add(contact)
        var first = NewOrganization(name: "Harian \(word)", kind: .mediaOutlet)
        first.mediaType = .print
        var second = NewOrganization(name: "Televisi \(word)", kind: .mediaOutlet)
        second.mediaType = .tv
        return (person, try await session.organizations.add(first), try await session.organizations.add(second))
    }

    @Test("a journalist moving outlets keeps the history: the old affiliation ended, the new one current")
    func moveKeepsHistory() async throws {
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            let (person, first, second) = try await journalistAndTwoOutlets(session)
            let started = try await session.affiliations.add(NewAffiliation(
                contactID: person.id, organizationID: first.id, title: "Wartawan", beat: " Pemilu ",
                startedOn: PostgresDate(year: 2020, month: 1, day: 1)))
            #expect(started.beat == "pemilu")
            #expect(try await session.contacts.show(person.id).currentOrganization == first.name)

            let day = PostgresDate(year: 2024, month: 6, day: 1)
            let move = try await session.affiliations.move(contact: person.id, from: first.id, to: second.id, on: day, title: "Redaktur")
            #expect(move.ended.id == started.id)
            #expect(move.started.beat == "pemilu", "the beat carries over")

            let shown = try await session.contacts.show(person.id)
            let history = try #require(shown.affiliations)
            #expect(history.count == 2)
            #expect(history[0].organizationID == second.id && history[0].isCurrent && history[0].startedOn == day)
            #expect(history[0].title == "Redaktur")
            #expect(history[1].organizationID == first.id && history[1].endedOn == day)
            #expect(shown.currentOrganization == second.name)
            #expect(try DirectoryTest.auditRows(entity: "affiliation", id: started.id).map(\.action) == ["create", "update"])
        }
    }

    @Test("an end date before the start date is refused naming ended_on, and nothing is written")
    func endBeforeStart() async throws {
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            let (person, first, _) = try await journalistAndTwoOutlets(session)
            let start = PostgresDate(year: 2023, month: 3, day: 1)
            let before = PostgresDate(year: 2023, month: 2, day: 28)
            let addError = await #expect(throws: HumasError.self) {
                try await session.affiliations.add(NewAffiliation(
                    contactID: person.id, organizationID: first.id, startedOn: start, endedOn: before))
            }
            #expect(addError?.invalidFieldName == "ended_on")
            #expect(try DirectoryTest.count("SELECT count(*) FROM humas.affiliations WHERE contact_id = \(person.id)") == 0)

            let current = try await session.affiliations.add(NewAffiliation(contactID: person.id, organizationID: first.id, startedOn: start))
            let endError = await #expect(throws: HumasError.self) { try await session.affiliations.end(current.id, on: before) }
            #expect(endError?.invalidFieldName == "ended_on")
            #expect(try DirectoryTest.count(
                "SELECT count(*) FROM humas.affiliations WHERE contact_id = \(person.id) AND ended_on IS NOT NULL") == 0)
            #expect(try DirectoryTest.auditRows(entity: "affiliation", id: current.id).map(\.action) == ["create"])
        }
    }

    @Test("a date that is not YYYY-MM-DD or not a real day is refused naming the field")
    func badDates() throws {
        #expect(throws: HumasError.invalid(field: "started_on", message: "'2024-02-30' is not a date; write it as YYYY-MM-DD, e.g. 2024-02-14")) {
            try PostgresDate(userInput: "2024-02-30", field: "started_on")
        }
        #expect((try? PostgresDate(userInput: "14/02/2024", field: "ended_on")) == nil)
        #expect(try PostgresDate(userInput: " 2024-02-29 ", field: "ended_on") == PostgresDate(year: 2024, month: 2, day: 29))
    }

    @Test("an affiliation of another kabupaten's contact is not found for an editor outside it")
    func outsideScope() async throws {
        let demakContact = try DirectoryTest.demoID("contacts", "demo-c-ahmad")
        let semarangOutlet = try DirectoryTest.demoID("organizations", "demo-org-semarang-hari-ini")
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            await #expect(throws: HumasError.notFound(entity: "contact", key: String(demakContact))) {
                try await session.affiliations.add(NewAffiliation(contactID: demakContact, organizationID: semarangOutlet))
            }
        }
        #expect(try DirectoryTest.count(
            "SELECT count(*) FROM humas.affiliations WHERE contact_id = \(demakContact) AND organization_id = \(semarangOutlet)") == 0)
    }
}
