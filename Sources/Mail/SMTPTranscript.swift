import CCurl

/// What the server answered during one transfer, read from libcurl's debug callback: libcurl
/// reports only reply codes, and a delivery result must carry the server's words.
///
/// Only command verbs are looked at on the way out (never their arguments: AUTH carries the
/// credentials), and nothing here is logged.
final class SMTPTranscript {
    /// The last reply line of the whole transfer, the greeting and EHLO included.
    private(set) var lastReply: String?
    /// The last reply line since MAIL FROM was sent: the answer about this message.
    private(set) var messageReply: String?
    /// MAIL FROM went out: a failure from here on concerns this message.
    private(set) var messageStarted = false
    private var quitSent = false

    func reset() {
        lastReply = nil
        messageReply = nil
        messageStarted = false
        quitSent = false
    }

    /// The three-digit code of ``messageReply``.
    var messageReplyCode: Int? {
        messageReply.flatMap { Int($0.prefix(3)) }
    }

    fileprivate func received(_ text: String) {
        // A closing connection's "221 Bye" must not hide the reply about the message.
        guard !quitSent else { return }
        guard let line = text.split(whereSeparator: \.isNewline).last.map(String.init), !line.isEmpty else { return }
        lastReply = line
        if messageStarted { messageReply = line }
    }

    fileprivate func sent(_ text: String) {
        let verb = text.prefix(while: { $0 != " " && !$0.isNewline }).uppercased()
        if verb == "MAIL" { messageStarted = true }
        if verb == "QUIT" { quitSent = true }
    }

    /// Installs the callback on `easy`; the transcript must outlive the handle's transfers.
    func attach(to easy: CurlEasyHandle) throws(SMTPConnectionError) {
        try easy.set(CURLOPT_VERBOSE, 1)  // the debug callback is called only in verbose mode
        try easy.check(humas_curl_setopt_debug_function(easy.handle, smtpTranscriptCallback), CURLOPT_DEBUGFUNCTION)
        try easy.set(CURLOPT_DEBUGDATA, pointer: Unmanaged.passUnretained(self).toOpaque())
    }
}

private func smtpTranscriptCallback(
    _ handle: UnsafeMutableRawPointer?, _ type: curl_infotype, _ data: UnsafeMutablePointer<CChar>?,
    _ size: Int, _ context: UnsafeMutableRawPointer?
) -> Int32 {
    guard let data, let context, type == CURLINFO_HEADER_IN || type == CURLINFO_HEADER_OUT else { return 0 }
    let transcript = Unmanaged<SMTPTranscript>.fromOpaque(context).takeUnretainedValue()
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    if type == CURLINFO_HEADER_IN { transcript.received(text) } else { transcript.sent(text) }
    return 0
}
