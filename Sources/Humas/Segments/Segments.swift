import Postgres

/// Saved segments: `session.segments`.
///
/// A segment is resolved live through `humas.search_contacts`, the same SECURITY DEFINER search
/// the directory uses, which applies the access rule itself: the same segment shows a province
/// user its whole province and a kabupaten user only what that kabupaten may see.
public struct Segments: Sendable {
    let session: Session

    /// Creates a segment owned by `unit` (default: the user's own unit; theirs or below). The
    /// filter is checked first: a bad value is refused naming its field, and nothing is saved.
    public func create(name: String, description: String? = nil, filter: SegmentFilter, unit: String? = nil) async throws -> Segment {
        try session.requireDirectoryWriter()
        let name = try ContactLists.validName(name)
        let description = ContactLists.cleaned(description)
        let session = session
        return try await session.transaction { connection in
            let owner = try UnitDirectory.resolveWritable(unit, for: session, on: connection)
            let filter = try filter.validated(for: session, on: connection)
            let row = try connection.query("""
                INSERT INTO humas.segments AS s (name, description, filter, unit_id)
                VALUES (\(name), \(description), \(filter.databaseJSON)::jsonb, \(owner.id))
                RETURNING s.id, to_jsonb(s)::text AS after
                """)[0]
            let id: Int64 = try row.decode("id")
            try AuditLog.record(
                on: connection, unitID: owner.id, action: .create, entity: "segment", entityID: id,
                before: nil, after: try row.decode("after"))
            return try Self.find(String(id), for: session, on: connection)
        }
    }

    /// The live segments the user can see: their unit's, those below it, and their ancestors'.
    public func list() async throws -> [Segment] {
        try await session.transaction { connection in
            try connection.query(Segment.select + " ORDER BY s.unit_id, lower(s.name), s.id").map(Segment.init(row:))
        }
    }

    /// One segment, by id or name.
    public func show(_ key: String) async throws -> Segment {
        let session = session
        return try await session.transaction { try Self.find(key, for: session, on: $0) }
    }

    /// Deletes a segment (softly, audited).
    public func delete(_ key: String) async throws -> Segment {
        try session.requireDirectoryWriter()
        let session = session
        return try await session.transaction { connection in
            let segment = try Self.find(key, for: session, on: connection)
            guard segment.writable else {
                throw HumasError.forbidden(
                    "segment '\(segment.name)' belongs to \(segment.unitName) and is read-only for you: you may change only segments of \(session.user.unitName) and the units below it")
            }
            let before = try connection.query("SELECT to_jsonb(s)::text AS j FROM humas.segments s WHERE s.id = \(segment.id)")[0]
            let after = try connection.query(
                "UPDATE humas.segments AS s SET deleted_at = now() WHERE s.id = \(segment.id) RETURNING to_jsonb(s)::text AS j")[0]
            try AuditLog.record(
                on: connection, unitID: segment.unitID, action: .delete, entity: "segment", entityID: segment.id,
                before: try before.decode("j"), after: try after.decode("j"))
            return segment
        }
    }

    /// The live segment `key` names among those the user can see.
    static func find(_ key: String, for session: Session, on connection: PostgresConnection) throws -> Segment {
        let matches = try connection.query(
            Segment.select + " AND \(RecordKey.condition(key, alias: "s")) ORDER BY s.id").map(Segment.init(row:))
        return try RecordKey.pick(
            matches, key: key, entity: "segment", ownUnitID: session.user.unitID, unitID: \.unitID, id: \.id)
    }
}

extension Session {
    /// Saved segments (filters resolved live).
    public var segments: Segments { Segments(session: self) }
}
