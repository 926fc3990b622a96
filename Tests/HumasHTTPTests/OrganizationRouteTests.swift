import Foundation
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("HTTP /v1/organizations")
struct OrganizationRouteTests {
    @Test("POST 201, GET one, GET list filtered by kind and q, PATCH partial, DELETE 204 then GET 404")
    func lifecycle() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KOTA-SEMARANG", on: service)
            let name = "Radio Uji \(Unique.suffix())"
            let created = try await client.send(.post, "/v1/organizations", token: editor.token, json: """
                {"name": "\(name)", "kind": "media_outlet", "media_type": "radio", "short_name": "RU",
                 "website": "https://radio.example", "emails": ["redaksi@radio.example"]}
                """)
            #expect(created.status == .created, "\(String(buffer: created.body))")
            let organization = try created.object()
            let id = try #require(organization["id"] as? Int)
            #expect(organization["kind"] as? String == "media_outlet")
            #expect(organization["media_type"] as? String == "radio")
            #expect(organization["unit_code"] as? String == "ID-JT-KOTA-SEMARANG")

            let shown = try await client.send(.get, "/v1/organizations/\(id)", token: editor.token)
            #expect(try shown.object()["name"] as? String == name)

            let query = name.replacingOccurrences(of: " ", with: "%20")
            let listed = try await client.send(.get, "/v1/organizations?kind=media_outlet&media_type=radio&q=\(query)", token: editor.token)
            #expect(listed.status == .ok)
            #expect(try listed.items().map { $0["id"] as? Int } == [id])
            #expect(try listed.object()["next_cursor"] is NSNull)

            let patched = try await client.send(.patch, "/v1/organizations/\(id)", token: editor.token,
                                                json: #"{"website": null, "region": "Kota Semarang"}"#)
            #expect(patched.status == .ok)
            let after = try patched.object()
            #expect(after["website"] == nil)
            #expect(after["region"] as? String == "Kota Semarang")
            #expect(after["short_name"] as? String == "RU")
            #expect(after["name"] as? String == name)

            #expect(try await client.send(.delete, "/v1/organizations/\(id)", token: editor.token).status == .noContent)
            #expect(try await client.send(.get, "/v1/organizations/\(id)", token: editor.token).status == .notFound)
        }
    }

    @Test("400 naming the field: an unknown kind, a media type for a party, a bad e-mail, an unknown filter value")
    func invalidInput() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KOTA-SEMARANG", on: service)
            let cases: [(String, String)] = [
                (#"{"name": "X", "kind": "koran"}"#, "kind"),
                (#"{"name": "X", "kind": "political_party", "media_type": "tv"}"#, "media_type"),
                (#"{"name": "X", "kind": "other", "emails": ["@@"]}"#, "emails[0]"),
                (#"{"name": "X", "kind": "other", "parent_id": 999999999}"#, "parent_id"),
            ]
            for (body, field) in cases {
                let response = try await client.send(.post, "/v1/organizations", token: editor.token, json: body)
                #expect(response.status == .badRequest, "\(body)")
                #expect(try response.problemFields() == [field], "\(body)")
            }
            let badFilter = try await client.send(.get, "/v1/organizations?kind=koran", token: editor.token)
            #expect(badFilter.status == .badRequest)
            #expect(try badFilter.problemFields() == ["kind"])
        }
    }

    @Test("GET /v1/organizations?party=PKB lists the national party and its branches")
    func partyFilter() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let viewer = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT", on: service)
            let response = try await client.send(.get, "/v1/organizations?party=PKB", token: viewer.token)
            #expect(response.status == .ok)
            let items = try response.items()
            #expect(!items.isEmpty)
            #expect(items.allSatisfy { $0["kind"] as? String == "political_party" })
        }
    }
}
