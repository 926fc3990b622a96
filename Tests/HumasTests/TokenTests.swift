import Foundation
import Humas
import Postgres
import Testing

@Suite("API tokens")
struct TokenTests {
    @Test("an issued token logs in until it is revoked")
    func issueLoginRevoke() async throws {
        try await UserFixtures.withService { service in
            let viewer = try await UserFixtures.session(.viewer, at: "ID-JT-KOTA-SEMARANG", on: service)

            let issued = try await viewer.tokens.issue(label: "dashboard")

            #expect(issued.secret.wholeMatch(of: /humas_[0-9a-f]{64}/) != nil)
            #expect(issued.token.userEmail == viewer.user.email)
            #expect(issued.token.label == "dashboard")
            let byToken = try await service.session(token: issued.secret)
            #expect(byToken.user.id == viewer.user.id)
            let listed = try await viewer.tokens.list()
            #expect(listed.first { $0.id == issued.token.id }?.lastUsedAt != nil)

            let revoked = try await viewer.tokens.revoke(id: issued.token.id)

            #expect(revoked.revokedAt != nil)
            let error = await #expect(throws: HumasError.self) { try await service.session(token: issued.secret) }
            #expect(UserFixtures.isUnauthenticated(error))
        }
    }

    @Test("two tokens are never the same")
    func secretsDiffer() async throws {
        try await UserFixtures.withService { service in
            let viewer = try await UserFixtures.session(.viewer, at: "ID-JT", on: service)
            let first = try await viewer.tokens.issue()
            let second = try await viewer.tokens.issue()
            #expect(first.secret != second.secret)
        }
    }

    @Test("the database stores only the token's hash: neither the token row nor its audit rows hold the secret")
    func storesNoPlaintext() async throws {
        try await UserFixtures.withService { service in
            let editor = try await UserFixtures.session(.editor, at: "ID-JT-KAB-DEMAK", on: service)
            let issued = try await editor.tokens.issue(label: "ci")
            _ = try await editor.tokens.revoke(id: issued.token.id)
            let hexPart = String(issued.secret.dropFirst("humas_".count))

            let connection = try TestEnvironment.superuser()
            let row = try connection.query("""
                SELECT row_to_json(t)::text AS json, t.token_hash = sha256(convert_to(\(issued.secret), 'UTF8')) AS matches,
                       encode(t.token_hash, 'hex') AS hash_hex
                FROM humas.api_tokens t WHERE t.id = \(issued.token.id)
                """)[0]
            let json: String = try row.decode("json")
            let hashHex: String = try row.decode("hash_hex")
            #expect(try row.decode("matches", as: Bool.self))
            #expect(!json.contains(hexPart))
            #expect(!json.contains(issued.secret))
            let audit = try connection.query("""
                SELECT coalesce(string_agg(row_to_json(a)::text, ' '), '') AS json, count(*) AS n
                FROM humas.audit_log a WHERE a.entity = 'token' AND a.entity_id = \(issued.token.id)
                """)[0]
            let auditJSON: String = try audit.decode("json")
            #expect(try audit.decode("n", as: Int.self) == 2)
            #expect(!auditJSON.contains(hexPart))
            #expect(!auditJSON.contains(hashHex))
            #expect(!auditJSON.contains("token_hash"))
        }
    }

    @Test("an admin issues and revokes tokens of their subtree's users; an editor cannot issue for others")
    func adminManagesSubtreeTokens() async throws {
        try await UserFixtures.withService { service in
            let provinceAdmin = try await UserFixtures.session(.admin, at: "ID-JT", on: service)
            let siblingAdmin = try await UserFixtures.session(.admin, at: "ID-JT-KAB-DEMAK", on: service)
            let editor = try await UserFixtures.session(.editor, at: "ID-JT-KOTA-SEMARANG", on: service)

            let issued = try await provinceAdmin.tokens.issue(label: "for editor", for: editor.user.email)
            #expect(issued.token.userEmail == editor.user.email)
            #expect(try await service.session(token: issued.secret).user.id == editor.user.id)
            #expect(try await editor.tokens.list().contains { $0.id == issued.token.id })

            let outside = await #expect(throws: HumasError.self) { try await siblingAdmin.tokens.revoke(id: issued.token.id) }
            #expect(UserFixtures.isNotFound(outside))
            #expect(try await !siblingAdmin.tokens.list().contains { $0.id == issued.token.id })
            let forOther = await #expect(throws: HumasError.self) {
                try await editor.tokens.issue(label: "x", for: siblingAdmin.user.email)
            }
            #expect(UserFixtures.isForbidden(forOther))

            _ = try await provinceAdmin.tokens.revoke(id: issued.token.id)
            let error = await #expect(throws: HumasError.self) { try await service.session(token: issued.secret) }
            #expect(UserFixtures.isUnauthenticated(error))
        }
    }

    @Test("a user who is not an admin neither sees nor revokes a colleague's tokens")
    func colleaguesTokensAreNotFound() async throws {
        try await UserFixtures.withService { service in
            let owner = try await UserFixtures.session(.editor, at: "ID-JT-KOTA-SEMARANG", on: service)
            let colleague = try await UserFixtures.session(.editor, at: "ID-JT-KOTA-SEMARANG", on: service)
            let issued = try await owner.tokens.issue(label: "mine")

            #expect(try await !colleague.tokens.list().contains { $0.id == issued.token.id })
            let error = await #expect(throws: HumasError.self) { try await colleague.tokens.revoke(id: issued.token.id) }
            #expect(UserFixtures.isNotFound(error))
            let session = try await service.session(token: issued.secret)
            #expect(session.user.id == owner.user.id)
        }
    }

    @Test("humas token issue prints the token once with a warning; token list never shows it")
    func commandLineIssue() async throws {
        let email = try await UserFixtures.withService { service in
            try await UserFixtures.session(.viewer, at: "ID-JT", on: service).user.email
        }

        let run = try CommandLineRun(["token", "issue", "--label", "cli test", "--as", email])

        #expect(run.status == 0, "\(run.stderr)")
        let secrets = run.stdout.matches(of: /humas_[0-9a-f]{64}/).map { String($0.output) }
        #expect(secrets.count == 1)
        #expect(run.stdout.contains("cannot be shown again"))
        let list = try CommandLineRun(["token", "list", "--json", "--as", email])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("cli test"))
        #expect(!list.stdout.contains("humas_"))
        if let secret = secrets.first {
            #expect(!list.stdout.contains(String(secret.dropFirst("humas_".count))))
        }
    }

    @Test("humas token issue --json gives the token in a field and the warning on stderr")
    func commandLineIssueJSON() async throws {
        let email = try await UserFixtures.withService { service in
            try await UserFixtures.session(.viewer, at: "ID-JT", on: service).user.email
        }

        let run = try CommandLineRun(["token", "issue", "--json", "--as", email])

        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let secret = try #require(object?["token"] as? String)
        #expect(secret.wholeMatch(of: /humas_[0-9a-f]{64}/) != nil)
        #expect(object?["user_email"] as? String == email)
        #expect(run.stderr.contains("cannot be shown again"))
        try await UserFixtures.withService { service in
            let session = try await service.session(token: secret)
            #expect(session.user.email == email)
        }
    }
}
