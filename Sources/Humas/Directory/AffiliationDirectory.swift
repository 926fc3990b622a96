import Postgres

/// Affiliations of contacts the session's user may write. An affiliation belongs to its
/// contact's unit: who may change the contact may change its affiliations.
public struct AffiliationDirectory: Sendable {
    let session: Session

    public func add(_ new: NewAffiliation) async throws -> Affiliation {
        try session.requireDirectoryWriter()
        try DayRange.check(new.startedOn, field: "started_on")
        try DayRange.check(new.endedOn, field: "ended_on")
        try Self.checkDates(started: new.startedOn, ended: new.endedOn)
        let session = self.session
        return try await session.transaction { connection in
            try Self.insert(new, for: session, on: connection)
        }
    }

    /// Ends a current affiliation on `endedOn` (it stays in the contact's history).
    public func end(_ id: Int64, on endedOn: PostgresDate) async throws -> Affiliation {
        try session.requireDirectoryWriter()
        try DayRange.check(endedOn, field: "ended_on")
        let session = self.session
        return try await session.transaction { connection in
            try Self.end(id, on: endedOn, for: session, on: connection)
        }
    }

    /// Moves a contact from one organization to another on a day: ends the current affiliation
    /// with `from` and starts one with `to`, keeping the title and beat unless new ones are given.
    public func move(
        contact contactID: Int64, from fromID: Int64, to toID: Int64, on day: PostgresDate,
        title: String? = nil, beat: String? = nil
    ) async throws -> AffiliationMove {
        try session.requireDirectoryWriter()
        try DayRange.check(day, field: "on")
        let session = self.session
        return try await session.transaction { connection in
            let current = try connection.query("""
                \(Affiliation.select)
                WHERE a.contact_id = \(contactID) AND a.organization_id = \(fromID) AND a.ended_on IS NULL AND a.deleted_at IS NULL
                \(Affiliation.order) LIMIT 1
                """)
            guard let row = current.first else {
                _ = try ContactDirectory.fetch(contactID, withAffiliations: false, on: connection)
                throw HumasError.invalid(field: "from", message: "contact \(contactID) has no current affiliation with organization \(fromID); see `humas contact show \(contactID)`")
            }
            let old = try Affiliation(row: row)
            let ended = try Self.end(old.id, on: day, for: session, on: connection)
            let started = try Self.insert(
                NewAffiliation(contactID: contactID, organizationID: toID, title: title ?? old.title,
                               beat: beat ?? old.beat, startedOn: day),
                for: session, on: connection)
            return AffiliationMove(ended: ended, started: started)
        }
    }

    // MARK: Steps, each inside the caller's transaction

    private static func insert(_ new: NewAffiliation, for session: Session, on connection: PostgresConnection) throws -> Affiliation {
        let contact = try LockedRow.lock(.contacts, id: new.contactID, for: session, on: connection)
        _ = try OrganizationDirectory.fetch(new.organizationID, on: connection)
        if new.endedOn == nil {
            let current = try connection.query("""
                SELECT a.id FROM humas.affiliations a
                WHERE a.contact_id = \(new.contactID) AND a.organization_id = \(new.organizationID)
                  AND a.ended_on IS NULL AND a.deleted_at IS NULL
                LIMIT 1
                """)
            if let row = current.first { throw alreadyCurrent(existingID: try row.decode("id", as: Int64.self)) }
        }
        let row = try connection.query("""
            INSERT INTO humas.affiliations AS t (contact_id, organization_id, title, beat, started_on, ended_on, unit_id)
            VALUES (\(new.contactID), \(new.organizationID), \(DirectoryInput.text(new.title)), \(DirectoryInput.beat(new.beat)),
                    \(new.startedOn), \(new.endedOn), \(contact.unitID))
            RETURNING t.id, \(DirectoryTable.affiliations.snapshot) AS snapshot
            """)[0]
        let id: Int64 = try row.decode("id")
        try AuditLog.record(
            on: connection, unitID: contact.unitID, action: .create, entity: "affiliation", entityID: id,
            before: nil, after: try row.decode("snapshot"))
        return try fetch(id, on: connection)
    }

    private static func end(_ id: Int64, on endedOn: PostgresDate, for session: Session, on connection: PostgresConnection) throws -> Affiliation {
        let locked = try LockedRow.lock(.affiliations, id: id, for: session, on: connection)
        let current = try fetch(id, on: connection)
        if let ended = current.endedOn {
            throw HumasError.invalid(field: "ended_on", message: "affiliation \(id) already ended on \(ended)")
        }
        try checkDates(started: current.startedOn, ended: endedOn)
        let after: String = try connection.query("""
            UPDATE humas.affiliations t SET ended_on = \(endedOn) WHERE t.id = \(id)
            RETURNING \(DirectoryTable.affiliations.snapshot) AS snapshot
            """)[0].decode("snapshot")
        try AuditLog.record(
            on: connection, unitID: locked.unitID, action: .update, entity: "affiliation", entityID: id,
            before: locked.before, after: after)
        return try fetch(id, on: connection)
    }

    static func fetch(_ id: Int64, on connection: PostgresConnection) throws -> Affiliation {
        let rows = try connection.query("\(Affiliation.select) WHERE a.id = \(id) AND a.deleted_at IS NULL")
        guard let row = rows.first else { throw HumasError.notFound(entity: "affiliation", key: String(id)) }
        return try Affiliation(row: row)
    }

    /// A contact's affiliations, current first, then past ones, most recent first.
    static func history(ofContact contactID: Int64, on connection: PostgresConnection) throws -> [Affiliation] {
        try connection.query("""
            \(Affiliation.select) WHERE a.contact_id = \(contactID) AND a.deleted_at IS NULL
            \(Affiliation.order)
            """).map(Affiliation.init(row:))
    }

    /// The unique index (sql/0821) that holds one current affiliation per contact and organization.
    static let oneCurrentConstraint = "affiliations_one_current_key"

    /// A second current affiliation of a contact with the same organization: a double entry.
    static func alreadyCurrent(existingID: Int64?) -> HumasError {
        let which = existingID.map { "affiliation \($0)" } ?? "a current affiliation"
        return HumasError.conflict(
            "the contact is already at this organization (\(which)); end it first, or edit it, rather than adding another",
            existingID: existingID)
    }

    private static func checkDates(started: PostgresDate?, ended: PostgresDate?) throws {
        if let started, let ended, ended < started {
            throw HumasError.invalid(field: "ended_on", message: "\(ended) is before started_on \(started); an affiliation cannot end before it starts")
        }
    }
}

extension Session {
    public var affiliations: AffiliationDirectory { AffiliationDirectory(session: self) }
}
