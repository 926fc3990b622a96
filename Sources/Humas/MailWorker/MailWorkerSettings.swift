import Foundation
import Mail

/// How a mail worker sends: the SMTP server, batch and lease, retries and the overall rate.
public struct MailWorkerSettings: Sendable {
    public var smtp: SMTPConfiguration
    /// Names the worker's leases (host and process), so a record can only finish its own claim.
    public var workerID: String
    public var batchSize = 50
    /// How long a claim holds past its send slot before another worker may take it over.
    public var leaseSeconds = 120
    /// Messages a minute over all mailings and workers (`HUMAS_SMTP_RATE`); 0: no overall limit.
    public var overallPerMinute = 0
    /// Attempts before a temporary failure (4xx, timeouts) becomes a failed delivery.
    public var maxAttempts = 5
    /// The first retry's delay; each further one doubles it (60 s, 2, 4, 8 min).
    public var retryBaseSeconds = 60
    /// The address recipients' unsubscribe links point at.
    public var publicURL: String
    /// Serve only this unit's subtree (`--under`, `HUMAS_MAIL_UNDER`): a province sending
    /// through a relay of its own. Nil: every unit.
    public var under: String?

    public init(smtp: SMTPConfiguration, workerID: String? = nil, publicURL: String = PublicURL.base()) {
        self.smtp = smtp
        self.workerID = workerID ?? "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
        self.publicURL = publicURL
    }

    /// From `HUMAS_SMTP_URL` and friends; `HUMAS_SMTP_RATE`, `HUMAS_MAIL_BATCH`,
    /// `HUMAS_MAIL_MAX_ATTEMPTS`, `HUMAS_MAIL_RETRY_SECONDS`, `HUMAS_MAIL_LEASE_SECONDS` tune it.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> MailWorkerSettings {
        let smtp: SMTPConfiguration
        do {
            smtp = try SMTPConfiguration.fromEnvironment(environment)
        } catch let error as SMTPConfigurationError {
            throw HumasError.unavailable(error.description)
        }
        var settings = MailWorkerSettings(smtp: smtp, publicURL: PublicURL.base(environment))
        func number(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw HumasError.invalid(field: name, message: "'\(text)' is not a whole number in \(range.lowerBound)–\(range.upperBound)")
            }
            return value
        }
        settings.overallPerMinute = try number("HUMAS_SMTP_RATE", 0...1_000_000) ?? 0
        settings.batchSize = try number("HUMAS_MAIL_BATCH", 1...1000) ?? settings.batchSize
        settings.maxAttempts = try number("HUMAS_MAIL_MAX_ATTEMPTS", 1...50) ?? settings.maxAttempts
        settings.retryBaseSeconds = try number("HUMAS_MAIL_RETRY_SECONDS", 0...86_400) ?? settings.retryBaseSeconds
        settings.leaseSeconds = try number("HUMAS_MAIL_LEASE_SECONDS", 2...3600) ?? settings.leaseSeconds
        settings.under = environment["HUMAS_MAIL_UNDER"].flatMap { $0.isEmpty ? nil : $0 }
        return settings
    }
}
