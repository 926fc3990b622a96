import CCurl
import Foundation

/// The bytes of `message` as ``SMTPSession`` sends them (after the SMTP dot-stuffing is undone),
/// for previews and for sizing messages in benchmarks.
///
/// libcurl has no public call that renders a MIME tree on its own; its SMTP transfer is the
/// renderer. So the message goes through the same code as a real send, to an in-process SMTP
/// responder listening on a loopback port for this one message. Only the multipart boundaries
/// differ from a real send: libcurl draws them at random for every message.
public func renderMessage(_ message: OutgoingMessage) throws -> [UInt8] {
    let responder = try CapturingSMTPResponder()
    Thread.detachNewThread { responder.run() }
    defer { responder.stop() }
    let easy = try CurlEasyHandle()
    try easy.set(CURLOPT_URL, "smtp://127.0.0.1:\(responder.port)/humas-render")
    try easy.set(CURLOPT_TIMEOUT, 30)
    // Closing the connection after the message (QUIT) lets the responder finish at once.
    try easy.set(CURLOPT_FORBID_REUSE, 1)
    let transfer: MessageTransfer
    do {
        transfer = try MessageTransfer(message, on: easy)
    } catch {
        switch error {
        case .rejected(let rejection): throw MessageRenderError(description: "could not render the message: \(rejection.reason)")
        case .curl(let detail): throw MessageRenderError(description: "could not render the message: \(detail)")
        }
    }
    let code = easy.perform()
    transfer.detach()
    guard code == CURLE_OK, let rendered = responder.waitForMessage() else {
        throw MessageRenderError(description: "could not render the message: \(easy.failureDetail(code))")
    }
    return rendered
}

/// Why ``renderMessage(_:)`` produced nothing.
public struct MessageRenderError: Error, Sendable, CustomStringConvertible {
    public var description: String
}
