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
        return try await session.transaction { try Self.entries(entity: entity, entityID: entityID, limit: limit, before: before, on: $0) }
    }

    /// One page of ``list(entity:entityID:limit:before:)`` with a signed cursor to the next (the API's paging).
    /// - Parameter cursor: `nextCursor` of the previous page, with the same filters.
    public func page(entity: String? = nil, entityID: Int64? = nil, limit: Int = 50, cursor: String? = nil) async throws -> AuditPage {
        try session.requireAdmin("read the audit trail")
        try PageSize.check(limit)
        let session = session
        let scope = CursorScope(listing: "audit", userID: session.user.id, query: [entity ?? "", entityID.map(String.init) ?? ""])
        return try await session.transaction { connection in
            let signer = try session.cursorSigner(on: connection)
            let before = try cursor.map { try signer.cursor($0, for: scope).id }
            let fetched = try Self.entries(entity: entity, entityID: entityID, limit: limit + 1, before: before, on: connection)
            let entries = Array(fetched.prefix(limit))
            let next = fetched.count > limit ? entries.last.map { signer.token(PageCursor(id: $0.id), for: scope) } : nil
            return AuditPage(entries: entries, nextCursor: next)
        }
    }

    private static func entries(
        entity: String?, entityID: Int64?, limit: Int, before: Int64?, on connection: PostgresConnection
    ) throws -> [AuditEntry] {
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

/// A page of the audit trail, newest first.
public struct AuditPage: Sendable {
    public var entries: [AuditEntry]
    /// Pass as `cursor` for the older entries; `nil` on the last page.
    public var nextCursor: String?
}

extension Session {
    /// The audit trail of the acting admin's subtree.
    public var audit: AuditTrail { AuditTrail(session: self) }
}
