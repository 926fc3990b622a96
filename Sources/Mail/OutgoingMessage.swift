import Foundation

/// A file attached to a message, sent base64-encoded.
public struct MailAttachment: Sendable {
    public var filename: String
    public var contentType: String
    public var data: [UInt8]

    public init(filename: String, contentType: String, data: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}

/// One message to one recipient, as a mailing's delivery sends it.
///
/// The body is `text`, with `html` as its alternative when given; attachments wrap both in a
/// multipart/mixed. `messageID` is stable per delivery, so a retried send is recognisable.
public struct OutgoingMessage: Sendable {
    public var from: MailAddress
    /// One recipient per message: a mailing personalises and tracks each delivery.
    public var to: MailAddress
    public var replyTo: MailAddress?
    /// May be non-ASCII; sent as RFC 2047 encoded words.
    public var subject: String
    /// Without angle brackets, e.g. `d123.m45@humas.kpu.go.id`.
    public var messageID: String
    public var date: Date
    public var text: String
    public var html: String?
    public var attachments: [MailAttachment]
    /// Extra header fields, e.g. List-Unsubscribe and List-Unsubscribe-Post.
    public var headers: [(name: String, value: String)]
    /// The SMTP envelope sender (MAIL FROM), e.g. a bounce address; `from.address` when nil.
    public var envelopeFrom: String?

    public init(
        from: MailAddress,
        to: MailAddress,
        replyTo: MailAddress? = nil,
        subject: String,
        messageID: String,
        date: Date = Date(),
        text: String,
        html: String? = nil,
        attachments: [MailAttachment] = [],
        headers: [(name: String, value: String)] = [],
        envelopeFrom: String? = nil
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.messageID = messageID
        self.date = date
        self.text = text
        self.html = html
        self.attachments = attachments
        self.headers = headers
        self.envelopeFrom = envelopeFrom
    }
}
