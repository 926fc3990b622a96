import Foundation

/// A received RFC 5322 message or MIME part: header fields (unfolded) and body, with what a
/// bounce parser needs of MIME: the content type, transfer decoding and multipart splitting.
/// Lines may end in CRLF or LF.
struct MIMEEntity {
    var fields: [(name: String, value: String)]
    var body: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        var fields: [(name: String, value: String)] = []
        var position = bytes.startIndex
        body = bytes[bytes.endIndex...]
        while position < bytes.endIndex {
            let line = MIMELines.line(in: bytes, from: position)
            position = line.next
            let text = String(decoding: bytes[line.content], as: UTF8.self)
            if text.isEmpty {
                body = bytes[position...]
                break
            }
            if text.first == " " || text.first == "\t" {
                // RFC 5322 §2.2.3: unfolding removes the line break, not the whitespace.
                if !fields.isEmpty { fields[fields.count - 1].value += text }
            } else if let colon = text.firstIndex(of: ":") {
                fields.append((String(text[..<colon]).trimmingCharacters(in: .whitespaces), String(text[text.index(after: colon)...])))
            }
        }
        self.fields = fields.map { ($0.name, $0.value.trimmingCharacters(in: .whitespaces)) }
    }

    /// The first field of that name, compared case-insensitively.
    func field(_ name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The media type in lower case (text/plain when absent, RFC 2045 §5.2) and its parameters
    /// with lower-case names.
    var contentType: (type: String, parameters: [String: String]) {
        guard let value = field("Content-Type") else { return ("text/plain", [:]) }
        var items = MIMEParameters.split(value)
        let type = items.isEmpty ? "text/plain" : items.removeFirst().lowercased()
        var parameters: [String: String] = [:]
        for item in items {
            guard let equals = item.firstIndex(of: "=") else { continue }
            let name = item[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            parameters[name] = MIMEParameters.unquoted(item[item.index(after: equals)...].trimmingCharacters(in: .whitespaces))
        }
        return (type, parameters)
    }

    /// The body with its Content-Transfer-Encoding (base64, quoted-printable) undone.
    var decodedBody: [UInt8] {
        switch field("Content-Transfer-Encoding")?.lowercased() {
        case "base64"?: return Data(base64Encoded: Data(body), options: .ignoreUnknownCharacters).map { Array($0) } ?? Array(body)
        case "quoted-printable"?: return QuotedPrintable.decode(body)
        default: return Array(body)
        }
    }

    /// The parts of a multipart entity, empty for any other.
    var parts: [MIMEEntity] {
        let type = contentType
        guard type.type.hasPrefix("multipart/"), let boundary = type.parameters["boundary"], !boundary.isEmpty else { return [] }
        let delimiter = "--" + boundary
        var parts: [MIMEEntity] = []
        var partStart: Int?
        var position = body.startIndex
        while position < body.endIndex {
            let line = MIMELines.line(in: body, from: position)
            let text = String(decoding: body[line.content], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if text == delimiter || text == delimiter + "--" {
                // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
                if let start = partStart { parts.append(MIMEEntity(body[start..<MIMELines.trimmingLineBreak(body, before: position)])) }
                if text != delimiter { return parts }
                partStart = line.next
            }
            position = line.next
        }
        if let start = partStart, start < body.endIndex { parts.append(MIMEEntity(body[start...])) }
        return parts
    }

    /// This entity or the first part below it, depth first, whose type is one of `types`;
    /// enclosed messages are not entered (a bounce of a bounce reports on the outer one).
    func first(ofType types: Set<String>) -> MIMEEntity? {
        if types.contains(contentType.type) { return self }
        for part in parts {
            if let found = part.first(ofType: types) { return found }
        }
        return nil
    }
}

/// Line boundaries in bytes where lines end in LF or CRLF.
enum MIMELines {
    /// The line starting at `start`: its content without the break, and where the next begins.
    static func line(in bytes: ArraySlice<UInt8>, from start: Int) -> (content: Range<Int>, next: Int) {
        guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return (start..<bytes.endIndex, bytes.endIndex) }
        let end = newline > start && bytes[newline - 1] == UInt8(ascii: "\r") ? newline - 1 : newline
        return (start..<end, newline + 1)
    }

    /// `position` moved back over the CRLF or LF that ends the previous line.
    static func trimmingLineBreak(_ bytes: ArraySlice<UInt8>, before position: Int) -> Int {
        var end = position
        if end > bytes.startIndex && bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > bytes.startIndex && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }
}

/// `type/subtype; name=value; name="quoted; value"` taken apart (RFC 2045 §5.1).
enum MIMEParameters {
    /// Items separated by semicolons outside quoted strings.
    static func split(_ value: String) -> [String] {
        var items: [String] = [], current = ""
        var quoted = false, escaped = false
        for character in value {
            if escaped { escaped = false } else if character == "\\" && quoted { escaped = true } else if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted {
                items.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current.trimmingCharacters(in: .whitespaces))
        return items.filter { !$0.isEmpty }
    }

    static func unquoted(_ value: String) -> String {
        guard value.count >= 2, value.first == "\"", value.last == "\"" else { return value }
        var result = "", escaped = false
        for character in value.dropFirst().dropLast() {
            if escaped || character != "\\" { result.append(character); escaped = false } else { escaped = true }
        }
        return result
    }
}

/// RFC 2045 §6.7 decoding: `=XX` escapes and `=` soft line breaks.
package enum QuotedPrintable {
    package static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "=") else {
                result.append(byte)
                index += 1
                continue
            }
            let rest = bytes[(index + 1)...]
            if rest.starts(with: [13, 10]) {
                index += 3
            } else if rest.first == 10 {
                index += 2
            } else if rest.count >= 2, let value = UInt8(String(decoding: rest.prefix(2), as: UTF8.self), radix: 16) {
                result.append(value)
                index += 3
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }
}
