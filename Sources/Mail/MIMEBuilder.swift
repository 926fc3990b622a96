import CCurl

/// The MIME tree with libcurl's MIME API: text parts quoted-printable in UTF-8, attachments
/// base64, the alternative nested in a multipart/mixed when there are attachments.
enum MIMEBuilder {
    static func build(_ message: OutgoingMessage, into mime: OpaquePointer, easy: CurlEasyHandle) throws(SMTPConnectionError) {
        guard !message.attachments.isEmpty else {
            return try addBody(message, to: mime)
        }
        guard let alternative = curl_mime_init(easy.handle) else { throw failure("curl_mime_init") }
        do {
            try addBody(message, to: alternative)
        } catch {
            curl_mime_free(alternative)
            throw error
        }
        let part = try addPart(to: mime)
        // From here the alternative belongs to its part and is freed with the top-level tree.
        guard curl_mime_subparts(part, alternative) == CURLE_OK else {
            curl_mime_free(alternative)
            throw failure("curl_mime_subparts")
        }
        try check(curl_mime_type(part, "multipart/alternative"), "curl_mime_type")
        for attachment in message.attachments {
            let part = try addPart(to: mime)
            try setData(attachment.data, of: part)
            try check(curl_mime_filename(part, HeaderText.singleLine(attachment.filename)), "curl_mime_filename")
            try check(curl_mime_type(part, HeaderText.singleLine(attachment.contentType)), "curl_mime_type")
            try check(curl_mime_encoder(part, "base64"), "curl_mime_encoder")
        }
    }

    private static func addBody(_ message: OutgoingMessage, to mime: OpaquePointer) throws(SMTPConnectionError) {
        try addText(message.text, type: "text/plain; charset=utf-8", to: mime)
        if let html = message.html {
            try addText(html, type: "text/html; charset=utf-8", to: mime)
        }
    }

    private static func addText(_ text: String, type: String, to mime: OpaquePointer) throws(SMTPConnectionError) {
        let part = try addPart(to: mime)
        // curl's quoted-printable encoder treats only CRLF as a line break and escapes a lone LF.
        try setData(crlfLines(text), of: part)
        try check(curl_mime_type(part, type), "curl_mime_type")
        try check(curl_mime_encoder(part, "quoted-printable"), "curl_mime_encoder")
    }

    /// The text's UTF-8 with every line break (LF, CR or CRLF) as CRLF. On the bytes, not on
    /// Characters: this runs for every part of every message a worker sends.
    static func crlfLines(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 32)
        var afterCR = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\r"): out += [13, 10]
            case UInt8(ascii: "\n") where afterCR: break
            case UInt8(ascii: "\n"): out += [13, 10]
            default: out.append(byte)
            }
            afterCR = byte == UInt8(ascii: "\r")
        }
        return out
    }

    /// curl_mime_data copies the bytes; an empty part still needs a pointer (NULL means "no content").
    private static func setData(_ bytes: [UInt8], of part: OpaquePointer) throws(SMTPConnectionError) {
        let code = bytes.withUnsafeBytes { raw in
            guard let start = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return curl_mime_data(part, "", 0) }
            return curl_mime_data(part, start, raw.count)
        }
        try check(code, "curl_mime_data")
    }

    private static func addPart(to mime: OpaquePointer) throws(SMTPConnectionError) -> OpaquePointer {
        guard let part = curl_mime_addpart(mime) else { throw failure("curl_mime_addpart") }
        return part
    }

    private static func check(_ code: CURLcode, _ call: String) throws(SMTPConnectionError) {
        guard code == CURLE_OK else { throw failure("\(call): \(CurlEasyHandle.message(code))") }
    }

    private static func failure(_ what: String) -> SMTPConnectionError {
        SMTPConnectionError(kind: .protocol, description: "libcurl could not build the message: \(what)")
    }
}
