import CLibPQ
import Foundation

/// A message sent with `NOTIFY` (or `pg_notify`) on a channel this connection listens to.
public struct PostgresNotification: Sendable, Hashable {
    public var channel: String
    public var payload: String
    /// The server process that sent it.
    public var senderProcessID: Int32
}

extension PostgresConnection {
    /// Starts listening on a channel. The name is quoted as an identifier, so any text is safe.
    public func listen(_ channel: String) throws {
        try execute(script: "LISTEN \(try quotedIdentifier(channel))")
    }

    public func unlisten(_ channel: String) throws {
        try execute(script: "UNLISTEN \(try quotedIdentifier(channel))")
    }

    /// Sends a notification; it is delivered when the surrounding transaction commits.
    public func notify(_ channel: String, payload: String = "") throws {
        try execute("SELECT pg_notify(\(channel), \(payload))")
    }

    /// Waits up to `timeout` for a notification on a channel this connection listens to.
    /// Blocks the calling thread: run it on a pool lease or a thread of its own.
    public func waitForNotification(timeout: Duration) throws -> PostgresNotification? {
        let deadline = ContinuousClock.now + timeout
        while true {
            guard PQconsumeInput(handle) == 1 else { throw connectionError() }
            if let notification = PQnotifies(handle) {
                defer { PQfreemem(notification) }
                return PostgresNotification(
                    channel: String(cString: notification.pointee.relname),
                    payload: String(cString: notification.pointee.extra),
                    senderProcessID: notification.pointee.be_pid)
            }
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return nil }
            let components = remaining.components
            let milliseconds = Int32(min(Int64(Int32.max), components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 + 1))
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, milliseconds) < 0, errno != EINTR {
                throw PostgresError(kind: .connectionLost, message: "waiting for a notification failed: \(String(cString: strerror(errno)))")
            }
        }
    }

    func quotedIdentifier(_ name: String) throws -> String {
        guard let quoted = PQescapeIdentifier(handle, name, name.utf8.count) else { throw connectionError() }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }
}
