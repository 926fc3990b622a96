import Foundation

/// The smallest SMTP server that accepts one message, on a socket of its own thread, and keeps
/// the DATA it received with the dot-stuffing undone: the other half of ``renderMessage(_:)``.
// @unchecked Sendable: `message` is written by the responder's thread only, before it signals
// `finished`, and read by the caller only after waiting for that signal.
final class CapturingSMTPResponder: @unchecked Sendable {
    private let socket: Int32
    private let finished = DispatchSemaphore(value: 0)
    private var message: [UInt8] = []

    init(socket: Int32) {
        self.socket = socket
    }

    func run() {
        defer {
            close(socket)
            finished.signal()
        }
        var input: [UInt8] = []
        var inData = false
        guard reply("220 humas-render ESMTP") else { return }
        while true {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = read(socket, &chunk, chunk.count)
            guard count > 0 else { return }
            input += chunk[0..<count]
            while true {
                if inData {
                    guard let end = Self.endOfData(in: input) else { break }
                    message = Self.unstuffed(Array(input[0..<end]))
                    input.removeFirst(end + 3)
                    inData = false
                    guard reply("250 2.0.0 rendered") else { return }
                    continue
                }
                guard let newline = input.firstIndex(of: UInt8(ascii: "\n")) else { break }
                let command = String(decoding: input[0..<newline], as: UTF8.self).uppercased()
                input.removeFirst(newline + 1)
                if command.hasPrefix("DATA") {
                    inData = true
                    guard reply("354 end with <CRLF>.<CRLF>") else { return }
                } else if command.hasPrefix("QUIT") {
                    _ = reply("221 2.0.0 bye")
                    return
                } else {
                    guard reply("250 ok") else { return }
                }
            }
        }
    }

    func waitForMessage() -> [UInt8] {
        finished.wait()
        return message
    }

    private func reply(_ line: String) -> Bool {
        let bytes = Array((line + "\r\n").utf8)
        return send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count
    }

    /// The index just past the message's last CRLF, where the terminating ".\r\n" begins.
    private static func endOfData(in input: [UInt8]) -> Int? {
        let terminator: [UInt8] = Array("\r\n.\r\n".utf8)
        if input.starts(with: terminator.dropFirst(2)) { return 0 }
        guard input.count >= terminator.count else { return nil }
        for start in 0...(input.count - terminator.count) where input[start..<(start + terminator.count)].elementsEqual(terminator) {
            return start + 2
        }
        return nil
    }

    /// RFC 5321 §4.5.2: a line that starts with a dot was sent with one more.
    private static func unstuffed(_ data: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(data.count)
        var atLineStart = true
        for byte in data {
            if atLineStart && byte == UInt8(ascii: ".") {
                atLineStart = false
                continue
            }
            result.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        return result
    }
}
