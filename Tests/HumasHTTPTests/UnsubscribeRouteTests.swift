#if canImport(Crypto)
import Foundation
import HTTPTypes
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("HTTP /u/{token}: the public opt-out page")
struct UnsubscribeRouteTests {
    @Test("GET shows the page with the address partly hidden, without a bearer token; a one-click POST opts the contact out and marks the delivery")
    func oneClick() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let (editor, mailing, contact, delivery, token) = try await Self.sentLink(client, service)
            let address = try #require(delivery["address"] as? String)

            let page = try await client.send(.get, "/u/\(token)")
            #expect(page.status == .ok)
            #expect(page.contentType == "text/html; charset=utf-8")
            let html = String(buffer: page.body)
            let masked = String(address.prefix(2)) + "***" + address[address.firstIndex(of: "@")!...]
            #expect(html.contains(masked) && !html.contains(address))
            #expect(html.contains(#"<form method="post" action="/u/\#(token)">"#))
            #expect(page.headers[.cacheControl] == "no-store")

            var form = HTTPFields()
            form[.contentType] = "application/x-www-form-urlencoded"
            let confirmed = try await client.execute(uri: "/u/\(token)", method: .post, headers: form, body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
            #expect(confirmed.status == .ok)
            #expect(confirmed.contentType == "text/html; charset=utf-8")
            #expect(String(buffer: confirmed.body).contains("Anda sudah berhenti berlangganan"))

            let after = try await MailingFixture.deliveries(client, editor, mailing: mailing)
            #expect(after.first?["unsubscribed_at"] is String)
            let optedOut = try await client.send(.get, "/v1/contacts/\(contact)", token: editor.token)
            #expect(try optedOut.object()["opted_out_at"] is String)
            let counts = try await client.send(.get, "/v1/mailings/\(mailing)/status", token: editor.token)
            #expect(try counts.object()["unsubscribed"] as? Int == 1)

            let browser = try await client.execute(uri: "/u/\(token)", method: .post, headers: form, body: nil)
            #expect(browser.status == .ok, "the page's button posts an empty form; again is harmless")
            let revisit = try await client.send(.get, "/u/\(token)")
            #expect(String(buffer: revisit.body).contains("Anda sudah berhenti berlangganan"))
        }
    }

    @Test("a tampered or garbage token gets the 404 page, never a 5xx, and changes nothing")
    func notGenuine() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let (editor, mailing, _, _, token) = try await Self.sentLink(client, service)
            let last = token.last == "A" ? "B" : "A"
            let tampered = String(token.dropLast()) + last
            // Another delivery's id with this one's signature (an id no test reaches, as a fresh database starts at 1).
            let forged = try UnsubscribeLink.token(for: 987_654_321).prefix(11) + token.dropFirst(11)
            for garbage in [tampered, String(forged), "x", String(repeating: "A", count: 32), String(repeating: "z", count: 4000),
                            "%00%FF%FE", "..%2F..%2Fetc", "%E2%80%AE", "A%20B", "%"] {
                for method in [HTTPRequest.Method.get, .post] {
                    let response = try await client.send(method, "/u/\(garbage)")
                    #expect(response.status == .notFound, "\(method) \(garbage.prefix(40))")
                    #expect(response.contentType == "text/html; charset=utf-8")
                    #expect(String(buffer: response.body).contains("Tautan tidak berlaku"))
                }
            }
            let after = try await MailingFixture.deliveries(client, editor, mailing: mailing)
            #expect(after.first?["unsubscribed_at"] is NSNull)
        }
    }

    /// A mailing sent to one new contact, its delivery, and the genuine token of its opt-out link.
    static func sentLink(
        _ client: any TestClientProtocol, _ service: HumasService
    ) async throws -> (editor: TestUser, mailing: Int, contact: Int, delivery: [String: Any], token: String) {
        let editor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KOTA-SEMARANG", on: service)
        let (mailing, contacts) = try await MailingFixture.sent(client, editor, addressed: 1)
        let delivery = try #require(try await MailingFixture.deliveries(client, editor, mailing: mailing).first)
        let token = try UnsubscribeLink.token(for: Int64(try #require(delivery["id"] as? Int)))
        return (editor, mailing, contacts[0], delivery, token)
    }
}
#endif
