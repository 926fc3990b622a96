import Foundation
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("HTTP /v1/contacts pagination")
struct ContactPaginationTests {
    @Test("paging GET /v1/contacts to the end gives every matching contact once, in name order, without gaps")
    func toTheEnd() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KAB-BLORA", on: service)
            let tag = "page-\(Unique.suffix())"
            var created: Set<Int> = []
            // Shared names make ties that only the id can order: the cursor must resume after both.
            for index in 0..<11 {
                let contact = try await ContactRouteTests.create(client, token: editor.token, json: """
                    {"full_name": "Halaman \(index % 4)", "emails": ["\(Unique.email())"], "tags": ["\(tag)"]}
                    """)
                created.insert(try #require(contact["id"] as? Int))
            }
            for query in ["tag=\(tag)", "tag=\(tag)&q=halaman"] {
                var seen: [Int] = []
                var names: [String] = []
                var cursor: String?
                var pages = 0
                repeat {
                    let page = try await client.send(.get, "/v1/contacts?\(query)&limit=3" + (cursor.map { "&cursor=\($0)" } ?? ""), token: editor.token)
                    #expect(page.status == .ok)
                    let items = try page.items()
                    #expect(items.count <= 3)
                    seen += items.compactMap { $0["id"] as? Int }
                    names += items.compactMap { $0["full_name"] as? String }
                    cursor = try page.object()["next_cursor"] as? String
                    pages += 1
                } while cursor != nil && pages < 100
                #expect(seen.count == 11, "\(query)")
                #expect(Set(seen) == created, "\(query)")
                if query == "tag=\(tag)" { #expect(names == names.sorted(), "\(names)") }
            }
            let bogus = try await client.send(.get, "/v1/contacts?cursor=bogus", token: editor.token)
            #expect(bogus.status == .badRequest)
            #expect(try bogus.problemFields() == ["cursor"])
        }
    }
}
