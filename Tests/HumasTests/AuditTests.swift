import Foundation
import Humas
import Postgres
import Testing

@Suite("Audit trail")
struct AuditTests {
    @Test("a province admin sees its kab/kota's audit rows; a sibling kab/kota's admin does not")
    func visibilityFollowsTheTree() async throws {
        try await UserFixtures.withService { service in
            let province = try await UserFixtures.session(.admin, at: "ID-JT", on: service)
            let semarang = try await UserFixtures.session(.admin, at: "ID-JT-KOTA-SEMARANG", on: service)
            let demak = try await UserFixtures.session(.admin, at: "ID-JT-KAB-DEMAK", on: service)
            let viewer = try await semarang.users.add(
                email: UserFixtures.uniqueEmail("audited"), fullName: "Audited Viewer", role: .viewer)

            let seenByOwnUnit = try await semarang.audit.list(entity: "user", entityID: viewer.id)
            let seenByProvince = try await province.audit.list(entity: "user", entityID: viewer.id)
            let seenBySibling = try await demak.audit.list(entity: "user", entityID: viewer.id)

            #expect(seenByOwnUnit.count == 1)
            #expect(seenByProvince.count == 1)
            #expect(seenByProvince.first?.actorEmail == semarang.user.email)
            #expect(seenByProvince.first?.unitCode == "ID-JT-KOTA-SEMARANG")
            #expect(seenBySibling.isEmpty)
            #expect(try await !demak.audit.list(limit: 1000).contains { $0.unitCode == "ID-JT-KOTA-SEMARANG" })

            // The database itself enforces it: the same SELECT as the application role.
            let rows: PostgresQuery = "SELECT count(*) FROM humas.audit_log WHERE entity = 'user' AND entity_id = \(viewer.id)"
            #expect(try UserFixtures.countAsApplication(userID: province.user.id, rows) == 1)
            #expect(try UserFixtures.countAsApplication(userID: demak.user.id, rows) == 0)
        }
    }

    @Test("a province admin sees who made a change even when the actor is above them")
    func actorAboveReaderIsNamed() async throws {
        try await UserFixtures.withService { service in
            let province = try await UserFixtures.session(.admin, at: "ID-JT", on: service)
            // UserFixtures adds users as the national admin, whom a province admin cannot list.
            let editor = try await UserFixtures.session(.editor, at: "ID-JT-KAB-DEMAK", on: service)
            let entries = try await province.audit.list(entity: "user", entityID: editor.user.id)
            #expect(entries.first?.actorEmail == UserFixtures.nationalAdmin)
        }
    }

    @Test("only admins read the audit trail")
    func nonAdminsRefused() async throws {
        try await UserFixtures.withService { service in
            let editor = try await UserFixtures.session(.editor, at: "ID-JT", on: service)
            let error = await #expect(throws: HumasError.self) { try await editor.audit.list() }
            #expect(UserFixtures.isForbidden(error))
        }
    }

    @Test("pages go back in time with before, newest first")
    func paging() async throws {
        try await UserFixtures.withService { service in
            let admin = try await UserFixtures.session(.admin, at: "ID-JT-KAB-DEMAK", on: service)
            for index in 0..<3 {
                _ = try await admin.users.add(email: UserFixtures.uniqueEmail("page\(index)"), fullName: "Page \(index)", role: .viewer)
            }
            let first = try await admin.audit.list(entity: "user", limit: 2)
            let next = try await admin.audit.list(entity: "user", limit: 2, before: try #require(first.last?.id))
            #expect(first.count == 2)
            #expect(first[0].id > first[1].id)
            #expect(next.allSatisfy { $0.id < first[1].id })
            let error = await #expect(throws: HumasError.self) { try await admin.audit.list(limit: 0) }
            guard case .invalid(let field, _)? = error else {
                Issue.record("expected .invalid, got \(String(describing: error))")
                return
            }
            #expect(field == "limit")
        }
    }

    @Test("humas audit list --json embeds before and after as JSON objects")
    func commandLineJSON() async throws {
        let (adminEmail, userID) = try await UserFixtures.withService { service in
            let admin = try await UserFixtures.session(.admin, at: "ID-JT", on: service)
            let user = try await admin.users.add(
                email: UserFixtures.uniqueEmail("json"), fullName: "JSON Viewer", unit: "ID-JT-KAB-DEMAK", role: .viewer)
            _ = try await admin.users.disable(email: user.email)
            return (admin.user.email, user.id)
        }

        let run = try CommandLineRun(["audit", "list", "--entity", "user", "--id", String(userID), "--json", "--as", adminEmail])

        #expect(run.status == 0, "\(run.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 2)
        let disable = try #require(entries.first)
        #expect(disable["action"] as? String == "disable")
        #expect(disable["entity_id"] as? Int == Int(userID))
        let before = try #require(disable["before"] as? [String: Any])
        let after = try #require(disable["after"] as? [String: Any])
        #expect(before["full_name"] as? String == "JSON Viewer")
        #expect(before["disabled_at"] is NSNull)
        #expect(after["disabled_at"] is String)
        let table = try CommandLineRun(["audit", "list", "--entity", "user", "--id", String(userID), "--as", adminEmail])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("disabled_at"))
    }
}
