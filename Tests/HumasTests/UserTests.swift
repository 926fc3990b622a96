import Foundation
import Humas
import Postgres
import Testing

@Suite("Users")
struct UserTests {
    @Test("an admin adds an editor in a unit below; the user can log in and the addition is audited")
    func adminAddsEditorBelow() async throws {
        try await UserFixtures.withService { service in
            let provinceAdmin = try await UserFixtures.session(.admin, at: "ID-JT", on: service)
            let email = UserFixtures.uniqueEmail("Editor.Semarang")

            let user = try await provinceAdmin.users.add(
                email: "  \(email.uppercased()) ", fullName: "Siti Rahayu", unit: "id-jt-kota-semarang", role: .editor)

            #expect(user.email == email.lowercased())
            #expect(user.role == .editor)
            #expect(user.unitCode == "ID-JT-KOTA-SEMARANG")
            #expect(user.disabledAt == nil)
            let editor = try await service.session(email: email)
            #expect(editor.user.id == user.id)
            let entries = try await provinceAdmin.audit.list(entity: "user", entityID: user.id)
            #expect(entries.count == 1)
            #expect(entries.first?.action == "create")
            #expect(entries.first?.actorEmail == provinceAdmin.user.email)
            #expect(entries.first?.unitCode == "ID-JT-KOTA-SEMARANG")
            #expect(entries.first?.after?["email"] == .string(email.lowercased()))
            #expect(entries.first?.before == nil)
        }
    }

    @Test("the unit defaults to the admin's own, and list shows the users below a unit")
    func defaultUnitAndList() async throws {
        try await UserFixtures.withService { service in
            let admin = try await UserFixtures.session(.admin, at: "ID-JT-KAB-DEMAK", on: service)
            let user = try await admin.users.add(email: UserFixtures.uniqueEmail("viewer.demak"), fullName: "Budi", role: .viewer)
            #expect(user.unitCode == "ID-JT-KAB-DEMAK")

            let listed = try await admin.users.list(under: "ID-JT-KAB-DEMAK")
            #expect(listed.contains(user))
            #expect(listed.allSatisfy { $0.unitCode == "ID-JT-KAB-DEMAK" })
        }
    }

