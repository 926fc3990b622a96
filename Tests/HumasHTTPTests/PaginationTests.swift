import Foundation
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("HTTP cursor pagination")
struct PaginationTests {
    @Test("paging through /v1/audit to the end gives every entry once, newest first, without gaps")
    func auditToTheEnd() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let admin = try await HTTPTestEnvironment.user(.admin, at: "ID-JT-KAB-BLORA", on: service)
            let session = try await service.session(token: admin.token)
            var issued: [Int64] = []
            for index in 0..<7 {
                issued.append(try await session.tokens.issue(label: "page-\(index)").token.id)
            }

            var seen: [Int] = []
            var cursor: String?
            var pages = 0
            repeat {
                let query = "/v1/audit?entity=token&limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.send(.get, query, token: admin.token)
                #expect(page.status == .ok)
                let items = try page.items()
                #expect(items.count <= 3)
                seen += items.compactMap { $0["id"] as? Int }
                cursor = try page.object()["next_cursor"] as? String
                pages += 1
            } while cursor != nil && pages < 1000

            #expect(Set(seen).count == seen.count)
            #expect(seen == seen.sorted(by: >))
            let all = try await session.audit.list(entity: "token", limit: 1000).map { Int($0.id) }.filter { $0 <= seen.first ?? 0 }
            #expect(seen == all)
            let issuedAudit = try await session.audit.list(entity: "token", limit: 1000)
                .filter { issued.contains($0.entityID ?? -1) }.map { Int($0.id) }
            #expect(issuedAudit.count == 7)
            #expect(issuedAudit.allSatisfy(seen.contains))
        }
    }

    @Test("400 naming limit or cursor when they are not valid")
    func badParameters() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let admin = try await HTTPTestEnvironment.user(.admin, at: "ID-JT-KAB-BLORA", on: service)
            for (query, field) in [("limit=0", "limit"), ("limit=501", "limit"), ("limit=x", "limit"), ("cursor=bogus", "cursor")] {
                let response = try await client.send(.get, "/v1/audit?\(query)", token: admin.token)
                #expect(response.status == .badRequest, "\(query)")
                #expect(try response.problemFields() == [field], "\(query)")
            }
        }
    }
}
