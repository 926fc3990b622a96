import Foundation
import HTTPTypes
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("HTTP /v1/mailings")
struct MailingRouteTests {
    static let semarang = "ID-JT-KOTA-SEMARANG"

    #if canImport(Crypto)
    @Test("a mailing created with a base64 attachment reports the same bytes back (size and sha256)")
    func attachmentRoundTrip() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: Self.semarang, on: service)
            let bytes = (0..<3000).map { _ in UInt8.random(in: 0...255) }
            let created = try await client.send(.post, "/v1/mailings", token: editor.token, json: MailingFixture.body(list: nil, extra: """
                , "attachments": [{"filename": "siaran-pers.pdf", "data_base64": "\(Data(bytes).base64EncodedString())"}]
                """))
            #expect(created.status == .created, "\(String(buffer: created.body))")
            let mailing = try created.object()
            #expect(mailing["status"] as? String == "draft")
            let attachment = try #require((mailing["attachments"] as? [[String: Any]])?.first)
            #expect(attachment["filename"] as? String == "siaran-pers.pdf" && attachment["content_type"] as? String == "application/pdf")
            #expect(attachment["size"] as? Int == bytes.count)
            #expect(attachment["sha256"] as? String == UnsubscribeLink.sha256(bytes))
        }
    }
    #endif

    @Test("invalid input is one problem+json naming every field: an unknown merge field, a bad sender, an attachment over 10 MB; nothing is written")
    func everyInvalidField() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: Self.semarang, on: service)
            let name = "Salah \(Unique.suffix())"
            let huge = Data(count: 10 * 1024 * 1024 + 1).base64EncodedString()
            let refused = try await client.send(.post, "/v1/mailings", token: editor.token, json: """
                {"name": "\(name)", "from_address": "humas-at-kpu", "subject": "Yth. {{nma}}", "text": "Isi",
                 "attachments": [{"filename": "video.mp4", "data_base64": "\(huge)"}]}
                """)
            #expect(refused.status == .badRequest)
            #expect(refused.contentType == "application/problem+json")
            #expect(try refused.problemFields() == ["from_address", "subject", "attachments[0]"])
            let listed = try await client.send(.get, "/v1/mailings", token: editor.token)
            #expect(try listed.items().allSatisfy { $0["name"] as? String != name })

            let unknown = try await client.send(.post, "/v1/mailings", token: editor.token, json: MailingFixture.body(list: nil, extra: """
                , "attachments": [{"filename": "a.pdf", "data": "AA=="}], "sender": "x"
                """))
            #expect(try unknown.problemFields() == ["sender"])
            let nested = try await client.send(.post, "/v1/mailings", token: editor.token, json: MailingFixture.body(list: nil, extra: """
                , "attachments": [{"filename": "a.pdf", "data_base64": "AA==", "size": 1}]
                """))
            #expect(try nested.problemFields() == ["attachments[0].size"])
            let notBase64 = try await client.send(.post, "/v1/mailings", token: editor.token, json: MailingFixture.body(list: nil, extra: """
                , "attachments": [{"filename": "a.pdf", "data_base64": "bukan base64!"}]
                """))
            #expect(try notBase64.problemFields() == ["attachments[0].data_base64"])
        }
    }

    @Test("scheduled_at without an offset is refused naming it; with one it is kept, and PATCH null clears the rate and unschedules")
    func schedule() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: Self.semarang, on: service)
            let bare = try await client.send(.post, "/v1/mailings", token: editor.token,
                                             json: MailingFixture.body(list: nil, extra: #", "scheduled_at": "2099-03-01 09:00""#))
            #expect(bare.status == .badRequest)
            #expect(try bare.problemFields() == ["scheduled_at"])
            let loose = try await client.send(.get, "/v1/mailings?status=Draft", token: editor.token)
            #expect(try loose.problemFields() == ["status"], "the API takes the documented values exactly")

            let id = try await MailingFixture.draft(client, editor, list: nil,
                                                    extra: #", "scheduled_at": "2099-03-01T09:00:00+07:00", "rate_per_minute": 60"#)
            let shown = try await client.send(.get, "/v1/mailings/\(id)", token: editor.token)
            #expect(try shown.object()["scheduled_at"] as? String == "2099-03-01T09:00:00+07:00")
            #expect(try shown.object()["rate_per_minute"] as? Int == 60)
            let cleared = try await client.send(.patch, "/v1/mailings/\(id)", token: editor.token,
                                                json: #"{"rate_per_minute": null, "scheduled_at": null, "subject": "Ralat: {{unit}}"}"#)
            #expect(cleared.status == .ok, "\(String(buffer: cleared.body))")
            let mailing = try cleared.object()
            #expect(mailing["rate_per_minute"] is NSNull && mailing["scheduled_at"] is NSNull)
            #expect(mailing["subject"] as? String == "Ralat: {{unit}}")
            let nothing = try await client.send(.patch, "/v1/mailings/\(id)", token: editor.token, json: "{}")
            #expect(try nothing.problemFields() == ["changes"])
        }
    }

    @Test("PATCH adds and removes attachments; an unknown one to remove names remove_attachments")
    func editAttachments() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: Self.semarang, on: service)
            let id = try await MailingFixture.draft(client, editor, list: nil)
            let added = try await client.send(.patch, "/v1/mailings/\(id)", token: editor.token, json: """
                {"attachments": [{"filename": "undangan.txt", "content_type": "text/plain", "data_base64": "\(Data("Undangan".utf8).base64EncodedString())"}]}
                """)
            #expect(try (added.object()["attachments"] as? [[String: Any]])?.map { $0["filename"] as? String } == ["undangan.txt"])
            let missing = try await client.send(.patch, "/v1/mailings/\(id)", token: editor.token, json: #"{"remove_attachments": ["lain.pdf"]}"#)
            #expect(try missing.problemFields() == ["remove_attachments"])
            let removed = try await client.send(.patch, "/v1/mailings/\(id)", token: editor.token, json: #"{"remove_attachments": ["undangan.txt"]}"#)
            #expect(try (removed.object()["attachments"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("send records a delivery per recipient; deliveries are cursor-paged by status; /status counts them; preview renders for a contact")
    func sendAndDeliveries() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: Self.semarang, on: service)
            let (mailing, contacts) = try await MailingFixture.sent(client, editor, addressed: 3, unaddressed: 1)
            let status = try await client.send(.get, "/v1/mailings/\(mailing)/status", token: editor.token)
            let counts = try status.object()
            #expect(counts["total"] as? Int == 4 && counts["queued"] as? Int == 3 && counts["skipped"] as? Int == 1)

            let first = try await client.send(.get, "/v1/mailings/\(mailing)/deliveries?status=queued&limit=2", token: editor.token)
            #expect(first.status == .ok)
            #expect(try first.items().count == 2)
            let cursor = try #require(try first.object()["next_cursor"] as? String)
            let second = try await client.send(.get, "/v1/mailings/\(mailing)/deliveries?status=queued&limit=2&cursor=\(cursor)", token: editor.token)
            #expect(try second.items().count == 1)
            #expect(try second.object()["next_cursor"] is NSNull)
            let queued = try (first.items() + second.items()).compactMap { $0["contact_id"] as? Int }
            #expect(queued == Array(contacts.prefix(3)))
            let otherQuery = try await client.send(.get, "/v1/mailings/\(mailing)/deliveries?status=skipped&cursor=\(cursor)", token: editor.token)
            #expect(try otherQuery.problemFields() == ["cursor"], "a cursor is bound to its query")
            let skipped = try await client.send(.get, "/v1/mailings/\(mailing)/deliveries?status=skipped", token: editor.token)
            #expect(try skipped.items().map { $0["skip_reason"] as? String } == ["no_email"])

            let preview = try await client.send(.get, "/v1/mailings/\(mailing)/preview?contact=\(contacts[0])", token: editor.token)
            #expect(preview.status == .ok, "\(String(buffer: preview.body))")
            let rendered = try #require(try preview.object()["rendered"] as? [String: Any])
            #expect((rendered["subject"] as? String)?.hasPrefix("Siaran Pers: ") == true)
            #expect((try preview.object()["to"] as? String)?.hasSuffix("@media.example") == true)
            let again = try await client.send(.post, "/v1/mailings/\(mailing)/send", token: editor.token)
            #expect(try again.problemFields() == ["status"])
        }
    }

    @Test("pause, resume and cancel move the status; cancelling cancels the queued deliveries; a cancelled mailing cannot be paused")
    func statusTransitions() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: Self.semarang, on: service)
            let (mailing, _) = try await MailingFixture.sent(client, editor, addressed: 2)
            for (action, status) in [("pause", "paused"), ("resume", "sending"), ("pause", "paused"), ("cancel", "cancelled")] {
                let changed = try await client.send(.post, "/v1/mailings/\(mailing)/\(action)", token: editor.token)
                #expect(changed.status == .ok, "\(action): \(String(buffer: changed.body))")
                #expect(try changed.object()["status"] as? String == status, "\(action)")
            }
            let shown = try await client.send(.get, "/v1/mailings/\(mailing)", token: editor.token)
            let deliveries = try #require(try shown.object()["deliveries"] as? [String: Any])
            #expect(deliveries["cancelled"] as? Int == 2 && deliveries["queued"] as? Int == 0)
            let refused = try await client.send(.post, "/v1/mailings/\(mailing)/pause", token: editor.token)
            #expect(refused.status == .badRequest)
            #expect(try refused.problemFields() == ["status"])
            let retried = try await client.send(.post, "/v1/mailings/\(mailing)/retry-failed", token: editor.token)
            #expect(try retried.problemFields() == ["status"])
        }
    }

    @Test("retry-failed answers how many were queued again, with the mailing")
    func retryFailed() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: Self.semarang, on: service)
            let (mailing, _) = try await MailingFixture.sent(client, editor, addressed: 1)
            let retried = try await client.send(.post, "/v1/mailings/\(mailing)/retry-failed", token: editor.token)
            #expect(retried.status == .ok, "\(String(buffer: retried.body))")
            #expect(try retried.object()["requeued"] as? Int == 0)
            #expect(try (retried.object()["mailing"] as? [String: Any])?["id"] as? Int == mailing)
        }
    }

    @Test("a mailing is read in its owner's subtree only: the owner and its ancestors; a sibling kabupaten, another province and a descendant get 404")
    func ownersSubtree() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let owner = try await HTTPTestEnvironment.user(.editor, at: Self.semarang, on: service)
            let kota = try await MailingFixture.draft(client, owner, list: nil)
            let provinceEditor = try await HTTPTestEnvironment.user(.editor, at: "ID-JT", on: service)
            let provincial = try await MailingFixture.draft(client, provinceEditor, list: nil)
            for (unit, kotaStatus, provinceStatus) in [("ID", 200, 200), ("ID-JT", 200, 200), (Self.semarang, 200, 404),
                                                       ("ID-JT-KAB-DEMAK", 404, 404), ("ID-JI-KAB-SIDOARJO", 404, 404)] {
                let reader = try await HTTPTestEnvironment.user(.editor, at: unit, on: service)
                for (id, expected) in [(kota, kotaStatus), (provincial, provinceStatus)] {
                    for path in ["", "/status", "/deliveries", "/preview"] {
                        let read = try await client.send(.get, "/v1/mailings/\(id)\(path)", token: reader.token)
                        #expect(Int(read.status.code) == expected, "\(unit) GET mailing \(id)\(path)")
                    }
                    let listed = try await client.send(.get, "/v1/mailings", token: reader.token)
                    #expect(try listed.items().contains { $0["id"] as? Int == id } == (expected == 200), "\(unit) listing")
                }
                if kotaStatus == 404 {
                    let send = try await client.send(.post, "/v1/mailings/\(kota)/send", token: reader.token)
                    #expect(send.status == .notFound, "\(unit) sending another office's mailing")
                }
            }
            let viewer = try await HTTPTestEnvironment.user(.viewer, at: Self.semarang, on: service)
            let refused = try await client.send(.post, "/v1/mailings", token: viewer.token, json: MailingFixture.body(list: nil))
            #expect(refused.status == .forbidden)
        }
    }

    @Test("POST /v1/bounces with an RFC 3464 report naming a delivery's Message-ID bounces it; a malformed report is 422 naming body; another type is 415")
    func bounce() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: Self.semarang, on: service)
            let (mailing, _) = try await MailingFixture.sent(client, editor, addressed: 2)
            let delivery = try #require(try await MailingFixture.deliveries(client, editor, mailing: mailing).first)
            let messageID = try #require(delivery["message_id"] as? String)
            let address = try #require(delivery["address"] as? String)
            try MailingFixture.markSent(try #require(delivery["id"] as? Int))
            let report = Self.report(messageID: messageID, address: address)
            var headers = HTTPFields()
            headers[.contentType] = "message/rfc822"
            let imported = try await client.execute(uri: "/v1/bounces", method: .post, headers: Self.authorized(editor, headers), body: ByteBuffer(string: report))
            #expect(imported.status == .ok, "\(String(buffer: imported.body))")
            let outcome = try imported.object()
            #expect(outcome["reports"] as? Int == 1 && outcome["bounced"] as? Int == 1)
            #expect((outcome["unmatched"] as? [Any])?.isEmpty == true)
            let after = try await MailingFixture.deliveries(client, editor, mailing: mailing)
            #expect(after.first { $0["id"] as? Int == delivery["id"] as? Int }?["status"] as? String == "bounced")

            let malformed = try await client.execute(uri: "/v1/bounces", method: .post, headers: Self.authorized(editor, headers),
                                                     body: ByteBuffer(string: "Subject: halo\r\n\r\nbukan laporan\r\n"))
            #expect(malformed.status == .unprocessableContent)
            #expect(malformed.contentType == "application/problem+json")
            #expect(try malformed.problemFields() == ["body"])
            headers[.contentType] = "application/json"
            let json = try await client.execute(uri: "/v1/bounces", method: .post, headers: Self.authorized(editor, headers), body: ByteBuffer(string: report))
            #expect(json.status == .unsupportedMediaType)
        }
    }

    @Test("POST /v1/mailings/{id}/test without HUMAS_SMTP_URL on the server is a 503 problem")
    func testWithoutRelay() async throws {
        guard ProcessInfo.processInfo.environment["HUMAS_SMTP_URL"] == nil else { return }
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: Self.semarang, on: service)
            let id = try await MailingFixture.draft(client, editor, list: nil)
            let test = try await client.send(.post, "/v1/mailings/\(id)/test", token: editor.token, json: #"{"to": "saya@kpu-semarang.go.id"}"#)
            #expect(test.status == .serviceUnavailable)
            #expect(test.contentType == "application/problem+json")
            #expect(String(buffer: test.body).contains("HUMAS_SMTP_URL"))
        }
    }

    @Test("a mailing with a 3 MB attachment goes past the 1 MiB limit of other routes, and an Idempotency-Key retry replays it")
    func largeIdempotentUpload() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let editor = try await HTTPTestEnvironment.user(.editor, at: Self.semarang, on: service)
            let body = MailingFixture.body(list: nil, extra: """
                , "attachments": [{"filename": "foto.jpg", "data_base64": "\(Data(count: 3 << 20).base64EncodedString())"}]
                """)
            var headers = HTTPFields()
            headers[HTTPField.Name("Idempotency-Key")!] = "rilis-\(Unique.suffix())"
            let first = try await client.send(.post, "/v1/mailings", token: editor.token, json: body, headers: headers)
            let retry = try await client.send(.post, "/v1/mailings", token: editor.token, json: body, headers: headers)
            #expect(first.status == .created, "\(String(buffer: first.body))")
            #expect(try first.object()["id"] as? Int == retry.object()["id"] as? Int)
            #expect(retry.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
        }
    }

    /// A minimal RFC 3464 report: the relay could not deliver `messageID` to `address`, for good.
    static func report(messageID: String, address: String) -> String {
        """
        From: Mail Delivery System <MAILER-DAEMON@mx.media.example>\r
        To: humas@kpu-semarang.go.id\r
        Subject: Undelivered Mail Returned to Sender\r
        MIME-Version: 1.0\r
        Content-Type: multipart/report; report-type=delivery-status; boundary="b1"\r
        \r
        --b1\r
        Content-Type: text/plain\r
        \r
        The mail could not be delivered.\r
        --b1\r
        Content-Type: message/delivery-status\r
        \r
        Reporting-MTA: dns; mx.media.example\r
        \r
        Final-Recipient: rfc822; \(address)\r
        Action: failed\r
        Status: 5.1.1\r
        Diagnostic-Code: smtp; 550 5.1.1 user unknown\r
        \r
        --b1\r
        Content-Type: text/rfc822-headers\r
        \r
        Message-ID: <\(messageID)>\r
        Subject: Siaran Pers\r
        \r
        --b1--\r

        """
    }

    static func authorized(_ user: TestUser, _ headers: HTTPFields) -> HTTPFields {
        var fields = headers
        fields[.authorization] = "Bearer \(user.token)"
        return fields
    }
}
