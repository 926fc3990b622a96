import CCurl

/// The result of one transfer, from libcurl's code and the server's replies: a verdict on the
/// message, or an error about the server as a whole.
struct SMTPOutcome {
    var code: CURLcode
    var transcript: SMTPTranscript
    /// libcurl's detail of the failure (never holds the password: curl is given the URL
    /// without credentials, and its messages do not repeat CURLOPT_PASSWORD).
    var detail: String
    var server: String
    var username: String?

    /// True unless the transfer broke off without an SMTP reply that ended it cleanly.
    var connectionReusable: Bool {
        code == CURLE_OK || (400..<600).contains(transcript.messageReplyCode ?? 0)
    }

    func result() throws(SMTPConnectionError) -> SMTPDeliveryResult {
        if code == CURLE_OK {
            return .accepted(reply: transcript.messageReply ?? "250")
        }
        if let serverError = serverError() { throw serverError }
        guard transcript.messageStarted else {
            // No reply at all: nothing answered (silence until the timeout, or a closed socket).
            if transcript.lastReply == nil {
                throw SMTPConnectionError(kind: .unreachable, description: "SMTP server \(server) unreachable: \(detail)")
            }
            throw SMTPConnectionError(kind: .protocol, description: "SMTP server \(server) refused the session: \(transcript.lastReply ?? detail)")
        }
        let reply = transcript.messageReply
        switch transcript.messageReplyCode {
        case 530?:
            // RFC 4954: the server wants AUTH, which no message can fix.
            throw SMTPConnectionError(kind: .authentication, description: "SMTP server \(server) requires AUTH and none was configured: \(reply ?? "530")")
        case (400..<500)?: return .temporaryFailure(reply: reply ?? detail)
        case (500..<600)?: return .permanentFailure(reply: reply ?? detail)
        default:
            // The connection dropped or timed out mid-message: the server may not have it.
            return .temporaryFailure(reply: "\(detail) (last reply: \(reply ?? "none"))")
        }
    }

    private func serverError() -> SMTPConnectionError? {
        switch code {
        case CURLE_LOGIN_DENIED, CURLE_AUTH_ERROR:
            let user = username.map { " for user '\($0)'" } ?? ""
            return SMTPConnectionError(kind: .authentication, description: "SMTP server \(server) refused AUTH\(user): \(transcript.lastReply ?? detail)")
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return SMTPConnectionError(kind: .unreachable, description: "SMTP server \(server) unreachable: \(detail)")
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_USE_SSL_FAILED, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
             CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CRL_BADFILE, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
             CURLE_SSL_SHUTDOWN_FAILED:
            return SMTPConnectionError(kind: .tls, description: "TLS with SMTP server \(server) failed: \(detail)")
        default:
            return nil
        }
    }
}
