import Foundation
import NIOConcurrencyHelpers

/// The smallest SMTP server that accepts one message on a loopback port of its own, on its own
/// thread, and keeps the DATA it received with the dot-stuffing undone: the other half of
/// ``renderMessage(_:)``.
final class CapturingSMTPResponder: Sendable {
    let port: Int
    private let listener: Int32
    private let finished = DispatchSemaphore(value: 0)
    private let message = NIOLockedValueBox<[UInt8]?>(nil)
    /// Guards the listening descriptor: once closed, its number may belong to another socket.
    private let listenerClosed = NIOLockedValueBox(false)
    /// How long to wait for curl at each step: it is in this process, so only a bug is slower.
    private static let patienceMilliseconds: Int32 = 30_000

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = listener >= 0 && withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 1) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        guard listening else {
            let reason = String(cString: strerror(errno))
            if listener >= 0 { close(listener) }
            throw MessageRenderError(description: "could not render the message: no loopback port to render through: \(reason)")
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Accepts one connection and serves it; gives up when curl never comes.
    func run() {
        defer {
            listenerClosed.withLockedValue { closed in
                close(listener)
                closed = true
            }
            finished.signal()
        }
        guard Self.wait(for: listener) else { return }
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        defer { close(connection) }
        converse(on: connection)
    }

    /// The message, or nil when none arrived.
    func waitForMessage() -> [UInt8]? {
        finished.wait()
        return message.withLockedValue { $0 }
    }

    /// Wakes a responder still waiting for a connection, so that its thread ends.
    func stop() {
        listenerClosed.withLockedValue { closed in
            if !closed { shutdown(listener, Int32(SHUT_RDWR)) }
        }
    }

    private func converse(on connection: Int32) {
        var input: [UInt8] = []
        var inData = false
        guard Self.reply("220 humas-render ESMTP", on: connection) else { return }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while Self.wait(for: connection) {
            let count = read(connection, &chunk, chunk.count)
            guard count > 0 else { return }
            input += chunk[0..<count]
            while true {
                if inData {
                    guard let end = Self.endOfData(in: input) else { break }
                    message.withLockedValue { $0 = Self.unstuffed(input[0..<end]) }
                    input.removeFirst(end + 3)
                    inData = false
                    guard Self.reply("250 2.0.0 rendered", on: connection) else { return }
                    continue
                }
                guard let newline = input.firstIndex(of: UInt8(ascii: "\n")) else { break }
                let command = String(decoding: input[0..<newline], as: UTF8.self).uppercased()
                input.removeFirst(newline + 1)
                if command.hasPrefix("DATA") {
                    inData = true
                    guard Self.reply("354 end with <CRLF>.<CRLF>", on: connection) else { return }
                } else if command.hasPrefix("QUIT") {
                    _ = Self.reply("221 2.0.0 bye", on: connection)
                    return
                } else {
                    guard Self.reply("250 ok", on: connection) else { return }
                }
            }
        }
    }

    private static func wait(for socket: Int32) -> Bool {
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, patienceMilliseconds) == 1
    }

    private static func reply(_ line: String, on connection: Int32) -> Bool {
        let bytes = Array((line + "\r\n").utf8)
        return send(connection, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count
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
    private static func unstuffed(_ data: ArraySlice<UInt8>) -> [UInt8] {
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
