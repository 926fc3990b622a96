import Foundation
import Postgres

/// Reads the audit trail. Admins only; row-level security limits the rows to the admin's own
/// subtree (never an ancestor's or a sibling's changes).
public struct AuditTrail: Sendable {
    let session: Session

    /// The most recent entries first.
    /// - Parameters:
    ///   - entity: Only changes of this kind of record (`contact`, `user`, `token`, …).
    ///   - entityID: Only changes of the record with this id.
    ///   - limit: At most this many entries (1–1000).
    ///   - before: Only entries older than the entry with this id: pass the last id of a page to
    ///     get the next one.
    public func list(entity: String? = nil, entityID: Int64? = nil, limit: Int = 50, before: Int64? = nil) async throws -> [AuditEntry] {
        try session.requireAdmin("read the audit trail")
        guard (1...1000).contains(limit) else {
            throw HumasError.invalid(field: "limit", message: "must be between 1 and 1000")
        }
        return try await session.transaction { connection in
            var query: PostgresQuery = """
                SELECT \(unsafeSQL: AuditEntry.columns) FROM humas.audit_log a JOIN humas.units un ON un.id = a.unit_id WHERE true
                """
            if let entity {
                query += " AND a.entity = \(entity.trimmingCharacters(in: .whitespaces).lowercased())"
            }
            if let entityID {
                query += " AND a.entity_id = \(entityID)"
            }
            if let before {
                query += " AND a.id < \(before)"
            }
            query += " ORDER BY a.id DESC LIMIT \(limit)"
            return try connection.query(query).map(AuditEntry.init(row:))
        }
    }
}

extension Session {
    /// The audit trail of the acting admin's subtree.
    public var audit: AuditTrail { AuditTrail(session: self) }
}
