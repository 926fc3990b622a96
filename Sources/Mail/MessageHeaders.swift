import Foundation

/// The header fields of an outgoing message, as the lines libcurl writes before the MIME body.
enum MessageHeaders {
    /// Fields written from the message's own properties or by libcurl's MIME code: a second
    /// copy from the extra headers would contradict them.
    private static let reserved: Set = [
        "date", "from", "to", "reply-to", "subject", "message-id",
        "mime-version", "content-type", "content-transfer-encoding", "content-disposition",
    ]

    /// Every line, or the reason the message cannot be sent as given (an unusable field name).
    static func lines(for message: OutgoingMessage) throws(MessageRejection) -> [String] {
        var lines = [
            "Date: \(HeaderText.date(message.date))",
            "From: \(message.from.headerValue(after: "From"))",
            "To: \(message.to.headerValue(after: "To"))",
        ]
        if let replyTo = message.replyTo { lines.append("Reply-To: \(replyTo.headerValue(after: "Reply-To"))") }
        lines.append("Subject: \(EncodedWord.fieldValue(HeaderText.singleLine(message.subject), fieldName: "Subject"))")
        lines.append("Message-ID: <\(HeaderText.singleLine(message.messageID))>")
        for (name, value) in message.headers {
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != ":" }) else {
                throw MessageRejection(reason: "header field name \"\(name)\" is not printable ASCII without a colon")
            }
            guard !reserved.contains(name.lowercased()) else {
                throw MessageRejection(reason: "header field \(name) comes from the message itself, not from its extra headers")
            }
            lines.append("\(name): \(EncodedWord.fieldValue(HeaderText.singleLine(value), fieldName: name))")
        }
        return lines
    }
}

/// A message that cannot be sent as given; no retry helps, so it fails permanently.
struct MessageRejection: Error {
    var reason: String
}

/// Small rules every header value follows.
enum HeaderText {
    /// Between encoded words or an encoded name and its address: a folded continuation line.
    static let fold = "\r\n "

    /// Line breaks in a value would end the field and start another (header injection).
    static func singleLine(_ value: String) -> String {
        value.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
            .joined(separator: " ")
    }

    /// RFC 5322 §3.3 in UTC, e.g. `Wed, 02 Dec 2026 06:04:42 +0000`; written out by hand because
    /// the format is fixed and DateFormatter is neither cheap nor Sendable.
    static func date(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }
}
