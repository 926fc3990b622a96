import Postgres

/// Static contact lists: `session.lists`.
///
/// Every call runs in one transaction scoped to the acting user, so row-level security decides
/// which lists and members exist for them; writes are audited in the same transaction.
public struct ContactLists: Sendable {
    let session: Session

    /// Creates a list owned by `unit` (default: the user's own unit; it must be theirs or below).
    public func create(name: String, description: String? = nil, unit: String? = nil) async throws -> ContactList {
        try session.requireDirectoryWriter()
        let name = try Self.validName(name)
        let description = Self.cleaned(description)
        let session = session
        return try await session.transaction { connection in
            let owner = try UnitDirectory.resolveWritable(unit, for: session, on: connection)
            let row = try connection.query("""
                INSERT INTO humas.lists AS l (name, description, unit_id) VALUES (\(name), \(description), \(owner.id))
                RETURNING l.id, to_jsonb(l)::text AS after
                """)[0]
            let id: Int64 = try row.decode("id")
            try AuditLog.record(
                on: connection, unitID: owner.id, action: .create, entity: "list", entityID: id,
                before: nil, after: try row.decode("after"))
            return try Self.find(String(id), for: session, on: connection)
        }
    }

    /// The live lists the user can see: their unit's, those below it, and their ancestors'.
    public func list() async throws -> [ContactList] {
        try await session.transaction { connection in
            try connection.query(ContactList.select + " ORDER BY l.unit_id, lower(l.name), l.id").map(ContactList.init(row:))
        }
    }

    /// One list (by id or name) with the members the user can see.
    public func show(_ key: String) async throws -> ContactListDetail {
        let session = session
        return try await session.transaction { connection in
            let list = try Self.find(key, for: session, on: connection)
            let ids = try connection.query("""
                SELECT m.contact_id FROM humas.list_members m
                WHERE m.list_id = \(list.id) AND m.removed_at IS NULL
                ORDER BY m.added_at, m.contact_id
                """).map { try $0.decode("contact_id", as: Int64.self) }
            return ContactListDetail(list: list, members: try MemberSummary.load(ids, on: connection))
        }
    }

    /// Gives a list a new name.
    public func rename(_ key: String, to newName: String) async throws -> ContactList {
        let name = try Self.validName(newName)
        return try await change(key, action: .update, set: "name = \(name)")
    }

    /// Deletes a list (softly: it is kept, hidden, with its audit trail).
    public func delete(_ key: String) async throws -> ContactList {
        try await change(key, action: .delete, set: "deleted_at = now()")
    }

    /// Updates one writable list with `assignments`, auditing before and after.
    private func change(_ key: String, action: AuditLog.Action, set assignments: PostgresQuery) async throws -> ContactList {
        try session.requireDirectoryWriter()
        let session = session
        return try await session.transaction { connection in
            let list = try Self.findWritable(key, for: session, on: connection)
            let before = try connection.query("SELECT to_jsonb(l)::text AS j FROM humas.lists l WHERE l.id = \(list.id)")[0]
            let after = try connection.query(
                "UPDATE humas.lists AS l SET \(assignments) WHERE l.id = \(list.id) RETURNING to_jsonb(l)::text AS j")[0]
            try AuditLog.record(
                on: connection, unitID: list.unitID, action: action, entity: "list", entityID: list.id,
                before: try before.decode("j"), after: try after.decode("j"))
            if action == .delete { return list }
            return try Self.find(String(list.id), for: session, on: connection)
        }
    }

    // MARK: Shared rules

    /// The live list `key` names among those the user can see.
    static func find(_ key: String, for session: Session, on connection: PostgresConnection) throws -> ContactList {
        let matches = try connection.query(
            ContactList.select + " AND \(RecordKey.condition(key, alias: "l")) ORDER BY l.id").map(ContactList.init(row:))
        return try RecordKey.pick(
            matches, key: key, entity: "list", ownUnitID: session.user.unitID, unitID: \.unitID, id: \.id)
    }

    /// Like ``find(_:for:on:)``, but a list the user sees and may not change is refused.
    static func findWritable(_ key: String, for session: Session, on connection: PostgresConnection) throws -> ContactList {
        let list = try find(key, for: session, on: connection)
        guard list.writable else {
            throw HumasError.forbidden(
                "list '\(list.name)' belongs to \(list.unitName) and is read-only for you: you may change only lists of \(session.user.unitName) and the units below it")
        }
        return list
    }

    static func validName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200 else {
            throw HumasError.invalid(field: "name", message: "is required (1–200 characters)")
        }
        return trimmed
    }

    static func cleaned(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}

extension Session {
    /// Static contact lists.
    public var lists: ContactLists { ContactLists(session: self) }
}
