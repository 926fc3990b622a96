import Foundation
import Humas
import HumasHTTP
import HummingbirdTesting
import Testing

@Suite("HTTP /v1/campaigns")
struct CampaignRouteTests {
    @Test("a campaign the province creates is listed and shown to a kabupaten below it, with its participation; another province's office gets 404")
    func flowsDown() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let province = try await HTTPTestEnvironment.user(.editor, at: "ID-JT", on: service)
            let name = "Sosialisasi Pilkada \(Unique.suffix())"
            let created = try await client.send(.post, "/v1/campaigns", token: province.token, json: """
                {"name": "\(name)", "description": "Program triwulan", "starts_on": "2026-01-05", "ends_on": "2026-03-31"}
                """)
            #expect(created.status == .created, "\(String(buffer: created.body))")
            let campaign = try created.object()
            let id = try #require(campaign["id"] as? Int)
            #expect(campaign["unit_code"] as? String == "ID-JT" && campaign["starts_on"] as? String == "2026-01-05")

            let kabupaten = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KOTA-SEMARANG", on: service)
            let listed = try await client.send(.get, "/v1/campaigns", token: kabupaten.token)
            #expect(listed.status == .ok)
            #expect(try listed.object()["next_cursor"] is NSNull)
            #expect(try listed.items().contains { $0["id"] as? Int == id })
            let shown = try await client.send(.get, "/v1/campaigns/\(id)", token: kabupaten.token)
            #expect(shown.status == .ok)
            #expect(try shown.object()["name"] as? String == name)
            #expect(try shown.object()["participation"] as? [Any] != nil)

            let elsewhere = try await HTTPTestEnvironment.user(.editor, at: "ID-JI-KAB-SIDOARJO", on: service)
            let hidden = try await client.send(.get, "/v1/campaigns/\(id)", token: elsewhere.token)
            #expect(hidden.status == .notFound && hidden.contentType == "application/problem+json")
        }
    }

    @Test("an activity and a mailing of the campaign count in its participation and are listed by it; the same name again is 409 with existing_id; an end before the start is 400")
    func participationAndRefusals() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KOTA-SEMARANG", on: service)
            let name = "Kampanye \(Unique.suffix())"
            let created = try await client.send(.post, "/v1/campaigns", token: editor.token, json: #"{"name": "\#(name)"}"#)
            let id = try #require(try created.object()["id"] as? Int)
            _ = try await MailingFixture.draft(client, editor, list: nil, extra: #", "campaign": "\#(id)""#)
            let logged = try await client.send(.post, "/v1/interactions", token: editor.token, json: """
                {"kind": "socialization", "mode": "luring", "strategy": "partisipasi", "title": "Sosialisasi \(Unique.suffix())",
                 "starts_at": "2026-01-10T09:00:00+07:00", "campaign_id": \(id)}
                """)
            #expect(logged.status == .created, "\(String(buffer: logged.body))")
            let interaction = try #require(try logged.object()["id"] as? Int)
            let shown = try await client.send(.get, "/v1/campaigns/\(id)", token: editor.token)
            let participation = try #require(try shown.object()["participation"] as? [[String: Any]])
            #expect(participation.count == 1)
            #expect(participation.first?["unit_code"] as? String == "ID-JT-KOTA-SEMARANG")
            #expect(participation.first?["mailings"] as? Int == 1 && participation.first?["interactions"] as? Int == 1)
            let activities = try await client.send(.get, "/v1/interactions?campaign=\(id)", token: editor.token)
            #expect(try activities.items().map { $0["id"] as? Int } == [interaction])
            #expect(try activities.items().first?["campaign_id"] as? Int == id)
            let mailings = try await client.send(.get, "/v1/mailings?campaign=\(id)", token: editor.token)
            #expect(try mailings.items().count == 1)

            let again = try await client.send(.post, "/v1/campaigns", token: editor.token, json: #"{"name": "\#(name.uppercased())"}"#)
            #expect(again.status == .conflict)
            #expect(try again.object()["existing_id"] as? Int == id)
            let backwards = try await client.send(.post, "/v1/campaigns", token: editor.token, json: """
                {"name": "Mundur \(Unique.suffix())", "starts_on": "2026-02-01", "ends_on": "2026-01-01", "unit": "ID-JT-KOTA-SEMARANG"}
                """)
            #expect(backwards.status == .badRequest)
            #expect(try backwards.problemFields() == ["ends_on"])
        }
    }
}
