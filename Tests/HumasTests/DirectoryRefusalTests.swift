import Foundation
import Humas
import Postgres
import Testing

/// What the directory refuses since issue 9, at the service, on the command line and in the
/// database itself (for writers that do not go through the service).
@Suite("Directory: refused input")
struct DirectoryRefusalTests {
    private let editor = ["HUMAS_AS": DirectoryTest.User.semarangEditor]

    /// A contact of Kota Semarang with a current affiliation with a new outlet; the ids of the
    /// contact, the outlet and the affiliation.
    private func affiliatedContact() async throws -> (contact: Int64, outlet: Int64, affiliation: Int64) {
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            let outlet = try await session.organizations.add(NewOrganization(name: "Koran \(DirectoryTest.uniqueWord())", kind: .mediaOutlet))
            var new = NewContact(fullName: "Budi \(DirectoryTest.uniqueWord())")
            new.emails = [DirectoryTest.uniqueEmail()]
            let contact = try await session.contacts.add(new)
            let affiliation = try await session.affiliations.add(NewAffiliation(contactID: contact.id, organizationID: outlet.id))
            return (contact.id, outlet.id, affiliation.id)
        }
    }

    @Test("year 0 exits 1 with one line naming started_on, ended_on or on (it printed SQLSTATE 22008)")
    func daysOnTheCommandLine() async throws {
        let (contact, outlet, affiliation) = try await affiliatedContact()
        let runs: [([String], String)] = [
            (["affiliation", "add", "--contact", String(contact), "--organization", String(outlet), "--started-on", "0000-01-01"], "started_on"),
            (["affiliation", "add", "--contact", String(contact), "--organization", String(outlet), "--ended-on", "2101-01-01"], "ended_on"),
            (["affiliation", "end", String(affiliation), "--on", "0000-01-01"], "ended_on"),
            (["affiliation", "move", "--contact", String(contact), "--from", String(outlet), "--to", String(outlet), "--on", "0000-01-01"], "on"),
        ]
        for (arguments, field) in runs {
            let run = try CommandLineRun(arguments, environment: editor)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr == "error: \(field): 0000-01-01 is outside 1900-01-01 – 2100-12-31; write the day as YYYY-MM-DD, e.g. 2024-02-14\n"
                    || run.stderr == "error: \(field): 2101-01-01 is outside 1900-01-01 – 2100-12-31; write the day as YYYY-MM-DD, e.g. 2024-02-14\n",
                    "\(arguments): \(run.stderr)")
        }
    }

    @Test("51 tags exit 1 with one line naming tags and the cap; nothing is written")
    func tagCapOnTheCommandLine() throws {
        let name = "Tag \(DirectoryTest.uniqueWord())"
        let run = try CommandLineRun(["contact", "add", "--name", name] + (0..<51).flatMap { ["--tag", "t\($0)"] }, environment: editor)
        #expect(run.status == 1)
        #expect(run.stderr == "error: tags: 51 given; a record holds at most 50\n")
        #expect(try DirectoryTest.count("SELECT count(*) FROM humas.contacts WHERE full_name = \(name)") == 0)
    }

    @Test("the service refuses a parent cycle through three organizations; the database refuses one the service did not see")
    func parentCycles() async throws {
        let ids = try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            let top = try await session.organizations.add(NewOrganization(name: "Induk \(DirectoryTest.uniqueWord())", kind: .mediaOutlet))
            var middle = NewOrganization(name: "Biro \(DirectoryTest.uniqueWord())", kind: .mediaOutlet)
            middle.parentID = top.id
            let middleID = try await session.organizations.add(middle).id
            var bottom = NewOrganization(name: "Pos \(DirectoryTest.uniqueWord())", kind: .mediaOutlet)
            bottom.parentID = middleID
            let bottomID = try await session.organizations.add(bottom).id
            var changes = OrganizationChanges()
            changes.parentID = bottomID
            let error = try await #require(throws: HumasError.self) { try await session.organizations.edit(top.id, changes) }
            #expect(error.invalidFieldName == "parent")
            return (top.id, bottomID)
        }
        let connection = try TestEnvironment.superuser()
        let refused = try #require(throws: PostgresError.self) {
            try connection.execute("UPDATE humas.organizations SET parent_id = \(ids.1) WHERE id = \(ids.0)")
        }
        #expect(refused.constraint == "organizations_parent_cycle")
    }

    @Test("a second current affiliation with one organization is a conflict naming the first; the database's index holds it too")
    func oneCurrentAffiliation() async throws {
        let (contact, outlet, affiliation) = try await affiliatedContact()
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            let error = try await #require(throws: HumasError.self) {
                try await session.affiliations.add(NewAffiliation(contactID: contact, organizationID: outlet))
            }
            #expect(error.conflictingID == affiliation)
            // An ended one is history, not a second current one.
            let past = NewAffiliation(contactID: contact, organizationID: outlet, startedOn: PostgresDate(year: 2010, month: 1, day: 1),
                                      endedOn: PostgresDate(year: 2012, month: 1, day: 1))
            #expect(try await session.affiliations.add(past).isCurrent == false)
        }
        let connection = try TestEnvironment.superuser()
        let refused = try #require(throws: PostgresError.self) {
            try connection.execute("""
                INSERT INTO humas.affiliations (contact_id, organization_id, unit_id)
                SELECT contact_id, organization_id, unit_id FROM humas.affiliations WHERE id = \(affiliation)
                """)
        }
        #expect(refused.constraint == "affiliations_one_current_key")
    }

    @Test("a website must be http or https: javascript: and a bare host are refused naming website")
    func websites() async throws {
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            for website in ["javascript:alert(document.cookie)", "JAVASCRIPT:alert(1)", "data:text/html,x", "www.example.com"] {
                var new = NewOrganization(name: "Situs \(DirectoryTest.uniqueWord())", kind: .other)
                new.website = website
                let error = try await #require(throws: HumasError.self) { try await session.organizations.add(new) }
                #expect(error.invalidFieldName == "website", "\(website)")
            }
            var new = NewOrganization(name: "Situs \(DirectoryTest.uniqueWord())", kind: .other)
            new.website = "HTTPS://kpu.go.id/berita"
            #expect(try await session.organizations.add(new).website == "HTTPS://kpu.go.id/berita")
        }
        let connection = try TestEnvironment.superuser()
        let refused = try #require(throws: PostgresError.self) {
            try connection.execute("UPDATE humas.organizations SET website = 'javascript:alert(1)' WHERE id = (SELECT min(id) FROM humas.organizations)")
        }
        #expect(refused.constraint == "organizations_website_check")
    }
}
