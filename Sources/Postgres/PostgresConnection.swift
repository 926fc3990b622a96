import CLibPQ
import Foundation

/// One connection to PostgreSQL over libpq. Every call blocks the calling thread.
///
/// Use it from a ``PostgresPool`` lease, which runs the work on a dedicated thread, never on an
/// event loop or Swift's cooperative pool. A connection serves one task at a time.
// @unchecked Sendable: libpq connections are not thread-safe, but the pool leases each one
// exclusively to a single task and hands it over only through its lock, so it is never shared.
public final class PostgresConnection: @unchecked Sendable {
    let handle: OpaquePointer
    /// Statements sent since the pool leased this connection; the pool retries a lease whose very
    /// first statement found the connection dead, as nothing of it reached the server.
    var statementsSent = 0

    /// Connects with a conninfo string or a `postgresql://` URL; an empty string uses libpq's
    /// `PG*` environment variables and defaults.
    public init(conninfo: String) throws {
        guard let connection = PQconnectdb(conninfo) else {
            throw PostgresError(kind: .connectionFailed, message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.oneLine(String(cString: PQerrorMessage(connection)))
            PQfinish(connection)
            throw PostgresError(kind: .connectionFailed, message: message)
        }
        // libpq prints notices ("schema … already exists, skipping") to stderr by default; they
        // are not errors and must not clutter a command's output.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        handle = connection
        try configureSession()
    }

    deinit {
        PQfinish(handle)
    }

    /// Values decode predictably only with a known time zone and date style.
    private func configureSession() throws {
        try execute(script: "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET client_encoding = 'UTF8'")
    }

    /// The server's process id for this session (useful in tests and logs).
    public var backendProcessID: Int32 { PQbackendPID(handle) }

    /// The role the session authenticated as.
    public var user: String { String(cString: PQuser(handle)) }

    /// True while a transaction block is open on this connection.
    public var isInTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    // MARK: Queries

    /// Runs a statement with its values bound and returns all result rows.
    @discardableResult
    public func query(_ query: PostgresQuery) throws -> PostgresRows {
        let result = try run(query)
        return PostgresRows(result: result)
    }

    /// Runs a statement and returns the number of rows it affected.
    @discardableResult
    public func execute(_ query: PostgresQuery) throws -> Int {
        let result = try run(query)
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// Runs one or more statements separated by semicolons, with no bound values (the simple
    /// query protocol). For migration files and fixed session commands only.
    public func execute(script: String) throws {
        statementsSent += 1
        let result = PQexec(handle, script)
        _ = try check(result, expecting: [PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY])
        PQclear(result)
    }

    /// Sets a configuration parameter for the current transaction only (`SET LOCAL`), with the
    /// value bound: `set_config(name, value, true)`.
    public func setLocal(_ name: String, to value: String) throws {
        try execute("SELECT set_config(\(name), \(value), true)")
    }

    private func run(_ query: PostgresQuery) throws -> OpaquePointer {
        let result = try withBoundValues(query.bindings) { values in
            statementsSent += 1
            return PQexecParams(handle, query.sql, Int32(query.bindings.count), nil, values, nil, nil, 0)
        }
        return try check(result, expecting: [PGRES_COMMAND_OK, PGRES_TUPLES_OK])
    }

    /// Calls `body` with `values` as the C strings libpq takes for `$1`, `$2`, … (NULL for nil).
    func withBoundValues<R>(_ values: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws -> R) throws -> R {
        if values.contains(where: { $0?.utf8.contains(0) ?? false }) {
            throw PostgresError(kind: .protocolMisuse, message: "a bound value contains a NUL character, which PostgreSQL text cannot hold")
        }
        let copies: [UnsafeMutablePointer<CChar>?] = values.map { $0.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        return try copies.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { pointers in try body(pointers.baseAddress) }
        }
    }

    /// Returns the result when its status is expected; otherwise frees it and throws.
    func check(_ result: OpaquePointer?, expecting: [ExecStatusType]) throws -> OpaquePointer {
        guard let result else { throw connectionError() }
        let status = PQresultStatus(result)
        if expecting.contains(status) { return result }
        defer { PQclear(result) }
        if status == PGRES_FATAL_ERROR || status == PGRES_NONFATAL_ERROR {
            throw serverError(result)
        }
        throw PostgresError(kind: .protocolMisuse, message: "unexpected result status \(String(cString: PQresStatus(status)))")
    }

    func serverError(_ result: OpaquePointer) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: value)
        }
        let sqlState = field("C")
        let lost = PQstatus(handle) != CONNECTION_OK
        return PostgresError(
            kind: lost ? .connectionLost : .server,
            message: field("M") ?? Self.oneLine(String(cString: PQerrorMessage(handle))),
            sqlState: sqlState, detail: field("D"), hint: field("H"), constraint: field("n"),
            table: field("t"), column: field("c"))
    }

    func connectionError() -> PostgresError {
        PostgresError(
            kind: PQstatus(handle) == CONNECTION_OK ? .server : .connectionLost,
            message: Self.oneLine(String(cString: PQerrorMessage(handle))))
    }

    static func oneLine(_ message: String) -> String {
        message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    // MARK: Health

    /// Reads whatever the server sent while idle, without blocking, and says whether the
    /// connection is still usable. A server that shut down has closed the socket by now.
    func isAlive() -> Bool {
        guard PQstatus(handle) == CONNECTION_OK else { return false }
        guard PQconsumeInput(handle) == 1 else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// Reconnects with the original parameters.
    func reconnect() throws {
        PQreset(handle)
        guard PQstatus(handle) == CONNECTION_OK else {
            throw PostgresError(kind: .connectionFailed, message: Self.oneLine(String(cString: PQerrorMessage(handle))))
        }
        try configureSession()
    }
}
