import Postgres

/// Writes the audit trail: one row per change, in the same transaction as the change, so a
/// change and its record commit or vanish together.
enum AuditLog {
    enum Action: String {
        case create, update, delete, restore, disable, issue, revoke
    }

    /// Records a change. `before` and `after` are JSON texts of the row (`to_jsonb(row)`),
    /// `nil` where the row did not exist.
    static func record(
        on connection: PostgresConnection, unitID: Int, action: Action, entity: String, entityID: Int64,
        before: String?, after: String?
    ) throws {
        try connection.execute("""
            INSERT INTO humas.audit_log (unit_id, action, entity, entity_id, before, after)
            VALUES (\(unitID), \(action.rawValue), \(entity), \(entityID), \(before)::jsonb, \(after)::jsonb)
            """)
    }
}
