import Foundation
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

/// Faults an outside test found with hostile input (issue 9): each is answered 400 with the
/// field at fault, never a 500, a silent default or a message in Swift's words.
@Suite("HTTP: hostile input")
struct HostileInputTests {
    @Test("a day outside 1900–2100 is 400 naming started_on, ended_on, on or the /end body's ended_on (year 0 was a 500)")
    func daysOutOfRange() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KAB-DEMAK", on: service)
            let contact = try await Self.create(client, editor, "/v1/contacts", #"{"full_name": "Tahun Nol", "emails": ["\#(Unique.email())"]}"#)
            let outlet = try await Self.create(client, editor, "/v1/organizations", #"{"name": "Koran Nol \#(Unique.suffix())", "kind": "media_outlet"}"#)
            let other = try await Self.create(client, editor, "/v1/organizations", #"{"name": "Koran Satu \#(Unique.suffix())", "kind": "media_outlet"}"#)
            let base = #""contact_id": \#(contact), "organization_id": \#(outlet)"#
            for (body, field) in [
                ("{\(base), \"started_on\": \"0000-01-01\"}", "started_on"),
                ("{\(base), \"started_on\": \"1899-12-31\"}", "started_on"),
                ("{\(base), \"started_on\": \"2020-01-01\", \"ended_on\": \"2101-01-01\"}", "ended_on"),
            ] {
                let response = try await client.send(.post, "/v1/affiliations", token: editor.token, json: body)
                #expect(response.status == .badRequest, "\(body): \(String(buffer: response.body))")
                #expect(try response.problemFields() == [field])
            }
            let current = try await Self.create(client, editor, "/v1/affiliations", "{\(base), \"started_on\": \"1900-01-01\"}")
            let end = try await client.send(.post, "/v1/affiliations/\(current)/end", token: editor.token, json: #"{"ended_on": "0000-01-01"}"#)
            #expect(end.status == .badRequest)
            #expect(try end.problemFields() == ["ended_on"])
            let move = try await client.send(.post, "/v1/contacts/\(contact)/move", token: editor.token, json: """
                {"from_organization_id": \(outlet), "to_organization_id": \(other), "on": "0000-01-01"}
                """)
            #expect(move.status == .badRequest)
            #expect(try move.problemFields() == ["on"])
            #expect(try move.object()["detail"] as? String == "on: 0000-01-01 is outside 1900-01-01 – 2100-12-31; write the day as YYYY-MM-DD, e.g. 2024-02-14")
        }
    }

    @Test("51 tags, 11 e-mails, 11 phones or 11 social handles are 400 naming the list and its cap; 50,000 tags answer at once")
    func listCaps() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KAB-DEMAK", on: service)
            func list(_ count: Int, _ element: (Int) -> String) -> String {
                "[" + (0..<count).map { "\"\(element($0))\"" }.joined(separator: ", ") + "]"
            }
            let social = "{" + (0..<11).map { "\"net\($0)\": \"@h\($0)\"" }.joined(separator: ", ") + "}"
            for (field, value, cap) in [
                ("tags", list(51) { "t\($0)" }, 50), ("emails", list(11) { _ in Unique.email() }, 10),
                ("phones", list(11) { _ in Unique.mobile() }, 10), ("social", social, 10),
            ] {
                let response = try await client.send(.post, "/v1/contacts", token: editor.token,
                                                     json: #"{"full_name": "Banyak Sekali", "\#(field)": \#(value)}"#)
                #expect(response.status == .badRequest, "\(field): \(String(buffer: response.body))")
                #expect(try response.problemFields() == [field])
                #expect((try response.object()["detail"] as? String)?.contains("at most \(cap)") == true)
            }
            let organization = try await client.send(.post, "/v1/organizations", token: editor.token,
                                                     json: #"{"name": "Banyak Tag", "kind": "other", "tags": \#(list(51) { "t\($0)" })}"#)
            #expect(try organization.problemFields() == ["tags"])

            let started = ContinuousClock.now
            let huge = try await client.send(.post, "/v1/contacts", token: editor.token,
                                             json: #"{"full_name": "Lima Puluh Ribu", "tags": \#(list(50_000) { "t\($0)" })}"#)
            #expect(huge.status == .badRequest)
            #expect(ContinuousClock.now - started < .seconds(5))

            let fifty = list(50) { "t\($0 % 25)" }
            let kept = try await client.send(.post, "/v1/contacts", token: editor.token,
                                             json: #"{"full_name": "Tag Berulang", "tags": \#(fifty)}"#)
            #expect(kept.status == .created)
            #expect(try kept.object()["tags"] as? [String] == (0..<25).map { "t\($0)" })
        }
    }

    @Test("messages in the user's words: a list, deep nesting, bad JSON for any endpoint, a disabled user's token")
    func messages() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let admin = try await HTTPTestEnvironment.user(.admin, at: "ID-JT-KAB-DEMAK", on: service)
            let notList = try await client.send(.post, "/v1/contacts", token: admin.token, json: #"{"full_name": "A", "tags": "pemilu"}"#)
            #expect(notList.status == .badRequest)
            let detail = try #require(try notList.object()["detail"] as? String)
            #expect(detail == "tags: must be a list (a JSON array)")

            let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
            let nested = try await client.send(.post, "/v1/contacts", token: admin.token, json: deep)
            #expect(nested.status == .badRequest)
            #expect((try nested.object()["detail"] as? String)?.contains("levels deep") == true)

            let broken = try await client.send(.post, "/v1/contacts", token: admin.token, json: "{")
            #expect(broken.status == .badRequest)
            let hint = try #require(try broken.object()["detail"] as? String)
            #expect(hint.contains("not valid JSON") && !hint.contains("label"))

            let user = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT-KAB-DEMAK", on: service)
            let disabled = try await client.send(.post, "/v1/users/\(user.email)/disable", token: admin.token)
            #expect(disabled.status == .ok)
            let refused = try await client.send(.get, "/v1/me", token: user.token)
            #expect(refused.status == .unauthorized)
            #expect(try refused.object()["detail"] as? String == "the token's user is disabled; ask an admin of your office for access")

            let revoked = try await client.send(.delete, "/v1/tokens/\(admin.tokenID)", token: admin.token)
            #expect(revoked.status == .ok)
            let afterRevoke = try await client.send(.get, "/v1/me", token: admin.token)
            #expect((try afterRevoke.object()["detail"] as? String)?.hasPrefix("the token was revoked") == true)
        }
    }

    @Test("refused data: a parent cycle of any length, a second current affiliation with one organization, a website that is not http(s)")
    func refusedData() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KAB-DEMAK", on: service)
            let top = try await Self.create(client, editor, "/v1/organizations", #"{"name": "Induk \#(Unique.suffix())", "kind": "media_outlet"}"#)
            let middle = try await Self.create(client, editor, "/v1/organizations", #"{"name": "Biro \#(Unique.suffix())", "kind": "media_outlet", "parent_id": \#(top)}"#)
            let bottom = try await Self.create(client, editor, "/v1/organizations", #"{"name": "Pos \#(Unique.suffix())", "kind": "media_outlet", "parent_id": \#(middle)}"#)
            for child in [middle, bottom] {
                let cycle = try await client.send(.patch, "/v1/organizations/\(top)", token: editor.token, json: #"{"parent_id": \#(child)}"#)
                #expect(cycle.status == .badRequest, "\(String(buffer: cycle.body))")
                #expect(try cycle.problemFields() == ["parent_id"])
                #expect((try cycle.object()["detail"] as? String)?.contains("its own ancestor") == true)
            }
            let shown = try await client.send(.get, "/v1/organizations/\(top)", token: editor.token)
            #expect(try shown.object()["parent_id"] == nil || shown.object()["parent_id"] is NSNull)

            let contact = try await Self.create(client, editor, "/v1/contacts", #"{"full_name": "Dua Kali", "emails": ["\#(Unique.email())"]}"#)
            let affiliation = #"{"contact_id": \#(contact), "organization_id": \#(top)}"#
            let first = try await Self.create(client, editor, "/v1/affiliations", affiliation)
            let second = try await client.send(.post, "/v1/affiliations", token: editor.token, json: affiliation)
            #expect(second.status == .conflict)
            #expect(try second.object()["existing_id"] as? Int == first)
            #expect((try second.object()["detail"] as? String)?.contains("already at this organization") == true)

            for website in ["javascript:alert(1)", "file:///etc/passwd", "radiodemak.example", "https://"] {
                let response = try await client.send(.patch, "/v1/organizations/\(top)", token: editor.token, json: #"{"website": "\#(website)"}"#)
                #expect(response.status == .badRequest, "\(website)")
                #expect(try response.problemFields() == ["website"], "\(website)")
            }
            let good = try await client.send(.patch, "/v1/organizations/\(top)", token: editor.token, json: #"{"website": "https://radiodemak.example"}"#)
            #expect(good.status == .ok)
        }
    }

    static func create(_ client: some TestClientProtocol, _ user: TestUser, _ path: String, _ json: String) async throws -> Int {
        let response = try await client.send(.post, path, token: user.token, json: json)
        #expect(response.status == .created, "\(path): \(String(buffer: response.body))")
        return try #require(response.object()["id"] as? Int)
    }
}
