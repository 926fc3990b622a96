import Foundation
import HTTPTypes
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("HTTP /v1/contacts")
struct ContactRouteTests {
    /// Creates a contact over HTTP and returns its JSON.
    static func create(_ client: any TestClientProtocol, token: String, json: String) async throws -> [String: Any] {
        let response = try await client.send(.post, "/v1/contacts", token: token, json: json)
        #expect(response.status == .created, "\(String(buffer: response.body))")
        return try response.object()
    }

    @Test("POST 201 normalizes e-mail and phone; GET shows it; GET ?q= finds it; DELETE 204 then GET 404")
    func lifecycle() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KAB-DEMAK", on: service)
            let name = "Wartawan Uji \(Unique.suffix())"
            let email = Unique.email()
            let contact = try await Self.create(client, token: editor.token, json: """
                {"full_name": "\(name)", "honorific": "Ibu", "category": "journalist", "emails": ["\(email.uppercased())"],
                 "phones": ["0812-3456-\(Int.random(in: 1000...9999))"], "tags": ["Pemilu"], "social": {"X": "@uji"}}
                """)
            let id = try #require(contact["id"] as? Int)
            #expect(contact["full_name"] as? String == name)
            #expect((contact["phones"] as? [String])?.first?.hasPrefix("+62812") == true)
            #expect(contact["tags"] as? [String] == ["pemilu"])
            #expect(contact["unit_code"] as? String == "ID-JT-KAB-DEMAK")
            #expect(contact["social"] as? [String: String] == ["x": "@uji"])
            #expect((contact["created_at"] as? String).flatMap(ISO8601DateFormatter().date(from:)) != nil)

            let shown = try await client.send(.get, "/v1/contacts/\(id)", token: editor.token)
            #expect(shown.status == .ok)
            #expect(try shown.object()["affiliations"] as? [Any] != nil)

            let query = name.replacingOccurrences(of: " ", with: "%20")
            let found = try await client.send(.get, "/v1/contacts?q=\(query)&category=journalist", token: editor.token)
            #expect(found.status == .ok)
            #expect(try found.items().first?["id"] as? Int == id)

            let deleted = try await client.send(.delete, "/v1/contacts/\(id)", token: editor.token)
            #expect(deleted.status == .noContent)
            #expect(try await client.send(.get, "/v1/contacts/\(id)", token: editor.token).status == .notFound)
            #expect(try await client.send(.delete, "/v1/contacts/\(id)", token: editor.token).status == .notFound)
        }
    }

    @Test("400 with errors naming the field: a bad phone, a bad second e-mail, an unknown category, an unknown field")
    func invalidInput() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KAB-DEMAK", on: service)
            let cases: [(String, String)] = [
                (#"{"full_name": "A", "phones": ["12ab"]}"#, "phones[0]"),
                (#"{"full_name": "A", "emails": ["\#(Unique.email())", "bukan-email"]}"#, "emails[1]"),
                (#"{"full_name": "A", "category": "wartawan"}"#, "category"),
                (#"{"full_name": "A", "tags": ["two words"]}"#, "tags"),
                (#"{"full_name": "  "}"#, "full_name"),
                (#"{"full_name": "A", "fullname": "B"}"#, "fullname"),
                (#"{"honorific": "Ibu"}"#, "full_name"),
            ]
            for (body, field) in cases {
                let response = try await client.send(.post, "/v1/contacts", token: editor.token, json: body)
                #expect(response.status == .badRequest, "\(body)")
                #expect(response.contentType == "application/problem+json")
                #expect(try response.problemFields() == [field], "\(body)")
            }
            let badPatch = try await client.send(.patch, "/v1/contacts/1", token: editor.token, json: #"{"full_name": null}"#)
            #expect(badPatch.status == .badRequest)
            #expect(try badPatch.problemFields() == ["full_name"])
        }
    }

    @Test("409 with existing_id for a duplicate e-mail; allow_duplicate adds it anyway")
    func duplicate() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KAB-DEMAK", on: service)
            let email = Unique.email()
            let first = try await Self.create(client, token: editor.token, json: #"{"full_name": "Satu", "emails": ["\#(email)"]}"#)
            let again = try await client.send(.post, "/v1/contacts", token: editor.token, json: #"{"full_name": "Dua", "emails": ["\#(email)"]}"#)
            #expect(again.status == .conflict)
            #expect(again.contentType == "application/problem+json")
            #expect(try again.object()["existing_id"] as? Int == first["id"] as? Int)
            #expect(try (again.object()["detail"] as? String)?.contains("allow_duplicate") == true)

            let allowed = try await client.send(.post, "/v1/contacts", token: editor.token,
                                                json: #"{"full_name": "Dua", "emails": ["\#(email)"], "allow_duplicate": true}"#)
            #expect(allowed.status == .created)
        }
    }

    @Test("PATCH changes only the fields sent; null clears a nullable text field; a viewer gets 403")
    func partialUpdate() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KAB-DEMAK", on: service)
            let viewer = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT-KAB-DEMAK", on: service)
            let email = Unique.email()
            let contact = try await Self.create(client, token: editor.token, json: """
                {"full_name": "Sebelum", "honorific": "Bapak", "emails": ["\(email)"], "notes": "catatan", "tags": ["a"]}
                """)
            let id = try #require(contact["id"] as? Int)

            let patched = try await client.send(.patch, "/v1/contacts/\(id)", token: editor.token,
                                                json: #"{"full_name": "Sesudah", "notes": null}"#)
            #expect(patched.status == .ok)
            let after = try patched.object()
            #expect(after["full_name"] as? String == "Sesudah")
            #expect(after["notes"] == nil)
            #expect(after["honorific"] as? String == "Bapak")
            #expect(after["emails"] as? [String] == [email])
            #expect(after["tags"] as? [String] == ["a"])

            let refused = try await client.send(.patch, "/v1/contacts/\(id)", token: viewer.token, json: #"{"notes": "x"}"#)
            #expect(refused.status == .forbidden)
            #expect(refused.contentType == "application/problem+json")
        }
    }

    @Test("POST /v1/contacts with an Idempotency-Key: the replay answers the same contact and adds none")
    func idempotentCreate() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KAB-DEMAK", on: service)
            let tag = "idem-\(Unique.suffix())"
            let body = #"{"full_name": "Sekali Saja", "emails": ["\#(Unique.email())"], "tags": ["\#(tag)"]}"#
            let key: HTTPFields = [IdempotencyTests.key: "contact-\(Unique.suffix())"]
            let first = try await client.send(.post, "/v1/contacts", token: editor.token, json: body, headers: key)
            let second = try await client.send(.post, "/v1/contacts", token: editor.token, json: body, headers: key)
            #expect(first.status == .created)
            #expect(second.status == .created)
            #expect(second.headers[IdempotencyTests.replayed] == "true")
            #expect(try second.object()["id"] as? Int == first.object()["id"] as? Int)

            let tagged = try await client.send(.get, "/v1/contacts?tag=\(tag)", token: editor.token)
            #expect(try tagged.items().count == 1)
        }
    }
}
