import Logging
import NIOConcurrencyHelpers
import NIOPosix

/// A fixed-size pool of connections, each used from a dedicated thread.
///
/// libpq blocks, so work never runs on an event loop or on Swift's cooperative pool: a lease
/// waits (suspended, not blocking a thread) for a free connection, then runs its closure on one
/// of the pool's own threads, which are as many as its connections.
///
/// A connection that died (the server restarted) is noticed when it is leased and reconnected;
/// if the first statement of a lease still finds it dead, the lease runs once more on a fresh
/// connection, so the caller's next call succeeds.
public final class PostgresPool: Sendable {
    public typealias SessionSetup = @Sendable (PostgresConnection) throws -> Void

    private struct State {
        var idle: [PostgresConnection] = []
        var opened = 0
        var waiters: [CheckedContinuation<PostgresConnection?, any Error>] = []
        var closed = false
    }

    public let size: Int
    private let conninfo: String
    private let setup: SessionSetup?
    private let threads: NIOThreadPool
    private let state = NIOLockedValueBox(State())
    private let logger: Logger

    /// - Parameters:
    ///   - conninfo: a conninfo string or URL; empty uses libpq's `PG*` variables.
    ///   - size: connections and threads.
    ///   - setup: runs on every new or reconnected connection (e.g. `SET ROLE`).
    public init(conninfo: String, size: Int = 4, logger: Logger = Logger(label: "humas.postgres"), setup: SessionSetup? = nil) {
        precondition(size > 0, "a pool needs at least one connection")
        self.conninfo = conninfo
        self.size = size
        self.setup = setup
        self.logger = logger
        threads = NIOThreadPool(numberOfThreads: size)
        threads.start()
    }

    /// Runs `body` with a connection of its own, on one of the pool's threads.
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        let leased = try await lease()
        return try await threads.runIfActive { [self] in
            var connection = leased
            do {
                let ready = try self.prepare(connection)
                connection = ready
                defer { self.release(ready) }
                return try self.run(body, on: ready)
            } catch {
                if connection == nil { self.forgetOne() }
                throw error
            }
        }
    }

    /// Runs `body` in a transaction (see ``PostgresConnection/withTransaction(settingLocal:_:)``),
    /// with `settings` set for it first.
    public func withTransaction<T: Sendable>(
        settingLocal settings: [(name: String, value: String)] = [], _ body: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        try await withConnection { connection in try connection.withTransaction(settingLocal: settings, body) }
    }

    /// Closes every connection and stops the threads; later leases fail with `.poolClosed`.
    public func shutdown() async {
        let (idle, waiters) = state.withLockedValue { state in
            state.closed = true
            defer {
                state.idle = []
                state.waiters = []
            }
            return (state.idle, state.waiters)
        }
        _ = idle
        for waiter in waiters { waiter.resume(throwing: PostgresError(kind: .poolClosed, message: "the connection pool is shut down")) }
        try? await threads.shutdownGracefully()
    }

    // MARK: Leasing

    /// An idle connection, or `nil` when the caller may open a new one.
    private func lease() async throws -> PostgresConnection? {
        try await withCheckedThrowingContinuation { continuation in
            let immediate: Result<PostgresConnection?, any Error>? = state.withLockedValue { state in
                if state.closed { return .failure(PostgresError(kind: .poolClosed, message: "the connection pool is shut down")) }
                if let connection = state.idle.popLast() { return .success(connection) }
                if state.opened < size {
                    state.opened += 1
                    return .success(nil)
                }
                state.waiters.append(continuation)
                return nil
            }
            if let immediate { continuation.resume(with: immediate) }
        }
    }

    private func release(_ connection: PostgresConnection) {
        let waiter: CheckedContinuation<PostgresConnection?, any Error>? = state.withLockedValue { state in
            if state.waiters.isEmpty {
                if !state.closed { state.idle.append(connection) } else { state.opened -= 1 }
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: connection)
    }

    /// A connection could not be opened: free its place, or hand the place to a waiter.
    private func forgetOne() {
        let waiter: CheckedContinuation<PostgresConnection?, any Error>? = state.withLockedValue { state in
            if state.waiters.isEmpty {
                state.opened -= 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: nil)
    }

    // MARK: On the pool's threads

    private func prepare(_ leased: PostgresConnection?) throws -> PostgresConnection {
        guard let connection = leased else { return try open() }
        if !connection.isAlive() {
            logger.info("postgres connection lost while idle; reconnecting")
            try reconnect(connection)
        }
        connection.statementsSent = 0
        return connection
    }

    private func open() throws -> PostgresConnection {
        let connection = try PostgresConnection(conninfo: conninfo)
        try setup?(connection)
        return connection
    }

    private func reconnect(_ connection: PostgresConnection) throws {
        try connection.reconnect()
        try setup?(connection)
    }

    private func run<T>(_ body: (PostgresConnection) throws -> T, on connection: PostgresConnection) throws -> T {
        do {
            return try body(connection)
        } catch let error as PostgresError where error.isConnectionError && connection.statementsSent <= 1 {
            logger.info("postgres connection lost before the first statement; reconnecting and retrying once")
            try reconnect(connection)
            connection.statementsSent = 0
            return try body(connection)
        }
    }
}
