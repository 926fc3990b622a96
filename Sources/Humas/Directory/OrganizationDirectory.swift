import Postgres

/// Organizations visible to the session's user: add, list, show, edit and (soft) remove.
public struct OrganizationDirectory: Sendable {
    let session: Session

    public func add(_ new: NewOrganization) async throws -> Organization {
        try session.requireDirectoryWriter()
        try Self.checkKindFields(kind: new.kind, mediaType: new.mediaType, ballotNumber: new.ballotNumber, partyScope: new.partyScope)
        if new.ballotNumber != nil { try Self.requireBallotNumberSetter(session.user, partyScope: new.partyScope) }
        let name = try DirectoryInput.name(new.name, field: "name")
        let emails = try DirectoryInput.emails(new.emails)
        let phones = try DirectoryInput.phones(new.phones)
        let tags = try DirectoryInput.tags(new.tags)
        let website = try DirectoryInput.website(new.website)
        let session = self.session
        return try await session.transaction { connection in
            let unit = try UnitDirectory.resolveWritable(new.unitCode, for: session, on: connection)
            let parentID = try Self.resolveParent(id: new.parentID, party: new.party, kind: new.kind, on: connection)
            let row = try connection.query("""
                INSERT INTO humas.organizations AS t (name, short_name, kind, media_type, ballot_number, party_scope, region,
                    parent_id, emails, phones, website, address, tags, notes, unit_id)
                VALUES (\(name), \(DirectoryInput.text(new.shortName)), \(new.kind.rawValue), \(new.mediaType?.rawValue),
                    \(new.ballotNumber), \(new.partyScope?.rawValue), \(DirectoryInput.text(new.region)), \(parentID),
                    \(emails)::text[], \(phones)::text[], \(website), \(DirectoryInput.text(new.address)),
                    \(tags)::text[], \(DirectoryInput.text(new.notes)), \(unit.id))
                RETURNING t.id, \(DirectoryTable.organizations.snapshot) AS snapshot
                """)[0]
            let id: Int64 = try row.decode("id")
            try AuditLog.record(
                on: connection, unitID: unit.id, action: .create, entity: "organization", entityID: id,
                before: nil, after: try row.decode("snapshot"))
            return try Self.fetch(id, on: connection)
        }
    }

    public func show(_ id: Int64) async throws -> Organization {
        try await session.transaction { try Self.fetch(id, on: $0) }
    }

    public func list(_ filter: OrganizationFilter = OrganizationFilter()) async throws -> OrganizationPage {
        try PageSize.check(filter.limit)
        let session = session
        let scope = CursorScope(listing: "organizations", userID: session.user.id, query: filter.cursorQuery)
        return try await session.transaction { connection in
            let signer = try session.cursorSigner(on: connection)
            let after = try filter.cursor.map { try signer.cursor($0, for: scope) }
            var conditions: [PostgresQuery] = ["o.deleted_at IS NULL"]
            if let kind = filter.kind { conditions.append("o.kind = \(kind.rawValue)") }
            if let mediaType = filter.mediaType { conditions.append("o.media_type = \(mediaType.rawValue)") }
            if let code = filter.under {
                let unit = try UnitDirectory.resolve(code, field: "under", on: connection)
                conditions.append("o.unit_id BETWEEN \(unit.id) AND \(unit.subtreeEnd)")
            }
            if let text = DirectoryInput.text(filter.text) {
                conditions.append("""
                    (humas.norm_text(o.name) LIKE '%' || humas.norm_text(\(text)) || '%'
                     OR humas.norm_text(coalesce(o.short_name, '')) LIKE '%' || humas.norm_text(\(text)) || '%')
                    """)
            }
            if let party = filter.party {
                let partyID = try Self.resolveParty(party, on: connection)
                conditions.append("""
                    o.id IN (WITH RECURSIVE tree AS (SELECT \(partyID)::bigint AS id
                             UNION SELECT b.id FROM humas.organizations b JOIN tree ON b.parent_id = tree.id)
                             SELECT id FROM tree)
                    """)
            }
            if let afterID = after?.id ?? filter.after { conditions.append("o.id > \(afterID)") }
            let rows = try connection.query("""
                \(Organization.select) WHERE \(PostgresQuery.joined(conditions, separator: " AND "))
                ORDER BY o.id LIMIT \(filter.limit + 1)
                """)
            let organizations = try rows.prefix(filter.limit).map(Organization.init(row:))
            let next = rows.count > filter.limit ? organizations.last.map { signer.token(PageCursor(id: $0.id), for: scope) } : nil
            return OrganizationPage(organizations: organizations, nextCursor: next)
        }
    }

