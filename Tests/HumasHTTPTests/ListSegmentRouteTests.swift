import Foundation
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("HTTP /v1/lists and /v1/segments")
struct ListSegmentRouteTests {
    @Test("lists: POST 201, members added and removed, GET shows members, PATCH renames, DELETE 204 then 404")
    func lists() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KAB-DEMAK", on: service)
            let contact = try await ContactRouteTests.create(client, token: editor.token,
                                                             json: #"{"full_name": "Anggota Daftar", "emails": ["\#(Unique.email())"]}"#)
            let contactID = try #require(contact["id"] as? Int)
            let name = "Undangan \(Unique.suffix())"
            let created = try await client.send(.post, "/v1/lists", token: editor.token, json: #"{"name": "\#(name)", "description": "konferensi pers"}"#)
            #expect(created.status == .created)
            let id = try #require(created.object()["id"] as? Int)
            #expect(try created.object()["member_count"] as? Int == 0)

            let added = try await client.send(.post, "/v1/lists/\(id)/members", token: editor.token, json: #"{"contact_ids": [\#(contactID)]}"#)
            #expect(added.status == .ok)
            #expect(try added.object()["changed"] as? Int == 1)
            let shown = try await client.send(.get, "/v1/lists/\(id)", token: editor.token)
            #expect(try (shown.object()["members"] as? [[String: Any]])?.map { $0["contact_id"] as? Int } == [contactID])
            #expect(try await client.send(.get, "/v1/lists", token: editor.token).items().contains { $0["id"] as? Int == id })

            let unknown = try await client.send(.post, "/v1/lists/\(id)/members", token: editor.token, json: #"{"contact_ids": [999999999]}"#)
            #expect(unknown.status == .notFound)
            let removed = try await client.send(.delete, "/v1/lists/\(id)/members/\(contactID)", token: editor.token)
            #expect(removed.status == .ok)
            #expect(try removed.object()["changed"] as? Int == 1)

            let renamed = try await client.send(.patch, "/v1/lists/\(id)", token: editor.token, json: #"{"name": "\#(name) baru"}"#)
            #expect(try renamed.object()["name"] as? String == "\(name) baru")
            #expect(try await client.send(.delete, "/v1/lists/\(id)", token: editor.token).status == .noContent)
            #expect(try await client.send(.get, "/v1/lists/\(id)", token: editor.token).status == .notFound)
        }
    }

    @Test("segments: POST 201 with a filter, GET /contacts resolves it live, a bad filter names filter.<field>, DELETE 204")
    func segments() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KAB-DEMAK", on: service)
            let tag = "seg-\(Unique.suffix())"
            for index in 0..<3 {
                _ = try await ContactRouteTests.create(client, token: editor.token, json: """
                    {"full_name": "Segmen \(index)", "category": "journalist", "emails": ["\(Unique.email())"], "tags": ["\(tag)"]}
                    """)
            }
            let created = try await client.send(.post, "/v1/segments", token: editor.token, json: """
                {"name": "Segmen \(tag)", "filter": {"tag": "\(tag)", "category": "journalist", "has_email": true}}
                """)
            #expect(created.status == .created, "\(String(buffer: created.body))")
            let id = try #require(created.object()["id"] as? Int)
            #expect(try (created.object()["filter"] as? [String: Any])?["has_email"] as? Bool == true)
            #expect(try await client.send(.get, "/v1/segments/\(id)", token: editor.token).status == .ok)
            #expect(try await client.send(.get, "/v1/segments", token: editor.token).items().contains { $0["id"] as? Int == id })

            var seen: [Int] = []
            var cursor: String?
            repeat {
                let page = try await client.send(.get, "/v1/segments/\(id)/contacts?limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""), token: editor.token)
                #expect(page.status == .ok)
                #expect(try page.object()["total"] as? Int == 3)
                seen += try page.items().compactMap { $0["contact_id"] as? Int }
                cursor = try page.object()["next_cursor"] as? String
            } while cursor != nil && seen.count < 10
            #expect(Set(seen).count == 3 && seen.count == 3)

            for (filter, field) in [(#"{"category": "wartawan"}"#, "filter.category"), (#"{"kategori": "x"}"#, "filter.kategori")] {
                let bad = try await client.send(.post, "/v1/segments", token: editor.token, json: #"{"name": "Salah", "filter": \#(filter)}"#)
                #expect(bad.status == .badRequest, "\(filter)")
                #expect(try bad.problemFields() == [field], "\(filter)")
            }
            #expect(try await client.send(.delete, "/v1/segments/\(id)", token: editor.token).status == .noContent)
            #expect(try await client.send(.get, "/v1/segments/\(id)/contacts", token: editor.token).status == .notFound)
        }
    }
}
