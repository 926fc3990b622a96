import Foundation
import Postgres

/// One recorded change: who, where, what, and the record before and after it.
public struct AuditEntry: Sendable, Codable, Hashable {
    public var id: Int64
    public var at: Date
    /// The actor's e-mail; `nil` only if the row names no actor.
    public var actorEmail: String?
    /// The unit the changed record belongs to.
    public var unitCode: String
    public var action: String
    public var entity: String
    public var entityID: Int64?
    /// The record's columns (snake_case, as in the database) before the change; `nil` for a creation.
    public var before: [String: JSONValue]?
    /// The record's columns after the change; `nil` for a hard delete.
    public var after: [String: JSONValue]?

    /// The columns whose value differs between ``before`` and ``after``, sorted; bookkeeping
    /// columns that change with every write (`updated_at`) are left out.
    public var changedFields: [String] {
        let keys = Set((before ?? [:]).keys).union((after ?? [:]).keys).subtracting(["updated_at"])
        return keys.filter { before?[$0] != after?[$0] }.sorted()
    }

    /// The columns ``init(row:)`` reads, from `humas.audit_log a JOIN humas.units un`. Snapshots
    /// come as the reader may see them: references to records they cannot read are left out.
    static let columns = """
        a.id, a.at, humas.audit_actor_email(a.id) AS actor_email, un.code AS unit_code, a.action, a.entity,
        a.entity_id, humas.audit_snapshot_for_reader(a.entity, a.before)::text AS before,
        humas.audit_snapshot_for_reader(a.entity, a.after)::text AS after
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        at = try row.decode("at")
        actorEmail = try row.decode("actor_email")
        unitCode = try row.decode("unit_code")
        action = try row.decode("action")
        entity = try row.decode("entity")
        entityID = try row.decode("entity_id")
        before = try row.decode("before", as: PostgresJSON<[String: JSONValue]>?.self)?.value
        after = try row.decode("after", as: PostgresJSON<[String: JSONValue]>?.self)?.value
    }
}
