import Crypto
import Foundation
@testable import Humas
import Mail
import Postgres
import Testing

extension MailingSuites {
    /// The worker against a real SMTP server (aiosmtpd on loopback), every message read back
    /// with Python's `email` package.
    @Suite("Mailings: the worker over SMTP", .serialized)
    struct MailWorkerTests {
        static let subject = "Undangan Konferensi Pers — Rekapitulasi Suara · {{unit}} (Ibu Kota Nusantara, café)"
        static let pdf: [UInt8] = Array("%PDF-1.7\n".utf8) + (0..<150_000).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 11) }

        @Test("each message: Indonesian subject, text and HTML, the PDF's bytes, opt-out headers, the delivery's Message-ID")
        func messagesReadBack() async throws {
            let fixture = try await MailingFixture.make(unit: MailingFixture.workerUnit, addresses: ["redaksi", "liputan"])
            let smtp = try SMTPPeer()
            defer { smtp.stop() }
            let mailing = try await withFixtureSession(fixture.editor) { session in
                var new = fixture.mailing(subject: Self.subject)
                new.html = "<p>Yth. {{sapaan}} <b>{{nama}}</b></p>"
                new.attachments = [AttachmentInput(filename: "siaran-pers.pdf", contentType: nil, bytes: Self.pdf)]
                return try await session.mailings.send(try await session.mailings.create(new).id)
            }
            let worker = RunningWorker(smtp: SMTPConfiguration(url: smtp.url))
            let sent = try MailingFixture.waitUntilSent(mailing.id)
            await worker.halt()
            #expect(sent)
            let deliveries = try TestEnvironment.superuser().query(
                "SELECT id, address, message_id, status FROM humas.deliveries WHERE mailing_id = \(mailing.id) ORDER BY id")
            #expect(try deliveries.map { try $0.decode("status", as: String.self) } == ["sent", "sent"])
            let byID = Dictionary(uniqueKeysWithValues: try deliveries.map {
                (try $0.decode("message_id", as: String.self), (try $0.decode("id", as: Int64.self), try $0.decode("address", as: String.self)))
            })
            let files = try smtp.messages(ofMailing: mailing.id)
            #expect(files.count == 2)
            for file in files {
                let mail = try SMTPPeer.read(file)
                let messageID = try #require(mail["message_id"] as? String)
                let delivery = try #require(byID[messageID], "Message-ID \(messageID) is a delivery's")
                #expect((mail["to"] as? [String: Any])?["address"] as? String == delivery.1)
                #expect(mail["subject"] as? String == "Undangan Konferensi Pers — Rekapitulasi Suara · KPU Kota Kupang (Ibu Kota Nusantara, café)")
                #expect((mail["text"] as? String)?.hasPrefix("Yth. Ibu Wartawan") == true)
                #expect((mail["html"] as? String)?.contains("<b>Wartawan") == true)
                let attachments = try #require(mail["attachments"] as? [[String: Any]])
                #expect(attachments.count == 1)
                #expect(attachments.first?["filename"] as? String == "siaran-pers.pdf")
                #expect(attachments.first?["sha256"] as? String == SHA256.hash(data: Self.pdf).map { String(format: "%02x", $0) }.joined())
                let token = UnsubscribeToken(secret: try Self.unsubscribeSecret()).token(for: delivery.0)
                let unsubscribe = try #require(mail["list_unsubscribe"] as? String)
                #expect(unsubscribe.contains("/u/\(token)>") && unsubscribe.contains("<mailto:"))
                #expect(mail["list_unsubscribe_post"] as? String == "List-Unsubscribe=One-Click")
            }
            let timeline = try await withFixtureSession(fixture.editor) { try await $0.timelines.contact(fixture.contacts[0]) }
            let entry = try #require(timeline.entries.first { $0.type == .mailing }, "the delivery is on its recipient's timeline")
            #expect(entry.mailingId == mailing.id && entry.deliveryStatus == "sent" && entry.unitCode == fixture.unit)
        }

        @Test("451 then 250: retried and sent once; 550: failed at once, not retried")
        func temporaryAndPermanent() async throws {
            let fixture = try await MailingFixture.make(unit: MailingFixture.workerUnit, addresses: ["tempfail-once", "reject"])
            let smtp = try SMTPPeer()
            defer { smtp.stop() }
            let mailing = try await withFixtureSession(fixture.editor) { session in
                try await session.mailings.send(try await session.mailings.create(fixture.mailing()).id)
            }
            let worker = RunningWorker(smtp: SMTPConfiguration(url: smtp.url))
            let done = try MailingFixture.waitUntilSent(mailing.id)
            await worker.halt()
            #expect(done)
            let rows = try TestEnvironment.superuser().query(
                "SELECT status, attempts, last_reply FROM humas.deliveries WHERE mailing_id = \(mailing.id) ORDER BY id")
            #expect(try rows[0].decode("status", as: String.self) == "sent")
            #expect(try rows[0].decode("attempts", as: Int.self) == 2)
            #expect(try rows[1].decode("status", as: String.self) == "failed")
            #expect(try rows[1].decode("attempts", as: Int.self) == 1)
            #expect(try rows[1].decode("last_reply", as: String.self).contains("550"))
            #expect(try smtp.messages(ofMailing: mailing.id).count == 1, "the retried message reached the server once")
        }

        @Test("the mailing's rate holds over the measured window: 30 messages at 600 a minute take ≥ 2.9 s, never 11 in one second")
        func rateLimit() async throws {
            let fixture = try await MailingFixture.make(unit: MailingFixture.workerUnit, addresses: (1...30).map { "pelan\($0)" })
            let smtp = try SMTPPeer()
            defer { smtp.stop() }
            let mailing = try await withFixtureSession(fixture.editor) { session in
                try await session.mailings.send(try await session.mailings.create(fixture.mailing(rate: 600)).id)
            }
            let worker = RunningWorker(smtp: SMTPConfiguration(url: smtp.url)) { $0.batchSize = 7 }
            let done = try MailingFixture.waitUntilSent(mailing.id)
            await worker.halt()
            #expect(done)
            let times = try TestEnvironment.superuser().query(
                "SELECT extract(epoch FROM sent_at)::float8 AS t FROM humas.deliveries WHERE mailing_id = \(mailing.id) ORDER BY sent_at")
                .map { try $0.decode("t", as: Double.self) }
            #expect(times.count == 30)
            #expect(times.last! - times.first! >= 2.9 * 0.95, "29 gaps of 0.1 s")
            let busiest = times.indices.map { i in times[i...].prefix { $0 < times[i] + 1 }.count }.max() ?? 0
            #expect(busiest <= 11, "at most 10 a second, plus the one at the window's edge")
        }

        @Test("an unreachable server or refused AUTH: the deliveries stay queued with no attempt counted; a later worker sends them")
        func serverTrouble() async throws {
            let fixture = try await MailingFixture.make(unit: MailingFixture.workerUnit, addresses: ["tunggu1", "tunggu2"])
            let smtp = try SMTPPeer(authUser: "humas", authPassword: "rahasia-benar")
            defer { smtp.stop() }
            let mailing = try await withFixtureSession(fixture.editor) { session in
                try await session.mailings.send(try await session.mailings.create(fixture.mailing()).id)
            }
            for configuration in [SMTPConfiguration(url: "smtp://127.0.0.1:1"),
                                  SMTPConfiguration(url: smtp.url, username: "humas", password: "rahasia-salah")] {
                let worker = RunningWorker(smtp: configuration)
                try await Task.sleep(for: .seconds(2))
                await worker.halt()
                let rows = try TestEnvironment.superuser().query(
                    "SELECT status, attempts FROM humas.deliveries WHERE mailing_id = \(mailing.id)")
                #expect(try rows.map { "\(try $0.decode("status", as: String.self))/\(try $0.decode("attempts", as: Int.self))" } == ["queued/0", "queued/0"],
                        "\(configuration)")
            }
            try TestEnvironment.superuser().execute("UPDATE humas.deliveries SET next_attempt_at = now() WHERE mailing_id = \(mailing.id)")
            let worker = RunningWorker(smtp: SMTPConfiguration(url: smtp.url, username: "humas", password: "rahasia-benar"))
            let done = try MailingFixture.waitUntilSent(mailing.id)
            await worker.halt()
            #expect(done)
            #expect(try smtp.messages(ofMailing: mailing.id).count == 2)
        }

        @Test("an opt-out through the one-click link and a permanent bounce: the next mailing to the list skips both")
        func optOutAndBounce() async throws {
            let fixture = try await MailingFixture.make(unit: MailingFixture.workerUnit, addresses: ["berhenti", "pental", "tetap"])
            let smtp = try SMTPPeer()
            defer { smtp.stop() }
            let first = try await withFixtureSession(fixture.editor) { session in
                try await session.mailings.send(try await session.mailings.create(fixture.mailing()).id)
            }
            let worker = RunningWorker(smtp: SMTPConfiguration(url: smtp.url))
            #expect(try MailingFixture.waitUntilSent(first.id))
            let rows = try TestEnvironment.superuser().query(
                "SELECT id, message_id FROM humas.deliveries WHERE mailing_id = \(first.id) ORDER BY id")
            let ids = try rows.map { (try $0.decode("id", as: Int64.self), try $0.decode("message_id", as: String.self)) }

            let service = HumasService(target: TestEnvironment.target, poolSize: 1)
            let token = UnsubscribeToken(secret: try Self.unsubscribeSecret()).token(for: ids[0].0)
            let tampered = token.dropLast() + (token.last == "A" ? "B" : "A")
            #expect(try await service.unsubscribes.look(String(tampered)) == nil, "a tampered link opens nothing")
            let page = try #require(try await service.unsubscribes.look(token))
            #expect(page.address.hasPrefix("be***@") && !page.optedOut)
            #expect(try await service.unsubscribes.confirm(token)?.optedOut == true)
            await service.shutdown()

            let report = Self.bounceReport(for: ids[1].1, recipient: fixture.address("pental"))
            let imported = try await withFixtureSession(fixture.editor) { try await $0.bounces.importReports(Array(report.utf8)) }
            #expect(imported == BounceImport(reports: 1, bounced: 1, delayed: 0, unmatched: []))
            let malformed = await #expect(throws: HumasError.self) {
                try await withFixtureSession(fixture.editor) { try await $0.bounces.importReports(Array("From: x\r\n\r\nhalo".utf8)) }
            }
            #expect(malformed?.description.hasPrefix("file: ") == true)

            let second = try await withFixtureSession(fixture.editor) { session in
                var new = fixture.mailing()
                new.name += " kedua"
                return try await session.mailings.send(try await session.mailings.create(new).id)
            }
            #expect(try MailingFixture.waitUntilSent(second.id))
            await worker.halt()
            let reasons = try TestEnvironment.superuser().query(
                "SELECT status || ':' || coalesce(skip_reason, '') AS r FROM humas.deliveries WHERE mailing_id = \(second.id) ORDER BY id")
                .map { try $0.decode("r", as: String.self) }
            #expect(reasons == ["skipped:opted_out", "skipped:suppressed", "sent:"])
            let bounced = try TestEnvironment.superuser().query("SELECT status FROM humas.deliveries WHERE id = \(ids[1].0)")[0].decode("status", as: String.self)
            #expect(bounced == "bounced")
        }

        @Test("a mailing that cannot be rendered fails its deliveries with the reason; the worker goes on with the others")
        func unrenderableMailing() async throws {
            let fixture = try await MailingFixture.make(unit: MailingFixture.workerUnit, addresses: ["rusak", "baik"])
            let smtp = try SMTPPeer()
            defer { smtp.stop() }
            let (broken, good) = try await withFixtureSession(fixture.editor) { session in
                let broken = try await session.mailings.send(try await session.mailings.create(fixture.mailing()).id)
                var second = fixture.mailing()
                second.name += " baik"
                return (broken, try await session.mailings.send(try await session.mailings.create(second).id))
            }
            // Broken behind the service's back (the service refuses such a template when saved).
            try TestEnvironment.superuser().execute("UPDATE humas.mailings SET subject_template = '{{#tanpa penutup' WHERE id = \(broken.id)")
            let worker = RunningWorker(smtp: SMTPConfiguration(url: smtp.url))
            let done = try MailingFixture.waitUntilSent(broken.id) && MailingFixture.waitUntilSent(good.id)
            await worker.halt()
            #expect(done)
            #expect(try MailingFixture.statuses(broken.id) == ["failed": 2])
            #expect(try MailingFixture.statuses(good.id) == ["sent": 2])
            let reply = try TestEnvironment.superuser().query(
                "SELECT last_reply FROM humas.deliveries WHERE mailing_id = \(broken.id) LIMIT 1")[0].decode("last_reply", as: String.self)
            #expect(reply.hasPrefix("not sent: the mailing cannot be rendered: subject: line 1"))
        }

        static func unsubscribeSecret() throws -> Data {
            try TestEnvironment.superuser().query("SELECT humas.unsubscribe_secret() AS s")[0].decode("s")
        }

        /// A Postfix-style RFC 3464 report: 5.1.1 for `recipient`, the original headers returned.
        static func bounceReport(for messageID: String, recipient: String) -> String {
            """
            From: MAILER-DAEMON@mx.media.example\r
            To: humas@kpu-semarang.go.id\r
            Subject: Undelivered Mail Returned to Sender\r
            MIME-Version: 1.0\r
            Content-Type: multipart/report; report-type=delivery-status; boundary="B0UND"\r
            \r
            --B0UND\r
            Content-Type: text/plain\r
            \r
            The mail system could not deliver your message.\r
            --B0UND\r
            Content-Type: message/delivery-status\r
            \r
            Reporting-MTA: dns; mx.media.example\r
            \r
            Final-Recipient: rfc822; \(recipient)\r
            Action: failed\r
            Status: 5.1.1\r
            Diagnostic-Code: smtp; 550 5.1.1 User unknown\r
            --B0UND\r
            Content-Type: text/rfc822-headers\r
            \r
            Message-ID: <\(messageID)>\r
            Subject: Siaran Pers\r
            --B0UND--\r

            """
        }
    }
}
