import Crypto
import Foundation
import Mail
import Testing

@Suite("SMTP session against aiosmtpd")
struct SMTPSessionTests {
    @Test("an invitation with a non-ASCII subject, name, text, HTML, a 200 KB PDF and List-Unsubscribe reads back in Python's email package as sent")
    func invitationRoundTrip() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let session = try server.session()
        let message = Messages.invitation(to: "siti@bawaslu.example")
        let result = try session.send(message)
        guard case .accepted(let reply) = result else {
            Issue.record("not accepted: \(result)")
            return
        }
        #expect(reply.hasPrefix("250 2.0.0 Ok: queued as 1"))

        let mail = try PeerTools.readMail(server.message(1))
        #expect(mail["subject"] as? String == Messages.subject)
        #expect(mail["message_id"] as? String == "d1.m45@humas.kpu.go.id")
        #expect(mail["from"] as? [String: String] == ["name": "Humas KPU — Biro Komunikasi", "address": "humas@kpu.go.id"])
        #expect(mail["to"] as? [String: String] == ["name": "Dr. Siti Nurhaliza, M.Si.", "address": "siti@bawaslu.example"])
        #expect(mail["reply_to"] as? [String: String] == ["name": "", "address": "balas@kpu.go.id"])
        #expect(mail["content_type"] as? String == "multipart/mixed")
        #expect(mail["text"] as? String == Messages.text)
        #expect(mail["text_charset"] as? String == "utf-8")
        #expect(mail["html"] as? String == Messages.html)
        #expect(mail["list_unsubscribe"] as? String == message.headers[0].value)
        #expect(mail["list_unsubscribe_post"] as? String == "List-Unsubscribe=One-Click")
        #expect(mail["date"] as? String == "Tue, 01 Jan 2030 00:00:00 +0000")
        #expect(mail["defects"] as? [String] == [])
        let attachments = try #require(mail["attachments"] as? [[String: String]])
        let sha256 = SHA256.hash(data: Messages.pdf).map { String(format: "%02x", $0) }.joined()
        #expect(attachments == [["filename": "undangan-rapat.pdf", "content_type": "application/pdf", "sha256": sha256]])
        let envelope = try server.envelope(1)
        #expect(envelope.mailFrom == "bounce+d1@humas.kpu.go.id")
        #expect(envelope.recipients == ["siti@bawaslu.example"])
    }

    @Test("20 messages over one session use one SMTP connection")
    func connectionReuse() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let session = try server.session()
        for number in 1...20 {
            #expect(try session.send(Messages.plain(to: "pers\(number)@media.example", number: number)) == SMTPTestServer.queued(number))
        }
        #expect(server.acceptedCount == 20)
        #expect(server.connections == 1)
    }

    @Test("451 is a temporary failure with the server's words and a later attempt is accepted; 550 is permanent; the session goes on after each")
    func temporaryAndPermanentFailures() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let session = try server.session()
        let flaky = Messages.plain(to: "tempfail-once@media.example", number: 1)
        #expect(try session.send(flaky) == .temporaryFailure(reply: "451 4.3.0 Try again later (tempfail-once)"))
        #expect(try session.send(flaky) == SMTPTestServer.queued(1))

        let rejected = try session.send(Messages.plain(to: "reject-me@media.example", number: 2))
        guard case .permanentFailure(let reply) = rejected else {
            Issue.record("not a permanent failure: \(rejected)")
            return
        }
        #expect(reply.hasPrefix("550 5.1.1"))
        #expect(try session.send(Messages.plain(to: "tempfail@media.example", number: 3)) == .temporaryFailure(reply: "451 4.3.0 Try again later (tempfail)"))
        #expect(try session.send(Messages.plain(to: "after@media.example", number: 4)) == SMTPTestServer.queued(2))
        #expect(try PeerTools.readMail(server.message(2))["message_id"] as? String == "p4@humas.kpu.go.id")
        #expect(server.acceptedCount == 2)
    }

    @Test("a server slower than the timeout is a temporary failure of that message; the next one is sent")
    func timeoutMidMessage() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let session = try server.session(timeoutSeconds: 1)
        let result = try session.send(Messages.plain(to: "slow@media.example", number: 1))
        guard case .temporaryFailure(let reply) = result else {
            Issue.record("not a temporary failure: \(result)")
            return
        }
        #expect(reply.lowercased().contains("timeout"), "\(reply)")
        let next = try session.send(Messages.plain(to: "quick@media.example", number: 2))
        #expect(next == SMTPTestServer.queued(2))
    }

    @Test("a connection the server dropped while idle is replaced, and the next message is accepted")
    func serverDropsIdleConnection() throws {
        let server = try SMTPTestServer(idleTimeout: 1)
        defer { server.stop() }
        let session = try server.session()
        #expect(try session.send(Messages.plain(to: "a@media.example", number: 1)) == SMTPTestServer.queued(1))
        Thread.sleep(forTimeInterval: 1.5)
        #expect(try session.send(Messages.plain(to: "b@media.example", number: 2)) == SMTPTestServer.queued(2))
        #expect(server.connections == 2)
    }

    @Test("a message with an unusable extra header is a permanent failure, sent nowhere, and the session goes on")
    func unusableHeaders() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let session = try server.session()
        var message = Messages.plain(to: "a@media.example", number: 1)
        message.headers = [("Content-Type", "text/html")]
        #expect(try session.send(message) == .permanentFailure(reply: "not sent: header field Content-Type comes from the message itself, not from its extra headers"))
        message.headers = [("X-Bad Name", "x")]
        #expect(try session.send(message) == .permanentFailure(reply: "not sent: header field name \"X-Bad Name\" is not printable ASCII without a colon"))
        message.headers = [("X-Kampanye", "pemilu\r\nBcc: semua@media.example")]
        #expect(try session.send(message) == SMTPTestServer.queued(1))
        let raw = try String(contentsOf: server.message(1), encoding: .utf8)
        #expect(raw.contains("X-Kampanye: pemilu Bcc: semua@media.example\r\n"), "a line break in a value cannot start a new field")
        #expect(server.acceptedCount == 1)
    }

    @Test("the configured EHLO name is the one the server hears")
    func heloName() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let session = try SMTPSession(configuration: SMTPConfiguration(url: server.url, heloName: "humas.kpu.go.id"))
        #expect(try session.send(Messages.plain(to: "a@media.example", number: 1)) == SMTPTestServer.queued(1))
        #expect(try server.envelope(1).helo == "humas.kpu.go.id")
    }

    @Test("close() ends the connection and the next send opens another")
    func closeAndReopen() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let session = try server.session()
        #expect(try session.send(Messages.plain(to: "a@media.example", number: 1)) == SMTPTestServer.queued(1))
        session.close()
        #expect(try session.send(Messages.plain(to: "b@media.example", number: 2)) == SMTPTestServer.queued(2))
        #expect(server.connections == 2)
    }
}