    public func edit(_ id: Int64, _ changes: OrganizationChanges) async throws -> Organization {
        try session.requireDirectoryWriter()
        var sets: [PostgresQuery] = []
        if let name = changes.name { sets.append("name = \(try DirectoryInput.name(name, field: "name"))") }
        if let shortName = changes.shortName { sets.append("short_name = \(DirectoryInput.text(shortName))") }
        if let kind = changes.kind { sets.append("kind = \(kind.rawValue)") }
        if let mediaType = changes.mediaType { sets.append("media_type = \(mediaType.rawValue)") }
        if let ballotNumber = changes.ballotNumber { sets.append("ballot_number = \(ballotNumber)") }
        if let partyScope = changes.partyScope { sets.append("party_scope = \(partyScope.rawValue)") }
        if let region = changes.region { sets.append("region = \(DirectoryInput.text(region))") }
        if let emails = changes.emails { sets.append("emails = \(try DirectoryInput.emails(emails))::text[]") }
        if let phones = changes.phones { sets.append("phones = \(try DirectoryInput.phones(phones))::text[]") }
        if let website = changes.website { sets.append("website = \(try DirectoryInput.website(website))") }
        if let address = changes.address { sets.append("address = \(DirectoryInput.text(address))") }
        if let tags = changes.tags { sets.append("tags = \(try DirectoryInput.tags(tags))::text[]") }
        if let notes = changes.notes { sets.append("notes = \(DirectoryInput.text(notes))") }
        let session = self.session, fieldSets = sets
        return try await session.transaction { connection in
            let locked = try LockedRow.lock(.organizations, id: id, for: session, on: connection)
            if changes.ballotNumber != nil {
                let stored = try connection.query("SELECT party_scope FROM humas.organizations WHERE id = \(id)")[0]
                    .decode("party_scope", as: String?.self).flatMap(Organization.PartyScope.init(rawValue:))
                try Self.requireBallotNumberSetter(session.user, partyScope: changes.partyScope ?? stored)
            }
            var sets = fieldSets
            if changes.parentID != nil || changes.party != nil {
                let kindRow = try connection.query("SELECT kind FROM humas.organizations WHERE id = \(id)")[0]
                let storedKind = Organization.Kind(rawValue: try kindRow.decode("kind")) ?? .other
                let kind = changes.kind ?? storedKind
                let parentID = try Self.resolveParent(id: changes.parentID, party: changes.party, kind: kind, on: connection)
                try Self.refuseCycle(placing: id, under: parentID, on: connection)
                sets.append("parent_id = \(parentID)")
            }
            if let code = changes.unitCode {
                let unit = try UnitDirectory.resolveWritable(code, for: session, on: connection)
                sets.append("unit_id = \(unit.id)")
            }
            guard !sets.isEmpty else { return try Self.fetch(id, on: connection) }
            let after: String = try connection.query("""
                UPDATE humas.organizations t SET \(PostgresQuery.joined(sets, separator: ", "))
                WHERE t.id = \(id) RETURNING \(DirectoryTable.organizations.snapshot) AS snapshot
                """)[0].decode("snapshot")
            try AuditLog.record(
                on: connection, unitID: locked.unitID, action: .update, entity: "organization", entityID: id,
                before: locked.before, after: after)
            return try Self.fetch(id, on: connection)
        }
    }

    /// Soft-deletes an organization (it stays for history and audit, hidden from listings).
    public func remove(_ id: Int64) async throws {
        try session.requireDirectoryWriter()
        let session = self.session
        try await session.transaction { connection in
            try LockedRow.lock(.organizations, id: id, for: session, on: connection).softDelete(.organizations, on: connection)
        }
    }

    // MARK: Shared with contacts and affiliations

    static func fetch(_ id: Int64, on connection: PostgresConnection) throws -> Organization {
        let rows = try connection.query("\(Organization.select) WHERE o.id = \(id) AND o.deleted_at IS NULL")
        guard let row = rows.first else { throw HumasError.notFound(entity: "organization", key: String(id)) }
        return try Organization(row: row)
    }

