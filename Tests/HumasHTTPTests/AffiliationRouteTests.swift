import Foundation
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("HTTP /v1/affiliations and /v1/contacts/{id}/move")
struct AffiliationRouteTests {
    @Test("POST /v1/affiliations 201; POST /v1/contacts/{id}/move ends it and starts another; POST …/end ends that one")
    func affiliateMoveEnd() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KAB-DEMAK", on: service)
            func create(_ path: String, _ json: String) async throws -> Int {
                let response = try await client.send(.post, path, token: editor.token, json: json)
                #expect(response.status == .created, "\(path): \(String(buffer: response.body))")
                return try #require(response.object()["id"] as? Int)
            }
            let contact = try await create("/v1/contacts", #"{"full_name": "Pindah Kerja", "emails": ["\#(Unique.email())"]}"#)
            let from = try await create("/v1/organizations", #"{"name": "Koran Lama \#(Unique.suffix())", "kind": "media_outlet"}"#)
            let to = try await create("/v1/organizations", #"{"name": "Portal Baru \#(Unique.suffix())", "kind": "media_outlet"}"#)

            let joined = try await client.send(.post, "/v1/affiliations", token: editor.token, json: """
                {"contact_id": \(contact), "organization_id": \(from), "title": "Wartawan", "beat": "Pemilu", "started_on": "2020-01-06"}
                """)
            #expect(joined.status == .created)
            let first = try joined.object()
            #expect(first["started_on"] as? String == "2020-01-06")
            #expect(first["beat"] as? String == "pemilu")
            #expect(first["is_current"] as? Bool == true)

            let moved = try await client.send(.post, "/v1/contacts/\(contact)/move", token: editor.token, json: """
                {"from_organization_id": \(from), "to_organization_id": \(to), "on": "2024-06-01", "title": "Redaktur"}
                """)
            #expect(moved.status == .ok, "\(String(buffer: moved.body))")
            let ended = try #require(moved.object()["ended"] as? [String: Any])
            let started = try #require(moved.object()["started"] as? [String: Any])
            #expect(ended["ended_on"] as? String == "2024-06-01")
            #expect(started["organization_id"] as? Int == to)
            #expect(started["title"] as? String == "Redaktur")
            #expect(started["beat"] as? String == "pemilu")

            let startedID = try #require(started["id"] as? Int)
            let finished = try await client.send(.post, "/v1/affiliations/\(startedID)/end", token: editor.token, json: #"{"ended_on": "2025-01-31"}"#)
            #expect(finished.status == .ok)
            #expect(try finished.object()["is_current"] as? Bool == false)

            let history = try await client.send(.get, "/v1/contacts/\(contact)", token: editor.token)
            #expect(try (history.object()["affiliations"] as? [Any])?.count == 2)

            let badMove = try await client.send(.post, "/v1/contacts/\(contact)/move", token: editor.token, json: """
                {"from_organization_id": \(from), "to_organization_id": \(to), "on": "2025-02-01"}
                """)
            #expect(badMove.status == .badRequest)
            #expect(try badMove.problemFields() == ["from_organization_id"])
            let badDate = try await client.send(.post, "/v1/affiliations/\(startedID)/end", token: editor.token, json: #"{"ended_on": "31-01-2025"}"#)
            #expect(badDate.status == .badRequest)
            #expect(try badDate.problemFields() == ["ended_on"])
        }
    }
}
