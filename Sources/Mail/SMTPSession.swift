import CCurl
import Logging

/// One worker's connection to the SMTP server.
///
/// Not thread-safe: one thread uses a session. It keeps one libcurl easy handle, and with it one
/// SMTP connection, across messages; libcurl opens it on the first send, and again after a
/// failure closed it. Every call blocks the calling thread.
public final class SMTPSession {
    private let configuration: SMTPConfiguration
    private let endpoint: SMTPEndpoint
    private let logger: Logger
    private let transcript = SMTPTranscript()
    private var easy: CurlEasyHandle?

    /// Checks the configuration; connects only when the first message is sent.
    public init(configuration: SMTPConfiguration, logger: Logger = Logger(label: "humas.mail")) throws {
        self.configuration = configuration
        endpoint = try configuration.endpoint()
        self.logger = logger
    }

    /// Sends one message over the session's connection.
    ///
    /// - Returns: the server's verdict on this message.
    /// - Throws: ``SMTPConnectionError`` when the server as a whole is unusable; nothing was sent.
    public func send(_ message: OutgoingMessage) throws(SMTPConnectionError) -> SMTPDeliveryResult {
        let easy = try openHandle()
        let transfer: MessageTransfer
        do {
            transfer = try MessageTransfer(message, on: easy)
        } catch {
            switch error {
            case .rejected(let rejection): return .permanentFailure(reply: "not sent: \(rejection.reason)")
            case .curl(let detail): throw SMTPConnectionError(kind: .protocol, description: detail)
            }
        }
        defer { transfer.detach() }
        transcript.reset()
        let code = easy.perform()
        let outcome = SMTPOutcome(code: code, transcript: transcript, detail: easy.failureDetail(code),
                                  server: configuration.description, username: endpoint.username)
        let result: SMTPDeliveryResult
        do {
            result = try outcome.result()
        } catch {
            close()
            throw error
        }
        // libcurl may keep a connection that timed out mid-message, with the server still
        // answering the old command; the next message must not read that answer.
        if !outcome.connectionReusable { close() }
        logger.debug("smtp message", metadata: ["message-id": "\(message.messageID)", "result": "\(result)"])
        return result
    }

    /// Ends the connection (QUIT). A later ``send(_:)`` opens a new one.
    public func close() {
        easy = nil
    }

    deinit {
        close()
    }

    private func openHandle() throws(SMTPConnectionError) -> CurlEasyHandle {
        if let easy { return easy }
        let easy = try CurlEasyHandle()
        try configure(easy)
        self.easy = easy
        return easy
    }

    private func configure(_ easy: CurlEasyHandle) throws(SMTPConnectionError) {
        try easy.set(CURLOPT_URL, endpoint.curlURL)
        try easy.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        switch endpoint.security {
        case .implicitTLS: break
        case .startTLSIfOffered: try easy.set(CURLOPT_USE_SSL, Int(CURLUSESSL_TRY.rawValue))
        case .startTLSRequired: try easy.set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))
        }
        if configuration.insecureSkipVerify {
            try easy.set(CURLOPT_SSL_VERIFYPEER, 0)
            try easy.set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        if let username = endpoint.username { try easy.set(CURLOPT_USERNAME, username) }
        if let password = endpoint.password { try easy.set(CURLOPT_PASSWORD, password) }
        try easy.set(CURLOPT_CONNECTTIMEOUT, configuration.timeoutSeconds)
        try easy.set(CURLOPT_TIMEOUT, configuration.timeoutSeconds)
        try easy.set(CURLOPT_TCP_KEEPALIVE, 1)
        try transcript.attach(to: easy)
    }
}

// One thread uses a session: libcurl's easy handle is not thread-safe. Create it where it is used.
@available(*, unavailable)
extension SMTPSession: Sendable {}
