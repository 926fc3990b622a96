import CCurl

/// One message set up on an easy handle: its MIME tree, header and recipient lists, which
/// libcurl reads during curl_easy_perform. ``detach()`` clears the options before the objects
/// are freed, so the handle never points at freed memory and the next message starts clean.
final class MessageTransfer {
    private let easy: CurlEasyHandle
    private let mime: OpaquePointer
    private let headers: CurlStringList
    private let recipients: CurlStringList

    init(_ message: OutgoingMessage, on easy: CurlEasyHandle) throws(MessageTransferError) {
        let lines: [String]
        do { lines = try MessageHeaders.lines(for: message) } catch { throw .rejected(error) }
        guard let mime = curl_mime_init(easy.handle) else { throw .curl("curl_mime_init failed") }
        self.easy = easy
        self.mime = mime
        // The top level's type comes from the header list: libcurl takes a Content-Type found
        // there for the multipart it renders, adding the boundary.
        let topType = message.attachments.isEmpty ? "multipart/alternative" : "multipart/mixed"
        headers = CurlStringList(lines + ["Content-Type: \(topType)"])
        recipients = CurlStringList(["<\(HeaderText.singleLine(message.to.address))>"])
        do {
            try MIMEBuilder.build(message, into: mime, easy: easy)
            try easy.set(CURLOPT_MAIL_FROM, "<\(HeaderText.singleLine(message.envelopeFrom ?? message.from.address))>")
            try easy.set(CURLOPT_MAIL_RCPT, list: recipients)
            try easy.set(CURLOPT_HTTPHEADER, list: headers)
            try easy.check(humas_curl_setopt_mime(easy.handle, mime), CURLOPT_MIMEPOST)
        } catch {
            detach()
            throw .curl(error.description)
        }
    }

    func detach() {
        _ = humas_curl_setopt_mime(easy.handle, nil)
        _ = humas_curl_setopt_slist(easy.handle, CURLOPT_HTTPHEADER, nil)
        _ = humas_curl_setopt_slist(easy.handle, CURLOPT_MAIL_RCPT, nil)
    }

    deinit {
        curl_mime_free(mime)
    }
}

enum MessageTransferError: Error {
    /// The message itself is unusable (see ``MessageRejection``).
    case rejected(MessageRejection)
    /// libcurl could not build it (out of memory, an option it refused).
    case curl(String)
}
