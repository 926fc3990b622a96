import Foundation
import Mail
import Testing

@Suite("Rendering a message without sending it")
struct RenderMessageTests {
    @Test("renderMessage gives the bytes a send delivers, but for the random multipart boundaries")
    func renderedAsSent() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let message = Messages.invitation(to: "siti@bawaslu.example")
        let rendered = try renderMessage(message)
        let session = try server.session()
        #expect(try session.send(message) == SMTPTestServer.queued(1))
        let sent = try [UInt8](Data(contentsOf: server.message(1)))
        #expect(rendered.count == sent.count)
        #expect(Self.withoutBoundaries(rendered) == Self.withoutBoundaries(sent))
        #expect(String(decoding: rendered.prefix(200), as: UTF8.self).contains("Date: Tue, 01 Jan 2030 00:00:00 +0000"))
    }

    @Test("a rendered message reads in Python's email package like the message")
    func renderedParses() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rendered-\(UUID().uuidString).eml")
        try Data(renderMessage(Messages.invitation(to: "siti@bawaslu.example"))).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let mail = try PeerTools.readMail(file)
        #expect(mail["subject"] as? String == Messages.subject)
        #expect(mail["text"] as? String == Messages.text)
        #expect(mail["html"] as? String == Messages.html)
        #expect((mail["attachments"] as? [[String: String]])?.count == 1)
    }

    @Test("a text-only message renders as a multipart/alternative of one text/plain part")
    func textOnly() throws {
        let rendered = String(decoding: try renderMessage(Messages.plain(to: "a@media.example", number: 7)), as: UTF8.self)
        #expect(rendered.contains("Content-Type: multipart/alternative; boundary="))
        #expect(rendered.contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"))
        #expect(rendered.contains("Message-ID: <p7@humas.kpu.go.id>\r\n"))
        #expect(!rendered.contains("text/html"))
    }

    /// libcurl draws each multipart boundary at random: 24 dashes and 16 to 22 alphanumerics (depending on the version).
    static func withoutBoundaries(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
            .replacingOccurrences(of: "-{24}[A-Za-z0-9]{16,22}", with: "BOUNDARY", options: .regularExpression)
    }
}
