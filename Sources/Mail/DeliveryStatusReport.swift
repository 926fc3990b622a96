/// An RFC 3464 delivery status notification: which recipients of which message failed, were
/// delayed or were delivered.
public struct DeliveryStatusReport: Sendable, Equatable {
    /// The reported message's Message-ID, without angle brackets: from the returned message or
    /// its headers, else the notification's X-Original-Message-ID or References.
    public var originalMessageID: String?
    public var recipients: [Recipient]

    public struct Recipient: Sendable, Equatable {
        /// The address only, its address type (`rfc822;`) removed.
        public var finalRecipient: String
        /// failed, delayed, delivered, relayed or expanded.
        public var action: String
        /// The RFC 3463 code, e.g. `5.1.1`.
        public var status: String
        /// The remote server's words (Diagnostic-Code), its type (`smtp;`) removed.
        public var diagnostic: String?

        /// A 5.x.x status: the address will not work later either.
        public var isPermanent: Bool { status.hasPrefix("5") }

        public init(finalRecipient: String, action: String, status: String, diagnostic: String? = nil) {
            self.finalRecipient = finalRecipient
            self.action = action
            self.status = status
            self.diagnostic = diagnostic
        }
    }

    public init(originalMessageID: String?, recipients: [Recipient]) {
        self.originalMessageID = originalMessageID
        self.recipients = recipients
    }
}

/// Why a message is not a usable delivery status notification, in one line.
public struct DeliveryStatusError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    /// The message's place in an mbox (1-based), when it came from one.
    public var position: Int?

    public init(reason: String, position: Int? = nil) {
        self.reason = reason
        self.position = position
    }

    public var description: String {
        position.map { "message \($0) in the mbox: \(reason)" } ?? reason
    }
}
