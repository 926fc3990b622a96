import Postgres

/// Contacts visible to the session's user: add, show, edit and (soft) remove. Listing and
/// search are in ContactDirectory+Search.swift.
public struct ContactDirectory: Sendable {
    let session: Session

    /// Adds a contact, refusing one whose e-mail or phone a visible contact already has
    /// unless `allowDuplicate` is set.
    public func add(_ new: NewContact) async throws -> Contact {
        try session.requireDirectoryWriter()
        let name = try DirectoryInput.name(new.fullName, field: "name")
        let honorific = try Self.honorific(new.honorific)
        let emails = try DirectoryInput.emails(new.emails)
        let phones = try DirectoryInput.phones(new.phones)
        let tags = try DirectoryInput.tags(new.tags)
        let social = try DirectoryInput.social(new.social)
        let session = self.session
        return try await session.transaction { connection in
            let unit = try UnitDirectory.resolveWritable(new.unitCode, for: session, on: connection)
            if !new.allowDuplicate {
                try Self.refuseDuplicates(emails: emails, phones: phones, except: nil, verb: "add", on: connection)
            }
            let row = try connection.query("""
                INSERT INTO humas.contacts AS t (full_name, honorific, category, emails, phones, social, unit_id, tags,
                    legal_basis, consent_note, opted_out_at, notes)
                VALUES (\(name), \(honorific), \(new.category.rawValue), \(emails)::text[], \(phones)::text[],
                    \(PostgresJSON(social))::jsonb, \(unit.id), \(tags)::text[], \(new.legalBasis?.rawValue),
                    \(DirectoryInput.text(new.consentNote)), CASE WHEN \(new.optedOut) THEN now() END,
                    \(DirectoryInput.text(new.notes)))
                RETURNING t.id, \(DirectoryTable.contacts.snapshot) AS snapshot
                """)[0]
            let id: Int64 = try row.decode("id")
            try AuditLog.record(
                on: connection, unitID: unit.id, action: .create, entity: "contact", entityID: id,
                before: nil, after: try row.decode("snapshot"))
            return try Self.fetch(id, withAffiliations: true, on: connection)
        }
    }

    /// A contact with its affiliations, current and past.
    public func show(_ id: Int64) async throws -> Contact {
        try await session.transaction { try Self.fetch(id, withAffiliations: true, on: $0) }
    }

    /// Changes only the given fields; new e-mails and phones are normalized and checked for
    /// duplicates among the other visible contacts.
    public func edit(_ id: Int64, _ changes: ContactChanges) async throws -> Contact {
        try session.requireDirectoryWriter()
        var sets: [PostgresQuery] = []
        if let name = changes.fullName { sets.append("full_name = \(try DirectoryInput.name(name, field: "name"))") }
        if let honorific = changes.honorific { sets.append("honorific = \(try Self.honorific(honorific))") }
        if let category = changes.category { sets.append("category = \(category.rawValue)") }
        let emails = try changes.emails.map(DirectoryInput.emails)
        let phones = try changes.phones.map(DirectoryInput.phones)
        if let emails { sets.append("emails = \(emails)::text[]") }
        if let phones { sets.append("phones = \(phones)::text[]") }
        if let social = changes.social { sets.append("social = \(PostgresJSON(try DirectoryInput.social(social)))::jsonb") }
        if let tags = changes.tags { sets.append("tags = \(try DirectoryInput.tags(tags))::text[]") }
        if let legalBasis = changes.legalBasis { sets.append("legal_basis = \(legalBasis.rawValue)") }
        if let note = changes.consentNote { sets.append("consent_note = \(DirectoryInput.text(note))") }
        if let optedOut = changes.optedOut {
            sets.append(optedOut ? "opted_out_at = coalesce(t.opted_out_at, now())" : "opted_out_at = NULL")
        }
        if let notes = changes.notes { sets.append("notes = \(DirectoryInput.text(notes))") }
        let session = self.session, fieldSets = sets
        return try await session.transaction { connection in
            let locked = try LockedRow.lock(.contacts, id: id, for: session, on: connection)
            var sets = fieldSets
            if let code = changes.unitCode {
                let unit = try UnitDirectory.resolveWritable(code, for: session, on: connection)
                sets.append("unit_id = \(unit.id)")
            }
            if !changes.allowDuplicate && (emails != nil || phones != nil) {
                try Self.refuseDuplicates(emails: emails ?? [], phones: phones ?? [], except: id, verb: "save", on: connection)
            }
            guard !sets.isEmpty else { return try Self.fetch(id, withAffiliations: true, on: connection) }
            let after: String = try connection.query("""
                UPDATE humas.contacts t SET \(PostgresQuery.joined(sets, separator: ", "))
                WHERE t.id = \(id) RETURNING \(DirectoryTable.contacts.snapshot) AS snapshot
                """)[0].decode("snapshot")
            try AuditLog.record(
                on: connection, unitID: locked.unitID, action: .update, entity: "contact", entityID: id,
                before: locked.before, after: after)
            return try Self.fetch(id, withAffiliations: true, on: connection)
        }
    }

