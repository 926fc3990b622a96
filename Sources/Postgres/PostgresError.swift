/// An error from PostgreSQL or from talking to it.
///
/// Server errors carry the SQLSTATE and the diagnostic fields libpq reports, so callers can map
/// a constraint violation to the field it protects instead of parsing messages.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is, independent of the server's SQLSTATE.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public static let connectionFailed = Kind(name: "connection failed")
        public static let connectionLost = Kind(name: "connection lost")
        public static let server = Kind(name: "server error")
        public static let decoding = Kind(name: "decoding failed")
        public static let protocolMisuse = Kind(name: "protocol misuse")
        public static let poolClosed = Kind(name: "pool closed")
        public var description: String { name }
    }

    public var kind: Kind
    /// The five-character SQLSTATE, for server errors.
    public var sqlState: String?
    public var message: String
    public var detail: String?
    public var hint: String?
    public var constraint: String?
    public var table: String?
    public var column: String?

    public init(
        kind: Kind, message: String, sqlState: String? = nil, detail: String? = nil,
        hint: String? = nil, constraint: String? = nil, table: String? = nil, column: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
    }

    public var description: String {
        if let sqlState { return "\(message) (SQLSTATE \(sqlState))" }
        return message
    }

    public var isUniqueViolation: Bool { sqlState == "23505" }
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
    public var isCheckViolation: Bool { sqlState == "23514" }
    public var isNotNullViolation: Bool { sqlState == "23502" }
    /// A row-level security `WITH CHECK` refused the row.
    public var isRowSecurityViolation: Bool { sqlState == "42501" && message.contains("row-level security") }
    public var isInsufficientPrivilege: Bool { sqlState == "42501" }
    public var isSerializationFailure: Bool { sqlState == "40001" || sqlState == "40P01" }
    /// A raised exception from PL/pgSQL (`RAISE EXCEPTION`), used by the schema for rule errors.
    public var isRaisedException: Bool { sqlState == "P0001" }
    /// The connection is gone (server restart, network failure): a new connection may succeed.
    public var isConnectionError: Bool {
        kind == .connectionFailed || kind == .connectionLost || (sqlState?.hasPrefix("08") ?? false)
            || sqlState == "57P01" || sqlState == "57P02" || sqlState == "57P03"
    }
}
