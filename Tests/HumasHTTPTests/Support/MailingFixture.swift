import Foundation
import HTTPTypes
import Humas
import HummingbirdTesting
import Postgres
import Testing

/// Mailings made over the API for a test: contacts with addresses on a list of their own, a
/// draft mailing to it, and what sending it recorded.
enum MailingFixture {
    /// A list of `addressed` new contacts with an e-mail and `unaddressed` without one, in that order.
    static func audience(_ client: any TestClientProtocol, _ user: TestUser, addressed: Int, unaddressed: Int = 0) async throws -> (list: Int, contacts: [Int]) {
        var contacts: [Int] = []
        for index in 0..<(addressed + unaddressed) {
            let emails = index < addressed ? #", "emails": ["\#(Unique.email("penerima"))"]"# : ""
            let made = try await client.send(.post, "/v1/contacts", token: user.token, json: """
                {"full_name": "Penerima \(Unique.suffix())", "category": "journalist"\(emails)}
                """)
            contacts.append(try #require(try made.object()["id"] as? Int, "\(String(buffer: made.body))"))
        }
        let list = try await client.send(.post, "/v1/lists", token: user.token, json: #"{"name": "Penerima \#(Unique.suffix())"}"#)
        let listID = try #require(try list.object()["id"] as? Int)
        let members = try await client.send(.post, "/v1/lists/\(listID)/members", token: user.token,
                                            json: #"{"contact_ids": \#(contacts)}"#)
        #expect(members.status == .ok, "\(String(buffer: members.body))")
        return (listID, contacts)
    }

    /// The JSON of a draft to `list`; `extra` adds fields (`, "rate_per_minute": 60`).
    static func body(list: Int?, extra: String = "") -> String {
        let audience = list.map { #", "list": "\#($0)""# } ?? ""
        return """
            {"name": "Rilis \(Unique.suffix())", "from_address": "humas@kpu-semarang.go.id",
             "subject": "Siaran Pers: {{unit}}", "text": "Yth. {{sapaan}} {{nama}}, terlampir siaran pers."\(audience)\(extra)}
            """
    }

    /// A new draft mailing to `list`; its id.
    static func draft(_ client: any TestClientProtocol, _ user: TestUser, list: Int?, extra: String = "") async throws -> Int {
        let made = try await client.send(.post, "/v1/mailings", token: user.token, json: body(list: list, extra: extra))
        #expect(made.status == .created, "\(String(buffer: made.body))")
        return try #require(try made.object()["id"] as? Int)
    }

    /// A mailing to `addressed` new contacts, sent (its deliveries queued; no worker runs in the tests).
    static func sent(_ client: any TestClientProtocol, _ user: TestUser, addressed: Int, unaddressed: Int = 0) async throws -> (mailing: Int, contacts: [Int]) {
        let audience = try await audience(client, user, addressed: addressed, unaddressed: unaddressed)
        let mailing = try await draft(client, user, list: audience.list)
        let sent = try await client.send(.post, "/v1/mailings/\(mailing)/send", token: user.token)
        #expect(sent.status == .ok, "\(String(buffer: sent.body))")
        return (mailing, audience.contacts)
    }

    /// The mailing's deliveries, every page.
    static func deliveries(_ client: any TestClientProtocol, _ user: TestUser, mailing: Int) async throws -> [[String: Any]] {
        try await client.send(.get, "/v1/mailings/\(mailing)/deliveries?limit=500", token: user.token).items()
    }

    /// Records `delivery` as sent, as a worker does once the relay took the message (no worker
    /// runs in these tests, and only a sent message can bounce).
    static func markSent(_ delivery: Int) throws {
        try superuser().execute("UPDATE humas.deliveries SET status = 'sent', sent_at = now(), attempts = 1 WHERE id = \(Int64(delivery))")
    }

    /// A connection past row-level security, for what no API shows (the opt-out links' key).
    static func superuser() throws -> PostgresConnection {
        try PostgresConnection(conninfo: HTTPTestEnvironment.target.local!.conninfo(user: "postgres", database: LocalDatabase.databaseName))
    }
}