    /// The id of a visible national party named by ballot number, short name or full name.
    static func resolveParty(_ reference: String, field: String = "party", on connection: PostgresConnection) throws -> Int64 {
        let text = reference.trimmingCharacters(in: .whitespaces)
        let rows = try connection.query("""
            SELECT o.id FROM humas.organizations o
            WHERE o.kind = 'political_party' AND o.parent_id IS NULL AND o.deleted_at IS NULL
              AND (o.ballot_number = \(Int(text)) OR lower(o.short_name) = lower(\(text)) OR lower(o.name) = lower(\(text)))
            ORDER BY (o.ballot_number = \(Int(text))) IS TRUE DESC, o.id
            LIMIT 1
            """)
        guard let row = rows.first else {
            throw HumasError.invalid(field: field, message: "no political party '\(reference)'; give its ballot number or short name, e.g. 1 or PKB (see `humas org list --kind political_party`)")
        }
        return try row.decode("id")
    }

    /// The kind of a live organization the user can read, or the same refusal for one that is
    /// hidden, deleted or was never there: which of these it is is not the caller's to learn.
    @discardableResult
    static func requireVisible(_ id: Int64, field: String, on connection: PostgresConnection) throws -> String {
        let rows = try connection.query("SELECT kind FROM humas.organizations WHERE id = \(id) AND deleted_at IS NULL")
        guard let row = rows.first else {
            throw HumasError.invalid(field: field, message: "no organization \(id) among those you can see; find it with `humas org list`")
        }
        return try row.decode("kind")
    }

    /// The parent of a branch, by id or (for parties) by the party's name; it must be visible
    /// and of the same kind.
    private static func resolveParent(
        id: Int64?, party: String?, kind: Organization.Kind, on connection: PostgresConnection
    ) throws -> Int64? {
        let parentID: Int64
        if let id {
            parentID = id
        } else if let party {
            guard kind == .politicalParty else {
                throw HumasError.invalid(field: "party", message: "only a political party can be a party's branch; use --parent for other kinds")
            }
            parentID = try resolveParty(party, on: connection)
        } else {
            return nil
        }
        let parentKind = try requireVisible(parentID, field: "parent", on: connection)
        guard parentKind == kind.rawValue else {
            throw HumasError.invalid(field: "parent", message: "organization \(parentID) is a \(parentKind); a branch must be of the same kind as its parent (\(kind.rawValue))")
        }
        return parentID
    }

    /// Ballot numbers are national master data: only KPU RI sets them, and KIP Aceh for the
    /// Aceh-local parties. Checked before anything else touches them, so nobody else can learn
    /// from a "taken" answer which numbers exist (sql/0813 holds the same rule in the database).
    static func requireBallotNumberSetter(_ user: ActingUser, partyScope: Organization.PartyScope?) throws {
        guard user.unitCode == "ID" || (user.unitCode == "ID-AC" && partyScope == .acehLocal) else {
            throw HumasError.forbidden(
                "only KPU RI (unit ID) sets ballot numbers, and KIP Aceh (ID-AC) for Aceh-local parties: they are national master data; leave ballot_number out")
        }
    }

    /// Kind-specific fields, checked before the database so the message names the flag.
    private static func checkKindFields(
        kind: Organization.Kind, mediaType: Organization.MediaType?, ballotNumber: Int?, partyScope: Organization.PartyScope?
    ) throws {
        if mediaType != nil && kind != .mediaOutlet {
            throw HumasError.invalid(field: "media_type", message: "is only for media outlets (kind media_outlet), not \(kind.rawValue)")
        }
        if ballotNumber != nil && kind != .politicalParty {
            throw HumasError.invalid(field: "ballot_number", message: "is only for political parties (kind political_party), not \(kind.rawValue)")
        }
        if partyScope != nil && kind != .politicalParty {
            throw HumasError.invalid(field: "party_scope", message: "is only for political parties (kind political_party), not \(kind.rawValue)")
        }
        if let ballotNumber, !(1...99).contains(ballotNumber) {
            throw HumasError.invalid(field: "ballot_number", message: "must be 1–99, got \(ballotNumber)")
        }
    }
}

extension Session {
    public var organizations: OrganizationDirectory { OrganizationDirectory(session: self) }
}
