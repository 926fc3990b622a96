import Foundation
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("HTTP resources: units, users, tokens")
struct ResourceTests {
    @Test("GET /v1/units?under= lists the subtree as a page; GET /v1/units/{code} shows one unit")
    func units() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let viewer = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT-KAB-DEMAK", on: service)
            let list = try await client.send(.get, "/v1/units?under=ID-JT", token: viewer.token)
            #expect(list.status == .ok)
            #expect(list.contentType?.hasPrefix("application/json") == true)
            let items = try list.items()
            #expect(items.count == 36)
            #expect(items.allSatisfy { ($0["code"] as? String)?.hasPrefix("ID-JT") == true })
            #expect(try list.object()["next_cursor"] is NSNull)

            let one = try await client.send(.get, "/v1/units/id-jt-kota-semarang", token: viewer.token)
            #expect(one.status == .ok)
            let unit = try one.object()
            #expect(unit["code"] as? String == "ID-JT-KOTA-SEMARANG")
            #expect(unit["parent_code"] as? String == "ID-JT")
            #expect(unit["time_zone"] as? String == "Asia/Jakarta")

            let bad = try await client.send(.get, "/v1/units?under=NOPE", token: viewer.token)
            #expect(bad.status == .badRequest)
            #expect(try bad.problemFields() == ["under"])
        }
    }

    @Test("201 for POST /v1/users by an admin; the user is listed and can be disabled")
    func createListDisableUser() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let admin = try await HTTPTestEnvironment.user(.admin, at: "ID-JT", on: service)
            let email = "new.\(UInt32.random(in: 0..<UInt32.max))@test.humas.example"

            let created = try await client.send(.post, "/v1/users", token: admin.token,
                                                json: #"{"email": "\#(email)", "full_name": "Siti Rahayu", "unit": "ID-JT-KAB-DEMAK", "role": "editor"}"#)
            #expect(created.status == .created)
            let user = try created.object()
            #expect(user["email"] as? String == email)
            #expect(user["full_name"] as? String == "Siti Rahayu")
            #expect(user["unit_code"] as? String == "ID-JT-KAB-DEMAK")
            let createdAt = try #require(user["created_at"] as? String)
            #expect(ISO8601DateFormatter().date(from: createdAt) != nil)

            let listed = try await client.send(.get, "/v1/users?under=ID-JT-KAB-DEMAK", token: admin.token)
            #expect(try listed.items().contains { $0["email"] as? String == email })

            let disabled = try await client.send(.post, "/v1/users/\(email)/disable", token: admin.token)
            #expect(disabled.status == .ok)
            #expect(try disabled.object()["disabled_at"] is String)
        }
    }

    @Test("400 with errors naming the field: an invalid e-mail, an unknown role, a missing field, a wrong type")
    func invalidInput() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let admin = try await HTTPTestEnvironment.user(.admin, at: "ID-JT", on: service)
            let cases: [(String, String)] = [
                (#"{"email": "not-an-email", "full_name": "A", "role": "viewer"}"#, "email"),
                (#"{"email": "a.\#(UInt32.random(in: 0..<UInt32.max))@test.humas.example", "full_name": "A", "role": "boss"}"#, "role"),
                (#"{"email": "a@test.humas.example", "role": "viewer"}"#, "full_name"),
                (#"{"email": 42, "full_name": "A", "role": "viewer"}"#, "email"),
            ]
            for (body, field) in cases {
                let response = try await client.send(.post, "/v1/users", token: admin.token, json: body)
                #expect(response.status == .badRequest, "\(body)")
                #expect(response.contentType == "application/problem+json")
                #expect(try response.problemFields() == [field], "\(body)")
            }
        }
    }

    @Test("400 naming an unknown JSON field, and 400 for malformed JSON or a body that is not an object")
    func unknownFieldAndMalformedJSON() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let viewer = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT", on: service)

            let unknown = try await client.send(.post, "/v1/tokens", token: viewer.token, json: #"{"label": "ci", "lable": "typo"}"#)
            #expect(unknown.status == .badRequest)
            #expect(try unknown.problemFields() == ["lable"])

            for body in [#"{"label": "ci""#, "[1, 2]", ""] {
                let malformed = try await client.send(.post, "/v1/tokens", token: viewer.token, json: body)
                #expect(malformed.status == .badRequest, "\(body)")
                #expect(malformed.contentType == "application/problem+json")
            }
        }
    }

    @Test("413 problem+json for a body over 1 MiB")
    func bodyTooLarge() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let viewer = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT", on: service)
            let huge = #"{"label": "\#(String(repeating: "x", count: 1 << 20))"}"#
            let response = try await client.send(.post, "/v1/tokens", token: viewer.token, json: huge)
            #expect(response.status == .contentTooLarge)
            #expect(response.contentType == "application/problem+json")
        }
    }

    @Test("tokens over HTTP: 201 issues one whose secret logs in, GET lists it without the secret, DELETE revokes it")
    func tokens() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT", on: service)
            let issued = try await client.send(.post, "/v1/tokens", token: editor.token, json: #"{"label": "dashboard"}"#)
            #expect(issued.status == .created)
            let secret = try #require(issued.object()["secret"] as? String)
            let token = try #require(issued.object()["token"] as? [String: Any])
            let id = try #require(token["id"] as? Int)
            #expect(token["user_email"] as? String == editor.email)

            let me = try await client.send(.get, "/v1/me", token: secret)
            #expect(me.status == .ok)
            let listed = try await client.send(.get, "/v1/tokens", token: editor.token)
            #expect(try listed.items().contains { $0["id"] as? Int == id })
            #expect(!String(buffer: listed.body).contains(secret))

            let revoked = try await client.send(.delete, "/v1/tokens/\(id)", token: editor.token)
            #expect(revoked.status == .ok)
            #expect(try revoked.object()["revoked_at"] is String)
            #expect(try await client.send(.get, "/v1/me", token: secret).status == .unauthorized)
        }
    }
}
