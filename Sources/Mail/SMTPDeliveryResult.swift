/// What the server said about one message. Failures of the server as a whole are thrown as
/// ``SMTPConnectionError`` instead.
public enum SMTPDeliveryResult: Sendable, Equatable {
    /// 250 after DATA; `reply` is the server's line (often with its queue id).
    case accepted(reply: String)
    /// 4xx on MAIL, RCPT or DATA, or the connection lost or timed out during the message:
    /// send it again later.
    case temporaryFailure(reply: String)
    /// 5xx on MAIL, RCPT or DATA, or a message that cannot be sent as given: do not retry.
    case permanentFailure(reply: String)
}

/// A failure of the server as a whole, not of one message: unreachable, TLS failure, AUTH
/// refused. The caller keeps its messages queued and retries later.
///
/// `description` is one line naming the server (its URL without credentials) and the cause;
/// it never contains the password.
public struct SMTPConnectionError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Not resolvable, refused, or silent until the timeout.
        case unreachable
        /// The TLS handshake or certificate check failed, or STARTTLS was required and not offered.
        case tls
        /// AUTH refused, or the server demands AUTH and no credentials were configured.
        case authentication
        /// The server answered outside the protocol, or refused the session before any message.
        case `protocol`
    }

    public var kind: Kind
    public var description: String

    public init(kind: Kind, description: String) {
        self.kind = kind
        self.description = description
    }
}
