import Foundation
import Mail
import Testing

@Suite("SMTP server failures")
struct SMTPConnectionErrorTests {
    @Test("a closed port is unreachable, and the description names the server without the password")
    func unreachable() throws {
        let port = try Self.closedPort()
        let session = try SMTPSession(configuration: SMTPConfiguration(url: "smtp://humas:rahasia%21@127.0.0.1:\(port)"))
        let error = #expect(throws: SMTPConnectionError.self) {
            try session.send(Messages.plain(to: "a@media.example", number: 1))
        }
        #expect(error?.kind == .unreachable)
        #expect(error?.description == "SMTP server smtp://127.0.0.1:\(port) unreachable: Connection refused")
        #expect(error?.description.contains("rahasia") == false)
    }

    @Test("AUTH with a wrong password is an authentication error without the password; the right one is accepted")
    func authentication() throws {
        let server = try SMTPTestServer(authUser: "humas", authPassword: "benar-sekali")
        defer { server.stop() }
        let wrong = try SMTPSession(configuration: SMTPConfiguration(url: server.url, username: "humas", password: "salah-total"))
        let error = #expect(throws: SMTPConnectionError.self) {
            try wrong.send(Messages.plain(to: "a@media.example", number: 1))
        }
        #expect(error?.kind == .authentication)
        #expect(error?.description.hasPrefix("SMTP server \(server.url) refused AUTH for user 'humas': 535") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("salah-total") == false)

        let right = try SMTPSession(configuration: SMTPConfiguration(url: "smtp://humas:benar-sekali@127.0.0.1:\(server.port)"))
        #expect(try right.send(Messages.plain(to: "a@media.example", number: 1)) == SMTPTestServer.queued(1))
    }

    @Test("a server that requires AUTH, with no credentials configured, is an authentication error")
    func missingCredentials() throws {
        let server = try SMTPTestServer(authUser: "humas", authPassword: "benar-sekali")
        defer { server.stop() }
        let session = try server.session()
        let error = #expect(throws: SMTPConnectionError.self) {
            try session.send(Messages.plain(to: "a@media.example", number: 1))
        }
        #expect(error?.kind == .authentication)
        #expect(error?.description.contains("530") == true, "\(error?.description ?? "")")
    }

    /// A loopback port nobody listens on: bound, then released.
    static func closedPort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
