import Foundation
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

/// Leak 1 of issue 9 over HTTP: crafted, altered and foreign cursors are a 400 problem naming
/// `cursor`, and real cursors still page through. Fails on the old code, which took any
/// base64url `score:id` and started the listing where the hidden row's name sorts.
@Suite("HTTP page cursors: signed and bound")
struct CursorRouteTests {
    static func oldStyle(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    @Test("a sibling's forged, altered and foreign cursors are 400; real ones page through every visible contact once")
    func contactCursors() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let tag = "hc-\(Unique.suffix())"
            let semarang = try await service.session(email: try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KOTA-SEMARANG", on: service).email)
            var hidden: [Int64] = []
            for name in ["Abdul Halaman Rahasia", "Zaki Halaman Rahasia"] {
                var contact = NewContact(fullName: name)
                contact.tags = [tag]
                hidden.append(try await semarang.contacts.add(contact).id)
            }
            let demak = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KAB-DEMAK", on: service)
            let surabaya = try await HTTPTestEnvironment.user(.editor, at: "ID-JI-KOTA-SURABAYA", on: service)
            var visible: Set<Int> = []
            for name in ["Budi Halaman", "Budi Halaman", "Made Halaman", "Made Halaman", "Yusuf Halaman"] {
                let contact = try await ContactRouteTests.create(client, token: demak.token, json: """
                    {"full_name": "\(name)", "tags": ["\(tag)"]}
                    """)
                visible.insert(try #require(contact["id"] as? Int))
            }
            func get(_ query: String, _ token: String = demak.token) async throws -> TestResponse {
                try await client.send(.get, "/v1/contacts?\(query)", token: token)
            }
            func expectRefused(_ response: TestResponse, _ note: String) throws {
                #expect(response.status == .badRequest, "\(note)")
                #expect(response.contentType == "application/problem+json", "\(note)")
                #expect(try response.problemFields() == ["cursor"], "\(note)")
            }
            for query in ["tag=\(tag)", "tag=\(tag)&q=halaman"] {
                for id in hidden {
                    for forged in [Self.oldStyle("0.0:\(id)"), Self.oldStyle("v1:\(id)")] {
                        try expectRefused(try await get("\(query)&limit=10&cursor=\(forged)"), "\(query), hidden \(id)")
                    }
                }
                var seen: [Int] = []
                var cursor: String?
                repeat {
                    let page = try await get("\(query)&limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""))
                    #expect(page.status == .ok)
                    seen += try page.items().compactMap { $0["id"] as? Int }
                    cursor = try page.object()["next_cursor"] as? String
                } while cursor != nil && seen.count < 50
                #expect(seen.count == visible.count && Set(seen) == visible, "\(query)")
            }
            let cursor = try #require(try await get("tag=\(tag)&limit=2").object()["next_cursor"] as? String)
            let payloadEnd = try #require(cursor.firstIndex(of: "."))
            let altered = Self.oldStyle("0:\(hidden[1]):zaki halaman rahasia") + String(cursor[payloadEnd...])
            try expectRefused(try await get("tag=\(tag)&limit=2&cursor=\(altered)"), "altered")
            try expectRefused(try await get("tag=\(tag)&limit=2&cursor=\(cursor.dropLast(2))"), "truncated")
            try expectRefused(try await get("tag=\(tag)&limit=2&cursor=\(cursor)", surabaya.token), "another user's")
            try expectRefused(try await get("tag=\(tag)&category=journalist&limit=2&cursor=\(cursor)"), "other filters")
            try expectRefused(try await get("tag=\(tag)&q=budi&limit=2&cursor=\(cursor)"), "other text")
            let organizations = try await client.send(.get, "/v1/organizations?cursor=\(cursor)", token: demak.token)
            try expectRefused(organizations, "another listing")
            let long = String(repeating: "Q", count: 64)
            let echoed = try await get("tag=\(tag)&cursor=\(long)")
            try expectRefused(echoed, "made up")
            #expect(!String(decoding: Data(echoed.body.readableBytesView), as: UTF8.self).contains(String(repeating: "Q", count: 13)))
        }
    }

    @Test("audit and segment cursors are signed too: an old-style one is 400")
    func otherListings() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let admin = try await HTTPTestEnvironment.user(.admin, at: "ID-JT-KAB-DEMAK", on: service)
            let audit = try await client.send(.get, "/v1/audit?cursor=\(Self.oldStyle("v1:999999999"))", token: admin.token)
            #expect(audit.status == .badRequest)
            #expect(try audit.problemFields() == ["cursor"])
            let session = try await service.session(email: admin.email)
            _ = try await session.lists.create(name: "Audit \(Unique.suffix())")
            _ = try await session.lists.create(name: "Audit \(Unique.suffix())")
            let first = try await client.send(.get, "/v1/audit?limit=1", token: admin.token)
            let next = try #require(try first.object()["next_cursor"] as? String)
            let second = try await client.send(.get, "/v1/audit?limit=1&cursor=\(next)", token: admin.token)
            #expect(second.status == .ok)
            #expect(try second.items().first?["id"] as? Int != (try first.items().first?["id"] as? Int))
            let segment = try await session.segments.create(name: "Segmen \(Unique.suffix())", filter: SegmentFilter(category: "journalist"))
            let forged = try await client.send(.get, "/v1/segments/\(segment.id)/contacts?cursor=\(Self.oldStyle("v1:0.0:1"))", token: admin.token)
            #expect(forged.status == .badRequest)
            #expect(try forged.problemFields() == ["cursor"])
        }
    }
}
