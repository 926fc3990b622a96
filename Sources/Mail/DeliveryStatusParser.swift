import Foundation

/// Reads RFC 3464 delivery status notifications (bounces), alone or in an mbox.
public enum DeliveryStatusParser {
    private static let statusTypes: Set = ["message/delivery-status", "message/global-delivery-status"]
    private static let returnedTypes: Set = ["message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers"]

    public static func parse(message: [UInt8]) throws(DeliveryStatusError) -> DeliveryStatusReport {
        let entity = MIMEEntity(message[...])
        guard !entity.fields.isEmpty else {
            throw DeliveryStatusError(reason: "not a mail message: no header fields")
        }
        guard let status = entity.first(ofType: statusTypes) else {
            throw DeliveryStatusError(reason: "not a delivery-status notification: no message/delivery-status part")
        }
        var groups = fieldGroups(status.decodedBody)
        // The per-message block (Reporting-MTA, …) comes first; RFC 3464 §2.1.
        if let first = groups.first, first.field("Final-Recipient") == nil && first.field("Original-Recipient") == nil {
            groups.removeFirst()
        }
        guard !groups.isEmpty else {
            throw DeliveryStatusError(reason: "delivery-status part without a per-recipient block")
        }
        var recipients: [DeliveryStatusReport.Recipient] = []
        for group in groups { recipients.append(try recipient(group)) }
        return DeliveryStatusReport(originalMessageID: originalMessageID(entity), recipients: recipients)
    }

    /// Each message of an mbox (messages after `From ` lines), or `bytes` as one message.
    public static func parseMailbox(_ bytes: [UInt8]) -> [Result<DeliveryStatusReport, DeliveryStatusError>] {
        guard bytes.starts(with: Array("From ".utf8)) else {
            return [Result { () throws(DeliveryStatusError) in try parse(message: bytes) }]
        }
        return Mbox.messages(bytes).enumerated().map { index, message in
            Result { () throws(DeliveryStatusError) in try parse(message: message) }
                .mapError { DeliveryStatusError(reason: $0.reason, position: index + 1) }
        }
    }

    private static func recipient(_ group: MIMEEntity) throws(DeliveryStatusError) -> DeliveryStatusReport.Recipient {
        func required(_ name: String) throws(DeliveryStatusError) -> String {
            guard let value = group.field(name), !value.isEmpty else {
                throw DeliveryStatusError(reason: "per-recipient block without \(name)")
            }
            return value
        }
        let address = afterType(try required("Final-Recipient"))
        let action = try required("Action").lowercased()
        let statusField = try required("Status")
        let status = String(statusField.prefix { $0.isNumber || $0 == "." })
        guard status.split(separator: ".", omittingEmptySubsequences: false).count == 3, ["2", "4", "5"].contains(status.first) else {
            throw DeliveryStatusError(reason: "per-recipient block for \(address): Status \"\(statusField)\" is not a status code like 5.1.1")
        }
        // Folded diagnostics keep the indentation of their continuation lines; it means nothing.
        let diagnostic = group.field("Diagnostic-Code").map { afterType($0).split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return .init(finalRecipient: address, action: action, status: status, diagnostic: diagnostic)
    }

    /// `rfc822; <user@host>` → `user@host`; a value without a type as it is.
    private static func afterType(_ value: String) -> String {
        let text = value.firstIndex(of: ";").map { String(value[value.index(after: $0)...]) } ?? value
        return withoutAngles(text.trimmingCharacters(in: .whitespaces))
    }

    private static func withoutAngles(_ value: String) -> String {
        value.hasPrefix("<") && value.hasSuffix(">") ? String(value.dropFirst().dropLast()) : value
    }

    private static func originalMessageID(_ entity: MIMEEntity) -> String? {
        if let returned = entity.first(ofType: returnedTypes),
           let id = MIMEEntity(returned.decodedBody[...]).field("Message-ID") {
            return withoutAngles(id.trimmingCharacters(in: .whitespaces))
        }
        if let id = entity.field("X-Original-Message-ID") { return withoutAngles(id) }
        // The last of References is the message this notification answers.
        return entity.field("References")?.split(whereSeparator: \.isWhitespace).last.map { withoutAngles(String($0)) }
    }

    /// The delivery-status body's blocks of fields, separated by blank lines.
    private static func fieldGroups(_ body: [UInt8]) -> [MIMEEntity] {
        var groups: [MIMEEntity] = []
        var rest = body[...]
        while !rest.isEmpty {
            let group = MIMEEntity(rest)
            if !group.fields.isEmpty { groups.append(group) }
            // A block that does not end in a blank line is the last one.
            if group.body.count >= rest.count { break }
            rest = group.body
        }
        return groups
    }
}

/// Messages of an mbox: each starts with a `From ` line (not part of it); mboxrd's `>From `
/// escapes are undone, and the blank line before the next `From ` line is the separator.
enum Mbox {
    static func messages(_ bytes: [UInt8]) -> [[UInt8]] {
        var messages: [[UInt8]] = []
        var current: [UInt8]?
        var previousBlank = true
        var position = bytes.startIndex
        while position < bytes.endIndex {
            let line = MIMELines.line(in: bytes[...], from: position)
            let content = bytes[line.content]
            if previousBlank && content.starts(with: Array("From ".utf8)) {
                if let message = current { messages.append(withoutSeparator(message)) }
                current = []
            } else {
                let unescaped = content.starts(with: Array(">".utf8)) && content.drop(while: { $0 == UInt8(ascii: ">") }).starts(with: Array("From ".utf8))
                current?.append(contentsOf: bytes[(unescaped ? position + 1 : position)..<line.next])
            }
            previousBlank = content.isEmpty
            position = line.next
        }
        if let message = current { messages.append(withoutSeparator(message)) }
        return messages
    }

    private static func withoutSeparator(_ message: [UInt8]) -> [UInt8] {
        Array(message[..<MIMELines.trimmingLineBreak(message[...], before: message.endIndex)])
    }
}
