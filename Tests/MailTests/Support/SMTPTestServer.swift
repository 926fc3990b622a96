import Foundation
import Mail
import Testing

/// The aiosmtpd server of Tests/peers/smtp_server.py, started for one test on a free loopback
/// port, writing what it accepts to a directory of its own. ``stop()`` ends it.
final class SMTPTestServer {
    let maildir: URL
    let port: Int
    let tls: TLS?
    private let process = Process()
    private let input = Pipe()

    var url: String { "\(tls == .implicit ? "smtps" : "smtp")://127.0.0.1:\(port)" }

    /// How the server offers TLS, with a self-signed certificate.
    enum TLS: String {
        case starttls, implicit
    }

    /// - Parameter idleTimeout: seconds after which the server drops an idle connection (421).
    init(authUser: String? = nil, authPassword: String? = nil, idleTimeout: Int? = nil, tls: TLS? = nil) throws {
        self.tls = tls
        maildir = FileManager.default.temporaryDirectory.appendingPathComponent("humas-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: maildir, withIntermediateDirectories: true)
        let ready = maildir.appendingPathComponent("ready")
        let log = maildir.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = PeerTools.python
        var arguments = [PeerTools.script("smtp_server.py").path, "--port", "0", "--maildir", maildir.path, "--ready-file", ready.path]
        if let authUser { arguments += ["--auth-user", authUser, "--auth-password", authPassword ?? ""] }
        if let idleTimeout { arguments += ["--idle-timeout", String(idleTimeout)] }
        if let tls { arguments += ["--tls", tls.rawValue] }
        process.arguments = arguments
        // The server exits when this pipe closes, so a crashed test leaves no server behind.
        process.standardInput = input
        process.standardOutput = FileHandle(forWritingAtPath: log.path)
        process.standardError = FileHandle(forWritingAtPath: log.path)
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: ready.path) {
            guard process.isRunning, Date() < deadline else {
                process.terminate()
                let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw SMTPTestServerError(description: "smtp_server.py did not start: \(output)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        port = try #require(Int(String(contentsOf: ready, encoding: .utf8)))
    }

    /// The server's reply to the n-th message it accepts.
    static func queued(_ number: Int) -> SMTPDeliveryResult {
        .accepted(reply: "250 2.0.0 Ok: queued as \(number)")
    }

    /// A session to this server, without credentials.
    func session(timeoutSeconds: Int = 30, url: String? = nil, insecureSkipVerify: Bool = false) throws -> SMTPSession {
        try SMTPSession(configuration: SMTPConfiguration(url: url ?? self.url, timeoutSeconds: timeoutSeconds, insecureSkipVerify: insecureSkipVerify))
    }

    /// How many SMTP connections the server has accepted.
    var connections: Int {
        (try? String(contentsOf: maildir.appendingPathComponent("connections"), encoding: .utf8)).flatMap { Int($0) } ?? 0
    }

    /// The n-th accepted message (1-based), as received.
    func message(_ number: Int) -> URL {
        maildir.appendingPathComponent("\(number).eml")
    }

    /// The envelope of the n-th accepted message: MAIL FROM, the RCPT TO addresses, whether
    /// it came over TLS, the client's EHLO name.
    func envelope(_ number: Int) throws -> (mailFrom: String, recipients: [String], tls: Bool, helo: String) {
        let data = try Data(contentsOf: maildir.appendingPathComponent("\(number).json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (try #require(object["mail_from"] as? String), try #require(object["rcpt_tos"] as? [String]),
                try #require(object["tls"] as? Bool),
                try #require(object["helo"] as? String))
    }

    var acceptedCount: Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: maildir.path)) ?? []).filter { $0.hasSuffix(".eml") }.count
    }

    func stop() {
        if process.isRunning {
            try? input.fileHandleForWriting.close()
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: maildir)
    }

    deinit {
        stop()
    }
}

struct SMTPTestServerError: Error, CustomStringConvertible {
    var description: String
}
