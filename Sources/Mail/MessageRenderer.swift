import CCurl
import Foundation

/// The bytes of `message` as ``SMTPSession`` sends them (after the SMTP dot-stuffing is undone),
/// for previews and for sizing messages in benchmarks.
///
/// libcurl has no public call that renders a MIME tree on its own; its SMTP transfer is the
/// renderer. So the message goes through the same code as a real send, to an in-process SMTP
/// responder on one end of a socket pair; nothing touches the network. Only the multipart
/// boundaries differ from a real send: libcurl draws them at random for every message.
public func renderMessage(_ message: OutgoingMessage) throws -> [UInt8] {
    var sockets: [Int32] = [-1, -1]
    guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &sockets) == 0 else {
        throw MessageRenderError(description: "could not render the message: socketpair failed: \(String(cString: strerror(errno)))")
    }
    let responder = CapturingSMTPResponder(socket: sockets[1])
    Thread.detachNewThread { responder.run() }
    let code: CURLcode
    do {
        let easy = try CurlEasyHandle()
        // curl closes this end with the handle; the responder sees end of file and finishes.
        try RenderSocket.hand(sockets[0], to: easy)
        let transfer: MessageTransfer
        do {
            transfer = try MessageTransfer(message, on: easy)
        } catch {
            switch error {
            case .rejected(let rejection): throw MessageRenderError(description: "could not render the message: \(rejection.reason)")
            case .curl(let detail): throw MessageRenderError(description: "could not render the message: \(detail)")
            }
        }
        code = easy.perform()
        transfer.detach()
        if code != CURLE_OK {
            throw MessageRenderError(description: "could not render the message: \(easy.failureDetail(code))")
        }
    } catch {
        close(sockets[0])
        _ = responder.waitForMessage()
        throw error
    }
    return responder.waitForMessage()
}

/// Why ``renderMessage(_:)`` produced nothing.
public struct MessageRenderError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Gives libcurl an already connected socket instead of letting it open one.
private enum RenderSocket {
    static func hand(_ socket: Int32, to easy: CurlEasyHandle) throws(SMTPConnectionError) {
        // An IP literal: nothing is resolved; the socket callbacks replace the connect.
        try easy.set(CURLOPT_URL, "smtp://127.0.0.1/humas-render")
        try easy.set(CURLOPT_FORBID_REUSE, 1)
        try easy.set(CURLOPT_TIMEOUT, 30)
        try easy.check(humas_curl_setopt_opensocket_function(easy.handle, { context, _, _ in
            Int32(Int(bitPattern: context) - 1)
        }), CURLOPT_OPENSOCKETFUNCTION)
        // The context is the descriptor plus one, so that descriptor 0 is not a null pointer.
        try easy.set(CURLOPT_OPENSOCKETDATA, pointer: UnsafeMutableRawPointer(bitPattern: Int(socket) + 1))
        try easy.check(humas_curl_setopt_sockopt_function(easy.handle, { _, _, _ in
            humas_curl_sockopt_already_connected
        }), CURLOPT_SOCKOPTFUNCTION)
    }
}
