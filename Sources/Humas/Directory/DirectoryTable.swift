import Postgres

/// The directory tables a write can touch, with what the audit trail keeps of a row.
enum DirectoryTable: String, Sendable {
    case organizations, contacts, affiliations

    /// The entity name in messages and audit rows.
    var entity: String {
        switch self {
        case .organizations: "organization"
        case .contacts: "contact"
        case .affiliations: "affiliation"
        }
    }

    /// The row as audit JSON, for a row aliased `t`. Search columns are derived from the name
    /// and affiliations, so they are left out rather than stored again with every change.
    var snapshot: PostgresQuery {
        switch self {
        case .contacts:
            "(to_jsonb(t.*) - 'search_name' - 'search_tsv' - 'org_tsv' - 'org_names')::text"
        case .organizations, .affiliations:
            "to_jsonb(t.*)::text"
        }
    }

    var qualifiedName: PostgresQuery { PostgresQuery(unsafeSQL: "humas.\(rawValue)") }
}

/// A live directory row locked for a write, with its state before the write.
struct LockedRow {
    var id: Int64
    var unitID: Int
    var before: String

    /// Locks the row for a change by the session's user.
    ///
    /// A row the user cannot see (or a deleted one) is "not found"; one they can see but not
    /// change (an ancestor's master data, or any row for a viewer) is "forbidden". The second
    /// step asks the database itself: `FOR UPDATE` applies the table's update policy.
    static func lock(
        _ table: DirectoryTable, id: Int64, for session: Session, on connection: PostgresConnection
    ) throws -> LockedRow {
        let visible = try connection.query("""
            SELECT t.unit_id, u.name AS unit_name, \(table.snapshot) AS snapshot
            FROM \(table.qualifiedName) t JOIN humas.units u ON u.id = t.unit_id
            WHERE t.id = \(id) AND t.deleted_at IS NULL
            """)
        guard let row = visible.first else {
            throw HumasError.notFound(entity: table.entity, key: String(id))
        }
        let unitName: String = try row.decode("unit_name")
        let writable = try connection.query("SELECT 1 FROM \(table.qualifiedName) t WHERE t.id = \(id) FOR UPDATE")
        guard !writable.isEmpty else {
            throw HumasError.forbidden(
                "\(table.entity) \(id) belongs to \(unitName) and is read-only for you: you may change only records of \(session.user.unitName) and the units below it")
        }
        return LockedRow(id: id, unitID: try row.decode("unit_id"), before: try row.decode("snapshot"))
    }

    /// Soft-deletes the locked row and audits it.
    func softDelete(_ table: DirectoryTable, on connection: PostgresConnection) throws {
        let after = try connection.query("""
            UPDATE \(table.qualifiedName) t SET deleted_at = now() WHERE t.id = \(id) RETURNING \(table.snapshot) AS snapshot
            """)[0].decode("snapshot", as: String.self)
        try AuditLog.record(
            on: connection, unitID: unitID, action: .delete, entity: table.entity, entityID: id, before: before, after: after)
    }
}
