import Foundation
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import Testing

@Suite("HTTP /v1/interactions, /v1/followups, timelines and the agenda feed")
struct InteractionRouteTests {
    static let semarang = "ID-JT-KOTA-SEMARANG"

    @Test("an operator logs last week's press conference with its journalists, adds a follow-up, reads the journalist's history")
    func pressConference() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: Self.semarang, on: service)
            let contact = try await Self.contact(client, editor)
            let title = "Konferensi pers \(Unique.suffix())"
            let logged = try await client.send(.post, "/v1/interactions", token: editor.token, json: """
                {"kind": "press_conference", "mode": "luring", "strategy": "informasi", "title": "\(title)",
                 "starts_at": "2025-10-14T09:00:00+07:00", "ends_at": "2025-10-14T11:00:00+07:00",
                 "place": "Media center", "contact_ids": [\(contact)], "attended": true}
                """)
            #expect(logged.status == .created, "\(String(buffer: logged.body))")
            let interaction = try logged.object()
            let id = try #require(interaction["id"] as? Int)
            #expect(interaction["starts_at"] as? String == "2025-10-14T09:00:00+07:00")
            #expect(interaction["status"] as? String == "done")
            #expect(interaction["attended_count"] as? Int == 1)

            let followup = try await client.send(.post, "/v1/followups", token: editor.token, json: """
                {"interaction_id": \(id), "action": "Kirim rilis", "assignee": "\(editor.email)", "due_on": "2025-10-16"}
                """)
            #expect(followup.status == .created, "\(String(buffer: followup.body))")
            let due = try await client.send(.get, "/v1/followups?due=true&mine=true", token: editor.token)
            #expect(try due.items().map { $0["action"] as? String } == ["Kirim rilis"])
            let followupID = try #require(try followup.object()["id"] as? Int)
            let done = try await client.send(.post, "/v1/followups/\(followupID)/done", token: editor.token, json: "{}")
            #expect(try done.object()["is_done"] as? Bool == true)

            let timeline = try await client.send(.get, "/v1/contacts/\(contact)/timeline", token: editor.token)
            #expect(timeline.status == .ok)
            let entries = try timeline.items()
            #expect(entries.first?["interaction_id"] as? Int == id && entries.first?["attended"] as? Bool == true)
            #expect(entries.first?["at"] as? String == "2025-10-14T09:00:00+07:00")

            let listed = try await client.send(.get, "/v1/interactions?quarter=2025-Q4&strategy=informasi&contact=\(contact)", token: editor.token)
            #expect(try listed.items().map { $0["id"] as? Int } == [id])
            let patched = try await client.send(.patch, "/v1/interactions/\(id)", token: editor.token, json: #"{"outcome": "12 media memuat berita"}"#)
            #expect(try patched.object()["outcome"] as? String == "12 media memuat berita")
        }
    }

    @Test("bad input is a problem+json listing every invalid field; a time without an offset names starts_at; nothing is written")
    func badInput() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: Self.semarang, on: service)
            let title = "Salah \(Unique.suffix())"
            let many = try await client.send(.post, "/v1/interactions", token: editor.token, json: """
                {"kind": "presser", "mode": "luring", "strategy": "info", "title": "\(title)",
                 "starts_at": "2025-10-14T09:00:00+07:00", "ends_at": "2025-10-14T08:00:00+07:00"}
                """)
            #expect(many.status == .badRequest)
            #expect(many.headers[.contentType] == "application/problem+json")
            #expect(try many.problemFields() == ["kind", "strategy", "ends_at"])
            let bare = try await client.send(.post, "/v1/interactions", token: editor.token, json: """
                {"kind": "call", "mode": "daring", "strategy": "jejaring", "title": "\(title)", "starts_at": "2025-10-14 09:00"}
                """)
            #expect(bare.status == .badRequest)
            #expect(try bare.problemFields() == ["starts_at"])
            let agenda = try await client.send(.get, "/v1/agenda.ics?from=2025-01-01&to=2026-01-02", token: editor.token)
            #expect(agenda.status == .badRequest)
            #expect(try agenda.problemFields() == ["to"])
            let loose = try await client.send(.post, "/v1/interactions", token: editor.token, json: """
                {"kind": "Call", "mode": "daring", "strategy": "jejaring", "title": "\(title)",
                 "starts_at": "2025-10-14T09:00:00+07:00", "participant_role": "boss"}
                """)
            #expect(try loose.problemFields() == ["kind", "participant_role"], "the API takes the documented values exactly")
            let unknown = try await client.send(.get, "/v1/interactions?strategy=info", token: editor.token)
            #expect(try unknown.problemFields() == ["strategy"])
            let none = try await client.send(.get, "/v1/interactions?limit=500", token: editor.token)
            #expect(try none.items().filter { ($0["title"] as? String) == title }.isEmpty)
        }
    }

    @Test("GET /v1/agenda.ics?token= answers text/calendar without an Authorization header; a bad token is 401")
    func calendarSubscription() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: Self.semarang, on: service)
            let title = "Sosialisasi \(Unique.suffix())"
            let planned = try await client.send(.post, "/v1/interactions", token: editor.token, json: """
                {"kind": "socialization", "mode": "luring", "strategy": "partisipasi", "title": "\(title)",
                 "starts_at": "2099-02-10T13:00:00+07:00"}
                """)
            let id = try #require(try planned.object()["id"] as? Int)
            let feed = try await client.send(.get, "/v1/agenda.ics?from=2099-02-01&to=2099-02-28&token=\(editor.token)")
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType] == "text/calendar; charset=utf-8")
            let text = String(buffer: feed.body)
            #expect(text.contains("UID:interaction-\(id)@humas.kpu.go.id\r\n") && text.contains("DTSTART:20990210T060000Z\r\n"))
            let refused = try await client.send(.get, "/v1/agenda.ics?from=2099-02-01&to=2099-02-28&token=humas_nope")
            #expect(refused.status == .unauthorized)
            let elsewhere = try await client.send(.get, "/v1/interactions?token=\(editor.token)")
            #expect(elsewhere.status == .unauthorized, "only the calendar feed takes a token in the query")
        }
    }

    @Test("over HTTP: the owner's subtree reads an activity; a sibling and a cousin get 404; an ancestor's editor may change it, a co-organizer only read it")
    func accessMatrix() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let owner = try await HTTPTestEnvironment.user(.editor, at: Self.semarang, on: service)
            let logged = try await client.send(.post, "/v1/interactions", token: owner.token, json: """
                {"kind": "visit", "mode": "luring", "strategy": "jejaring", "title": "Kunjungan \(Unique.suffix())",
                 "starts_at": "2025-11-03T10:00:00+07:00", "coorganizers": ["ID-JT-KAB-KENDAL"]}
                """)
            let id = try #require(try logged.object()["id"] as? Int)
            for (unit, status) in [("ID", 200), ("ID-JT", 200), (Self.semarang, 200), ("ID-JT-KAB-DEMAK", 404),
                                   ("ID-JI-KAB-SIDOARJO", 404), ("ID-JT-KAB-KENDAL", 200)] {
                let reader = try await HTTPTestEnvironment.user(.editor, at: unit, on: service)
                let read = try await client.send(.get, "/v1/interactions/\(id)", token: reader.token)
                #expect(Int(read.status.code) == status, "\(unit) reading")
                let participants = try await client.send(.get, "/v1/interactions/\(id)/participants", token: reader.token)
                #expect(Int(participants.status.code) == status, "\(unit) reading participants")
                if status == 200 {
                    let change = try await client.send(.post, "/v1/interactions/\(id)/cancel", token: reader.token, json: #"{"reason": "uji"}"#)
                    let expected = unit == "ID-JT-KAB-KENDAL" ? 403 : 200
                    #expect(Int(change.status.code) == expected, "\(unit) changing: \(String(buffer: change.body))")
                    if change.status == .ok {
                        _ = try await client.send(.patch, "/v1/interactions/\(id)", token: owner.token, json: #"{"status": "planned"}"#)
                    }
                }
            }
        }
    }

    @Test("POST /v1/interactions with an Idempotency-Key logs once: the retry gets the same activity, replayed")
    func idempotentLog() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: Self.semarang, on: service)
            let body = """
                {"kind": "press_release", "mode": "daring", "strategy": "informasi", "title": "Rilis \(Unique.suffix())",
                 "starts_at": "2025-10-15T10:00:00+07:00"}
                """
            var headers = HTTPFields()
            headers[HTTPField.Name("Idempotency-Key")!] = "rilis-\(Unique.suffix())"
            let first = try await client.send(.post, "/v1/interactions", token: editor.token, json: body, headers: headers)
            let retry = try await client.send(.post, "/v1/interactions", token: editor.token, json: body, headers: headers)
            #expect(first.status == .created && retry.status == .created)
            #expect(try first.object()["id"] as? Int == retry.object()["id"] as? Int)
            #expect(retry.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
        }
    }

    /// A contact of the caller's unit, made over the API.
    static func contact(_ client: any TestClientProtocol, _ user: TestUser) async throws -> Int {
        let response = try await client.send(.post, "/v1/contacts", token: user.token, json: """
            {"full_name": "Wartawan \(Unique.suffix())", "category": "journalist", "emails": ["\(Unique.email())"]}
            """)
        return try #require(try response.object()["id"] as? Int)
    }
}
