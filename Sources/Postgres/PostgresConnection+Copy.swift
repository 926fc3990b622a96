import CLibPQ

extension PostgresConnection {
    /// Streams rows into `COPY … FROM STDIN` and returns how many the server stored.
    ///
    /// ```swift
    /// let stored = try connection.copyIn("COPY humas.contacts (full_name, unit_id) FROM STDIN") { writer in
    ///     for person in people { try writer.write([person.name, String(person.unitID)]) }
    /// }
    /// ```
    /// If `feed` throws, the COPY is aborted and nothing of it is stored.
    public func copyIn(_ statement: PostgresQuery, _ feed: (inout PostgresCopyWriter) throws -> Void) throws -> Int {
        guard statement.bindings.isEmpty else {
            throw PostgresError(kind: .protocolMisuse, message: "COPY takes no bound values")
        }
        statementsSent += 1
        let start = PQexec(handle, statement.sql)
        PQclear(try check(start, expecting: [PGRES_COPY_IN]))

        var writer = PostgresCopyWriter(connection: self)
        do {
            try feed(&writer)
            try writer.flush()
        } catch {
            _ = PQputCopyEnd(handle, "aborted by the client")
            drainResults()
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else { throw connectionError() }
        var stored = 0
        var failure: PostgresError?
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) == PGRES_COMMAND_OK {
                stored = Int(String(cString: PQcmdTuples(result))) ?? 0
            } else if failure == nil {
                failure = serverError(result)
            }
            PQclear(result)
        }
        if let failure { throw failure }
        return stored
    }

    func putCopyData(_ bytes: [UInt8]) throws {
        let sent = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1 else { throw connectionError() }
    }

    private func drainResults() {
        while let result = PQgetResult(handle) { PQclear(result) }
    }
}

/// Buffers rows in COPY's text format and sends them in large chunks.
public struct PostgresCopyWriter {
    let connection: PostgresConnection
    private var buffer: [UInt8] = []
    private static let chunkSize = 1 << 16

    init(connection: PostgresConnection) {
        self.connection = connection
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    /// Writes one row; `nil` is SQL NULL. Tabs, newlines and backslashes in values are escaped.
    public mutating func write(_ row: [String?]) throws {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            guard let value else {
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(UInt8(ascii: "N"))
                continue
            }
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\t"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case UInt8(ascii: "\n"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.chunkSize { try flush() }
    }

    /// Writes bytes as they are, for a COPY in CSV or another format the caller produces.
    public mutating func write(raw bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunkSize { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try connection.putCopyData(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
