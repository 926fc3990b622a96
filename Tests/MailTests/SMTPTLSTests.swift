import Mail
import Testing

@Suite("SMTP over TLS")
struct SMTPTLSTests {
    @Test("STARTTLS offered and required: the message travels encrypted")
    func startTLS() throws {
        let server = try SMTPTestServer(tls: .starttls)
        defer { server.stop() }
        let session = try server.session(url: server.url + "?starttls=require", insecureSkipVerify: true)
        #expect(try session.send(Messages.plain(to: "a@media.example", number: 1)) == SMTPTestServer.queued(1))
        #expect(try server.envelope(1).tls)
    }

    @Test("smtps:// speaks TLS from the first byte")
    func implicitTLS() throws {
        let server = try SMTPTestServer(tls: .implicit)
        defer { server.stop() }
        let session = try server.session(insecureSkipVerify: true)
        #expect(try session.send(Messages.plain(to: "a@media.example", number: 1)) == SMTPTestServer.queued(1))
        #expect(try server.envelope(1).tls)
    }

    @Test("a self-signed certificate is refused unless verification is off: a TLS error")
    func untrustedCertificate() throws {
        let server = try SMTPTestServer(tls: .starttls)
        defer { server.stop() }
        let error = #expect(throws: SMTPConnectionError.self) {
            try server.session().send(Messages.plain(to: "a@media.example", number: 1))
        }
        #expect(error?.kind == .tls)
        #expect(error?.description.hasPrefix("TLS with SMTP server \(server.url) failed: ") == true, "\(error?.description ?? "")")
        #expect(server.acceptedCount == 0)
    }

    @Test("STARTTLS required from a server that does not offer it: a TLS error, nothing sent in the clear")
    func startTLSRequiredButMissing() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let error = #expect(throws: SMTPConnectionError.self) {
            try server.session(url: server.url + "?starttls=require").send(Messages.plain(to: "a@media.example", number: 1))
        }
        #expect(error?.kind == .tls)
        #expect(server.acceptedCount == 0)
    }

    @Test("STARTTLS tried when not offered: the message goes in the clear")
    func startTLSTriedButMissing() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        #expect(try server.session().send(Messages.plain(to: "a@media.example", number: 1)) == SMTPTestServer.queued(1))
        #expect(try server.envelope(1).tls == false)
    }
}
