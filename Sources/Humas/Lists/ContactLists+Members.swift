import Postgres

extension ContactLists {
    /// Adds contacts to a list. Every contact must be visible to the user: the first that is not
    /// is reported as not found and nothing is written. Adding a member again is harmless, and
    /// re-adds one removed earlier.
    public func add(_ contactIDs: [Int64], to key: String) async throws -> ListMembershipChange {
        try await changeMembers(of: key, contactIDs: contactIDs) { connection, list, ids in
            try connection.execute("""
                INSERT INTO humas.list_members AS m (list_id, contact_id)
                SELECT \(list.id), x FROM unnest(\(ids)::bigint[]) AS x
                ON CONFLICT (list_id, contact_id) DO UPDATE SET removed_at = NULL, added_at = now()
                WHERE m.removed_at IS NOT NULL
                """)
        }
    }

    /// Removes contacts from a list (the membership row is kept, marked removed). Contacts that
    /// are not members are left alone; ones the user cannot see are not found.
    public func remove(_ contactIDs: [Int64], from key: String) async throws -> ListMembershipChange {
        try await changeMembers(of: key, contactIDs: contactIDs) { connection, list, ids in
            try connection.execute("""
                UPDATE humas.list_members SET removed_at = now()
                WHERE list_id = \(list.id) AND contact_id = ANY (\(ids)::bigint[]) AND removed_at IS NULL
                """)
        }
    }

    /// The shared steps of a membership change: role, writable list, visible contacts, the
    /// change itself, and one audit row with the member ids before and after.
    private func changeMembers(
        of key: String, contactIDs: [Int64],
        _ apply: @escaping @Sendable (PostgresConnection, ContactList, [Int64]) throws -> Int
    ) async throws -> ListMembershipChange {
        try session.requireDirectoryWriter()
        var seen = Set<Int64>()
        let ids = contactIDs.filter { seen.insert($0).inserted }
        guard !ids.isEmpty else {
            throw HumasError.invalid(field: "contacts", message: "give at least one contact id")
        }
        let session = session
        return try await session.transaction { connection in
            let list = try Self.findWritable(key, for: session, on: connection)
            try Self.requireVisibleContacts(ids, on: connection)
            let before = try Self.memberSnapshot(list.id, on: connection)
            let changed = try apply(connection, list, ids)
            if changed > 0 {
                try AuditLog.record(
                    on: connection, unitID: list.unitID, action: .update, entity: "list", entityID: list.id,
                    before: before, after: try Self.memberSnapshot(list.id, on: connection))
            }
            return ListMembershipChange(list: try Self.find(String(list.id), for: session, on: connection), changed: changed)
        }
    }

    /// Throws "contact N not found" for the first id the user cannot see (or that is deleted).
    static func requireVisibleContacts(_ ids: [Int64], on connection: PostgresConnection) throws {
        let visible = Set(try connection.query("""
            SELECT c.id FROM humas.contacts c WHERE c.id = ANY (\(ids)::bigint[]) AND c.deleted_at IS NULL
            """).map { try $0.decode("id", as: Int64.self) })
        if let missing = ids.first(where: { !visible.contains($0) }) {
            throw HumasError.notFound(entity: "contact", key: String(missing))
        }
    }

    /// `{"members": [ids]}`: the list's current members, for the audit trail.
    static func memberSnapshot(_ listID: Int64, on connection: PostgresConnection) throws -> String {
        try connection.query("""
            SELECT jsonb_build_object('members', coalesce(jsonb_agg(m.contact_id ORDER BY m.contact_id), '[]'))::text AS j
            FROM humas.list_members m WHERE m.list_id = \(listID) AND m.removed_at IS NULL
            """)[0].decode("j")
    }
}
