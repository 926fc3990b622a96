import Postgres

/// The unit tree, readable by every user.
public struct UnitDirectory: Sendable {
    let session: Session

    /// Units in tree order; with `under`, that unit and everything below it.
    public func list(under code: String? = nil) async throws -> [Unit] {
        try await session.transaction { connection in
            var query: PostgresQuery = "SELECT \(unsafeSQL: Unit.columns) FROM humas.units u LEFT JOIN humas.units p ON p.id = u.parent_id"
            if let code {
                let root = try Self.resolve(code, field: "under", on: connection)
                query += " WHERE u.id BETWEEN \(root.id) AND \(root.subtreeEnd)"
            }
            query += " ORDER BY u.id"
            return try connection.query(query).map(Unit.init(row:))
        }
    }

    /// The unit with this code; "not found" when no unit has it.
    public func show(_ code: String) async throws -> Unit {
        do {
            return try await session.transaction { try Self.resolve(code, on: $0) }
        } catch HumasError.invalid {
            throw HumasError.notFound(entity: "unit", key: code)
        }
    }

    /// The unit with this code (case-insensitive), or a "not found" naming the code.
    static func resolve(_ code: String, field: String = "unit", on connection: PostgresConnection) throws -> Unit {
        let normalized = code.trimmingCharacters(in: .whitespaces).uppercased()
        let rows = try connection.query("""
            SELECT \(unsafeSQL: Unit.columns) FROM humas.units u LEFT JOIN humas.units p ON p.id = u.parent_id
            WHERE u.code = \(normalized)
            """)
        guard let row = rows.first else {
            throw HumasError.invalid(field: field, message: "no unit has the code '\(code)'; list them with `humas unit list`")
        }
        return try Unit(row: row)
    }

    /// Resolves a unit code for a write: it must be the acting user's unit or below.
    static func resolveWritable(_ code: String?, field: String = "unit", for session: Session, on connection: PostgresConnection) throws -> Unit {
        let unit = try resolve(code ?? session.user.unitCode, field: field, on: connection)
        let own = try resolve(session.user.unitCode, on: connection)
        guard own.contains(unit) else {
            throw HumasError.forbidden("\(field) \(unit.code) (\(unit.name)) is outside your scope: you may write only for \(own.name) and the units below it")
        }
        return unit
    }
}

extension Session {
    public var units: UnitDirectory { UnitDirectory(session: self) }
}
