import Foundation
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("HTTP authentication and access")
struct AuthTests {
    @Test("401 problem+json with WWW-Authenticate: Bearer without a token, with an unknown one, and with a revoked one")
    func unauthenticated() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let viewer = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT-KOTA-SEMARANG", on: service)
            _ = try await service.session(token: viewer.token).tokens.revoke(id: viewer.tokenID)

            for token in [nil, "humas_" + String(repeating: "0", count: 64), viewer.token] {
                let response = try await client.send(.get, "/v1/me", token: token)
                #expect(response.status == .unauthorized)
                #expect(response.contentType == "application/problem+json")
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                let problem = try response.object()
                #expect(problem["status"] as? Int == 401)
                #expect(problem["type"] as? String == "urn:humas:problem:unauthenticated")
                #expect((problem["detail"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test("200 for /v1/me with a valid token, in snake_case")
    func me() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT", on: service)
            let response = try await client.send(.get, "/v1/me", token: editor.token)
            #expect(response.status == .ok)
            let me = try response.object()
            #expect(me["email"] as? String == editor.email)
            #expect(me["unit_code"] as? String == "ID-JT")
            #expect(me["role"] as? String == "editor")
            #expect(me["full_name"] != nil)
        }
    }

    @Test("403 problem+json when the role may not: a viewer adds a user, an editor reads the audit trail")
    func forbidden() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let viewer = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT", on: service)
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT", on: service)

            let add = try await client.send(.post, "/v1/users", token: viewer.token,
                                            json: #"{"email": "x.\#(UInt32.random(in: 0..<UInt32.max))@test.humas.example", "full_name": "X", "role": "viewer"}"#)
            #expect(add.status == .forbidden)
            #expect(add.contentType == "application/problem+json")
            #expect(try add.object()["type"] as? String == "urn:humas:problem:forbidden")

            let audit = try await client.send(.get, "/v1/audit", token: editor.token)
            #expect(audit.status == .forbidden)
        }
    }

    @Test("404 for what lies outside the caller's scope: another unit's user, a colleague's token, an unknown unit")
    func notFound() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let admin = try await HTTPTestEnvironment.user(.admin, at: "ID-JT-KOTA-SEMARANG", on: service)
            let outsider = try await HTTPTestEnvironment.user(.viewer, at: "ID-JB", on: service)
            let colleague = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT-KOTA-SEMARANG", on: service)

            let disable = try await client.send(.post, "/v1/users/\(outsider.email)/disable", token: admin.token)
            #expect(disable.status == .notFound)
            #expect(disable.contentType == "application/problem+json")

            let revoke = try await client.send(.delete, "/v1/tokens/\(admin.tokenID)", token: colleague.token)
            #expect(revoke.status == .notFound)

            let unit = try await client.send(.get, "/v1/units/NO-SUCH-UNIT", token: colleague.token)
            #expect(unit.status == .notFound)
            #expect(try unit.object()["status"] as? Int == 404)
        }
    }
}