    @Test("an editor cannot add users")
    func editorCannotAddUsers() async throws {
        try await UserFixtures.withService { service in
            let editor = try await UserFixtures.session(.editor, at: "ID-JT-KOTA-SEMARANG", on: service)
            let email = UserFixtures.uniqueEmail("by.editor")

            let error = await #expect(throws: HumasError.self) {
                try await editor.users.add(email: email, fullName: "Nope", role: .viewer)
            }
            #expect(UserFixtures.isForbidden(error))
            #expect(error?.description.contains("only admins") == true)
            #expect(try UserFixtures.storedUserCount(email: email) == 0)
        }
    }

    @Test("a Kota Semarang admin cannot add a user in Kabupaten Demak, and nothing is written")
    func adminCannotAddOutsideSubtree() async throws {
        try await UserFixtures.withService { service in
            let admin = try await UserFixtures.session(.admin, at: "ID-JT-KOTA-SEMARANG", on: service)
            let email = UserFixtures.uniqueEmail("into.demak")

            let error = await #expect(throws: HumasError.self) {
                try await admin.users.add(email: email, fullName: "Nope", unit: "ID-JT-KAB-DEMAK", role: .editor)
            }
            #expect(UserFixtures.isForbidden(error))
            #expect(error?.description.contains("ID-JT-KAB-DEMAK") == true)
            #expect(error?.description.contains("outside your scope") == true)
            #expect(try UserFixtures.storedUserCount(email: email) == 0)
        }
    }

    @Test("a duplicate e-mail is refused naming the field, whatever its case")
    func duplicateEmailRefused() async throws {
        try await UserFixtures.withService { service in
            let admin = try await service.session(email: UserFixtures.nationalAdmin)
            let email = UserFixtures.uniqueEmail("twice")
            _ = try await admin.users.add(email: email, fullName: "First", unit: "ID-JT", role: .viewer)

            let error = await #expect(throws: HumasError.self) {
                try await admin.users.add(email: email.uppercased(), fullName: "Second", unit: "ID-JT", role: .viewer)
            }
            guard case .invalid(let field, let message)? = error else {
                Issue.record("expected .invalid, got \(String(describing: error))")
                return
            }
            #expect(field == "email")
            #expect(message.contains("already"))
            #expect(try UserFixtures.storedUserCount(email: email) == 1)
        }
    }

    @Test("a bad e-mail is refused naming the field")
    func badEmailRefused() async throws {
        try await UserFixtures.withService { service in
            let admin = try await service.session(email: UserFixtures.nationalAdmin)
            let error = await #expect(throws: HumasError.self) {
                try await admin.users.add(email: "siti at kpu", fullName: "Siti", role: .viewer)
            }
            guard case .invalid(let field, _)? = error else {
                Issue.record("expected .invalid, got \(String(describing: error))")
                return
            }
            #expect(field == "email")
        }
    }

    @Test("a blank name or one of more than 200 characters is refused naming full_name, and no user is added")
    func overlongNameRefused() async throws {
        try await UserFixtures.withService { service in
            let admin = try await service.session(email: UserFixtures.nationalAdmin)
            let email = UserFixtures.uniqueEmail("long.name")
            let error = await #expect(throws: HumasError.self) {
                try await admin.users.add(email: email, fullName: "G" + String(repeating: "*", count: 200), role: .viewer)
            }
            guard case .invalid(let field, let message)? = error else {
                Issue.record("expected .invalid, got \(String(describing: error))")
                return
            }
            #expect(field == "full_name")
            #expect(message.contains("201 characters"), "\(message)")
            let blank = await #expect(throws: HumasError.self) {
                try await admin.users.add(email: email, fullName: "   ", role: .viewer)
            }
            #expect(blank?.description.contains("full_name: is required, e.g. \"Siti Rahayu\"") == true, "\(String(describing: blank))")
            #expect(try await admin.users.list().allSatisfy { $0.email != email })
        }
    }

    @Test("a disabled user cannot log in, and the disabling is audited")
    func disabledUserCannotLogIn() async throws {
        try await UserFixtures.withService { service in
            let admin = try await UserFixtures.session(.admin, at: "ID-JT", on: service)
            let user = try await admin.users.add(
                email: UserFixtures.uniqueEmail("leaving"), fullName: "Leaving", unit: "ID-JT-KAB-DEMAK", role: .editor)
            _ = try await service.session(email: user.email)

            let disabled = try await admin.users.disable(email: user.email)

            #expect(disabled.disabledAt != nil)
            let error = await #expect(throws: HumasError.self) { try await service.session(email: user.email) }
            #expect(UserFixtures.isUnauthenticated(error))
            #expect(try await !admin.users.list(under: "ID-JT-KAB-DEMAK").contains { $0.id == user.id })
            #expect(try await admin.users.list(under: "ID-JT-KAB-DEMAK", includeDisabled: true).contains { $0.id == user.id })
            let entries = try await admin.audit.list(entity: "user", entityID: user.id)
            #expect(entries.map(\.action) == ["disable", "create"])
            #expect(entries.first?.changedFields.contains("disabled_at") == true)
        }
    }

    @Test("an admin cannot disable themselves, and a user outside their subtree is not found")
    func disableLimits() async throws {
        try await UserFixtures.withService { service in
            let semarang = try await UserFixtures.session(.admin, at: "ID-JT-KOTA-SEMARANG", on: service)
            let demak = try await UserFixtures.session(.editor, at: "ID-JT-KAB-DEMAK", on: service)

            let selfError = await #expect(throws: HumasError.self) { try await semarang.users.disable(email: semarang.user.email) }
            #expect(UserFixtures.isForbidden(selfError))
            let outsideError = await #expect(throws: HumasError.self) { try await semarang.users.disable(email: demak.user.email) }
            #expect(UserFixtures.isNotFound(outsideError))
            _ = try await service.session(email: demak.user.email)
        }
    }

    @Test("humas user add with a bad e-mail exits 1 with one line naming email")
    func commandLineBadEmail() throws {
        let run = try CommandLineRun(
            ["user", "add", "siti.kpu.go.id", "--name", "Siti", "--role", "editor", "--as", UserFixtures.nationalAdmin])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(run.stderr.hasPrefix("error: email:"))
        #expect(run.stdout.isEmpty)
    }
}
