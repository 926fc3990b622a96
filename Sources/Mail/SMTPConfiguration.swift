import Foundation

/// Where and how to reach the SMTP server.
///
/// `smtp://` upgrades with STARTTLS when the server offers it; `smtp://…?starttls=require`
/// refuses to go on without it; `smtps://` is TLS from the first byte.
public struct SMTPConfiguration: Sendable, CustomStringConvertible {
    /// e.g. `smtp://127.0.0.1:2525` or `smtps://mail.kpu.go.id:465`; credentials in its userinfo
    /// are used when `username` and `password` are nil.
    public var url: String
    public var username: String?
    public var password: String?
    /// The limit for connecting, and again for each message's transfer.
    public var timeoutSeconds: Int
    /// The name sent in EHLO; libcurl's default when nil.
    public var heloName: String?
    /// Accepts any certificate: for tests against self-signed servers only.
    public var insecureSkipVerify: Bool

    public init(
        url: String,
        username: String? = nil,
        password: String? = nil,
        timeoutSeconds: Int = 30,
        heloName: String? = nil,
        insecureSkipVerify: Bool = false
    ) {
        self.url = url
        self.username = username
        self.password = password
        self.timeoutSeconds = timeoutSeconds
        self.heloName = heloName
        self.insecureSkipVerify = insecureSkipVerify
    }

    /// From `HUMAS_SMTP_URL` (required), `HUMAS_SMTP_USER`, `HUMAS_SMTP_PASSWORD` and
    /// `HUMAS_SMTP_TIMEOUT` (seconds).
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> SMTPConfiguration {
        guard let url = environment["HUMAS_SMTP_URL"], !url.isEmpty else {
            throw SMTPConfigurationError(description: "HUMAS_SMTP_URL is not set: set it to the SMTP server, e.g. smtp://127.0.0.1:2525 or smtps://user@host:465")
        }
        var configuration = SMTPConfiguration(url: url, username: environment["HUMAS_SMTP_USER"], password: environment["HUMAS_SMTP_PASSWORD"])
        if let timeout = environment["HUMAS_SMTP_TIMEOUT"] {
            guard let seconds = Int(timeout), seconds > 0 else {
                throw SMTPConfigurationError(description: "HUMAS_SMTP_TIMEOUT is \"\(timeout)\": give a whole number of seconds above 0")
            }
            configuration.timeoutSeconds = seconds
        }
        _ = try configuration.endpoint()
        return configuration
    }

    /// The URL without its credentials: safe to log.
    public var description: String {
        (try? endpoint().displayURL) ?? SMTPEndpoint.withoutUserinfo(url)
    }

    /// The URL taken apart, with the credentials to use.
    func endpoint() throws(SMTPConfigurationError) -> SMTPEndpoint {
        try SMTPEndpoint(url: url, username: username, password: password, heloName: heloName)
    }
}

/// A configuration that cannot work, named in the user's terms.
public struct SMTPConfigurationError: Error, Sendable, CustomStringConvertible {
    public var description: String
}
