import CLibPQ

/// The rows a query returned, decoded on access. Valid only inside the lease that produced them.
public final class PostgresRows: RandomAccessCollection {
    let result: OpaquePointer
    public let columns: [String]
    private let columnIndex: [String: Int]

    init(result: OpaquePointer) {
        self.result = result
        let count = Int(PQnfields(result))
        columns = (0..<count).map { String(cString: PQfname(result, Int32($0))) }
        columnIndex = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    deinit {
        PQclear(result)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { Int(PQntuples(result)) }

    public subscript(position: Int) -> PostgresRow {
        PostgresRow(rows: self, index: Int32(position))
    }

    func column(named name: String) throws -> Int32 {
        guard let index = columnIndex[name] else {
            throw PostgresError(kind: .decoding, message: "the result has no column '\(name)' (it has \(columns.joined(separator: ", ")))")
        }
        return Int32(index)
    }
}

/// One result row. Decode a column by name or position into any ``PostgresDecodable`` type;
/// a mismatch throws an error naming the column.
public struct PostgresRow {
    let rows: PostgresRows
    let index: Int32

    public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try decode(at: rows.column(named: column), as: type)
    }

    public func decode<T: PostgresDecodable>(_ column: Int, as type: T.Type = T.self) throws -> T {
        guard column >= 0, column < rows.columns.count else {
            throw PostgresError(kind: .decoding, message: "the result has no column \(column)")
        }
        return try decode(at: Int32(column), as: type)
    }

    public func isNull(_ column: String) throws -> Bool {
        PQgetisnull(rows.result, index, try rows.column(named: column)) == 1
    }

    private func decode<T: PostgresDecodable>(at column: Int32, as type: T.Type) throws -> T {
        do {
            if PQgetisnull(rows.result, index, column) == 1 { return try T.postgresNull() }
            let text = String(cString: PQgetvalue(rows.result, index, column))
            return try T(postgresText: text)
        } catch let failure as PostgresDecodingFailure {
            throw PostgresError(
                kind: .decoding,
                message: "column '\(rows.columns[Int(column)])' (type oid \(PQftype(rows.result, column))) does not decode as \(T.self): \(failure.reason)",
                column: rows.columns[Int(column)])
        }
    }
}