    /// Soft-deletes a contact: hidden from listings, search and mailings, kept for the audit trail.
    public func remove(_ id: Int64) async throws {
        try session.requireDirectoryWriter()
        let session = self.session
        try await session.transaction { connection in
            try LockedRow.lock(.contacts, id: id, for: session, on: connection).softDelete(.contacts, on: connection)
        }
    }

    // MARK: Shared steps

    static func fetch(_ id: Int64, withAffiliations: Bool, on connection: PostgresConnection) throws -> Contact {
        let rows = try connection.query("\(Contact.select) WHERE c.id = \(id) AND c.deleted_at IS NULL")
        guard let row = rows.first else { throw HumasError.notFound(entity: "contact", key: String(id)) }
        var contact = try Contact(row: row)
        if withAffiliations { contact.affiliations = try AffiliationDirectory.history(ofContact: id, on: connection) }
        return contact
    }

    /// Throws a conflict naming the first visible contact that already has one of the addresses.
    private static func refuseDuplicates(
        emails: [String], phones: [String], except: Int64?, verb: String, on connection: PostgresConnection
    ) throws {
        guard !emails.isEmpty || !phones.isEmpty else { return }
        let duplicates = try connection.query("""
            SELECT d.contact_id, c.emails, c.phones
            FROM humas.find_contact_duplicates(\(emails)::text[], \(phones)::text[], \(except)::bigint) d
            JOIN humas.contacts c ON c.id = d.contact_id
            ORDER BY d.contact_id LIMIT 1
            """)
        guard let row = duplicates.first else { return }
        let existingID: Int64 = try row.decode("contact_id")
        let theirEmails = Set(try row.decode("emails", as: [String].self).map { $0.lowercased() })
        let theirPhones = Set(try row.decode("phones", as: [String].self))
        let what: String
        if let email = emails.first(where: { theirEmails.contains($0.lowercased()) }) {
            what = "e-mail \(email)"
        } else if let phone = phones.first(where: theirPhones.contains) {
            what = "phone \(phone)"
        } else {
            what = "that e-mail or phone"
        }
        throw HumasError.conflict(
            "a contact with \(what) already exists (id \(existingID)); pass --allow-duplicate to \(verb) anyway",
            existingID: existingID)
    }

    private static func honorific(_ raw: String?) throws -> String? {
        let honorific = DirectoryInput.text(raw)
        if let honorific, honorific.count > 40 {
            throw HumasError.invalid(field: "honorific", message: "must be at most 40 characters, e.g. Bapak or Ibu")
        }
        return honorific
    }
}

extension Session {
    public var contacts: ContactDirectory { ContactDirectory(session: self) }
}
