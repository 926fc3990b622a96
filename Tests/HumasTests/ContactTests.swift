import Foundation
import Humas
import Postgres
import Testing

@Suite("Contacts")
struct ContactTests {
    @Test("add, show, edit and remove a contact, each write audited with before and after")
    func lifecycleIsAudited() async throws {
        let name = "Larasati \(DirectoryTest.uniqueWord())"
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            var new = NewContact(fullName: name)
            new.honorific = "Ibu"
            new.category = .journalist
            new.emails = [" Laras@Semarang.EXAMPLE ", DirectoryTest.uniqueEmail()]
            new.phones = ["0812-3456-\(Int.random(in: 1000...9999))"]
            new.tags = ["Pemilu", "media-lokal"]
            new.social = ["X": "@laras"]
            new.legalBasis = .consent
            let added = try await session.contacts.add(new)
            #expect(added.emails.first == "Laras@semarang.example")
            #expect(added.phones.first?.hasPrefix("+62812") == true)
            #expect(added.tags == ["pemilu", "media-lokal"])
            #expect(added.social == ["x": "@laras"])
            #expect(added.unitCode == "ID-JT-KOTA-SEMARANG")

            let shown = try await session.contacts.show(added.id)
            #expect(shown.fullName == name)
            #expect(shown.affiliations == [])

            var changes = ContactChanges()
            changes.honorific = "Bu"
            changes.optedOut = true
            let edited = try await session.contacts.edit(added.id, changes)
            #expect(edited.honorific == "Bu")
            #expect(edited.optedOutAt != nil)
            #expect(edited.emails == added.emails, "fields not given stay as they were")
            #expect(edited.category == .journalist)

            try await session.contacts.remove(added.id)
            let gone = await #expect(throws: HumasError.self) { try await session.contacts.show(added.id) }
            #expect(gone == .notFound(entity: "contact", key: String(added.id)))

            let audit = try DirectoryTest.auditRows(entity: "contact", id: added.id)
            #expect(audit.map(\.action) == ["create", "update", "delete"])
            #expect(audit[0].before == nil)
            #expect(audit[0].after?.contains(name) == true)
            #expect(audit[1].before?.contains("\"honorific\": \"Ibu\"") == true)
            #expect(audit[1].after?.contains("\"honorific\": \"Bu\"") == true)
            #expect(audit[2].after?.contains("\"deleted_at\": null") == false)
        }
    }

    @Test("bad e-mail, bad phone, unknown unit and a missing name each name the field and write nothing")
    func badInputWritesNothing() async throws {
        let name = "Gagal \(DirectoryTest.uniqueWord())"
        func written() throws -> Int {
            try DirectoryTest.count("SELECT count(*) FROM humas.contacts WHERE full_name = \(name)")
        }
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            var badEmail = NewContact(fullName: name)
            badEmail.emails = [DirectoryTest.uniqueEmail(), "budi(at)example.id"]
            let emailError = await #expect(throws: HumasError.self) { try await session.contacts.add(badEmail) }
            #expect(emailError?.invalidFieldName == "email[2]")

            var badPhone = NewContact(fullName: name)
            badPhone.phones = ["0812-34"]
            let phoneError = await #expect(throws: HumasError.self) { try await session.contacts.add(badPhone) }
            #expect(phoneError?.invalidFieldName == "phone")

            var badUnit = NewContact(fullName: name)
            badUnit.unitCode = "ID-XX-NOWHERE"
            let unitError = await #expect(throws: HumasError.self) { try await session.contacts.add(badUnit) }
            #expect(unitError?.invalidFieldName == "unit")

            let nameError = await #expect(throws: HumasError.self) { try await session.contacts.add(NewContact(fullName: "  ")) }
            #expect(nameError?.invalidFieldName == "name")
        }
        #expect(try written() == 0)
    }

    @Test("a duplicate e-mail or phone is refused with the existing id; --allow-duplicate adds anyway")
    func duplicateRefusal() async throws {
        let email = DirectoryTest.uniqueEmail()
        let phone = DirectoryTest.uniquePhone()
        let name = "Ganda \(DirectoryTest.uniqueWord())"
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            var first = NewContact(fullName: name)
            first.emails = [email]
            first.phones = [phone]
            let existing = try await session.contacts.add(first)

            var sameEmail = NewContact(fullName: name)
            sameEmail.emails = [email.uppercased()]
            let emailConflict = await #expect(throws: HumasError.self) { try await session.contacts.add(sameEmail) }
            guard case .conflict(let message, let existingID) = emailConflict else {
                Issue.record("expected a conflict, got \(String(describing: emailConflict))")
                return
            }
            #expect(existingID == existing.id)
            #expect(message.contains("(id \(existing.id))") && message.contains("--allow-duplicate"))

            // The same number written another way is the same number.
            var samePhone = NewContact(fullName: name)
            samePhone.phones = ["+62 " + phone.dropFirst()]
            let phoneConflict = await #expect(throws: HumasError.self) { try await session.contacts.add(samePhone) }
            #expect(phoneConflict == .conflict(
                "a contact with phone +62\(phone.dropFirst()) already exists (id \(existing.id)); pass --allow-duplicate to add anyway",
                existingID: existing.id))
            #expect(try DirectoryTest.count("SELECT count(*) FROM humas.contacts WHERE full_name = \(name)") == 1)

            // Editing: a contact's own addresses are no duplicate of itself; another's are.
            var keep = ContactChanges()
            keep.emails = [email]
            _ = try await session.contacts.edit(existing.id, keep)

            sameEmail.allowDuplicate = true
            let duplicate = try await session.contacts.add(sameEmail)
            #expect(duplicate.id != existing.id)
            #expect(try DirectoryTest.count("SELECT count(*) FROM humas.contacts WHERE full_name = \(name)") == 2)
            var other = NewContact(fullName: name)
            other.emails = [DirectoryTest.uniqueEmail()]
            let third = try await session.contacts.add(other)
            let editConflict = await #expect(throws: HumasError.self) { try await session.contacts.edit(third.id, keep) }
            #expect(editConflict?.conflictingID != nil)
        }
    }

    @Test("writes outside the user's scope: another kabupaten's unit is refused, its contacts are not found, an ancestor's are read-only")
    func writesOutsideScope() async throws {
        let name = "Luar \(DirectoryTest.uniqueWord())"
        let demakContact = try DirectoryTest.demoID("contacts", "demo-c-ahmad")
        let jatengContact = try DirectoryTest.demoID("contacts", "demo-c-budi")
        try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { session in
            var new = NewContact(fullName: name)
            new.unitCode = "ID-JT-KAB-DEMAK"
            let addError = await #expect(throws: HumasError.self) { try await session.contacts.add(new) }
            guard case .forbidden = addError else {
                Issue.record("expected forbidden, got \(String(describing: addError))")
                return
            }
            var changes = ContactChanges()
            changes.notes = "should not be written"
            let editError = await #expect(throws: HumasError.self) { try await session.contacts.edit(demakContact, changes) }
            #expect(editError == .notFound(entity: "contact", key: String(demakContact)))
            let removeError = await #expect(throws: HumasError.self) { try await session.contacts.remove(demakContact) }
            #expect(removeError == .notFound(entity: "contact", key: String(demakContact)))

            // The province's contact is visible to the city but belongs to the province.
            _ = try await session.contacts.show(jatengContact)
            let ancestorError = await #expect(throws: HumasError.self) { try await session.contacts.edit(jatengContact, changes) }
            guard case .forbidden = ancestorError else {
                Issue.record("expected forbidden, got \(String(describing: ancestorError))")
                return
            }
        }
        #expect(try DirectoryTest.count("SELECT count(*) FROM humas.contacts WHERE full_name = \(name)") == 0)
        #expect(try DirectoryTest.count(
            "SELECT count(*) FROM humas.contacts WHERE id IN (\(demakContact), \(jatengContact)) AND notes = 'should not be written'") == 0)
    }

    @Test("a viewer cannot add, edit or remove contacts")
    func viewerCannotWrite() async throws {
        let name = "Pembaca \(DirectoryTest.uniqueWord())"
        let own = try await DirectoryTest.withSession(DirectoryTest.User.semarangEditor) { try await $0.contacts.add(NewContact(fullName: name)) }
        try await DirectoryTest.withSession(DirectoryTest.User.semarangViewer) { session in
            _ = try await session.contacts.show(own.id)
            await #expect(throws: HumasError.self) { try await session.contacts.add(NewContact(fullName: name)) }
            var changes = ContactChanges()
            changes.fullName = name + " diubah"
            let editError = await #expect(throws: HumasError.self) { try await session.contacts.edit(own.id, changes) }
            guard case .forbidden = editError else {
                Issue.record("expected forbidden, got \(String(describing: editError))")
                return
            }
            await #expect(throws: HumasError.self) { try await session.contacts.remove(own.id) }
        }
        #expect(try DirectoryTest.count("SELECT count(*) FROM humas.contacts WHERE full_name LIKE \(name + "%") AND deleted_at IS NULL") == 1)
        #expect(try DirectoryTest.auditRows(entity: "contact", id: own.id).map(\.action) == ["create"])
    }
}
