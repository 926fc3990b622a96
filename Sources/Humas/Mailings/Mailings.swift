import Crypto
import Foundation
import Postgres

/// Mailings of the session's scope: write one, change it before it goes, look at it.
/// Sending, pausing and the rest are in Mailings+Sending.swift; deliveries in Deliveries.swift.
public struct Mailings: Sendable {
    let session: Session

    public func create(_ new: NewMailing) async throws -> Mailing {
        try session.requireMailingWriter()
        let checked = try CheckedMailing(new)
        let session = session
        return try await session.transaction { connection in
            let unit = try UnitDirectory.resolveWritable(new.unit, for: session, on: connection)
            let zone = UnitZone(timeZone: unit.timeZone)
            let references = try MailingReferences(campaign: new.campaign, list: new.list, segment: new.segment,
                                                   for: session, on: connection)
            let scheduledAt = try new.scheduledAt.map { try Self.schedule($0, zone: new.origin == .api ? nil : zone) }
            let id = try connection.query("""
                INSERT INTO humas.mailings AS t (unit_id, campaign_id, name, from_address, from_name, reply_to,
                    subject_template, text_template, html_template, list_id, segment_id, scheduled_at, rate_per_minute)
                VALUES (\(unit.id), \(references.campaignID), \(checked.name), \(checked.fromAddress), \(checked.fromName),
                    \(checked.replyTo), \(new.subject), \(new.text), \(new.html), \(references.listID), \(references.segmentID),
                    \(scheduledAt), \(new.ratePerMinute))
                RETURNING t.id
                """)[0].decode("id", as: Int64.self)
            try Self.insertAttachments(checked.attachments, mailing: id, unit: unit.id, on: connection)
            try AuditLog.record(on: connection, unitID: unit.id, action: .create, entity: "mailing", entityID: id,
                                before: nil, after: try Self.snapshot(id, on: connection))
            return try Self.fetch(id, for: session, on: connection)
        }
    }

    /// Changes what `changes` names. The message, audience and schedule only while the mailing
    /// is a draft or scheduled (once it is sending, recipients have its text); the rate always.
    public func edit(_ id: Int64, _ changes: MailingChanges) async throws -> Mailing {
        try session.requireMailingWriter()
        guard !changes.isEmpty else {
            throw HumasError.invalid(field: "changes", message: "nothing to change; name at least one field, e.g. --subject or --rate")
        }
        let session = session
        return try await session.transaction { connection in
            let locked = try Self.lock(id, for: session, on: connection)
            let current = locked.current
            if changes.touchesMessage, ![.draft, .scheduled].contains(current.status) {
                throw HumasError.invalid(field: "status", message: "mailing \(id) is \(current.status.rawValue); its message and audience can change only before sending starts (the rate can: --rate)")
            }
            var new = NewMailing(name: changes.name ?? current.name, fromAddress: changes.fromAddress ?? current.fromAddress,
                                 subject: changes.subject ?? current.subject, text: changes.text ?? current.text)
            new.fromName = changes.fromName.map { $0.isEmpty ? nil : $0 } ?? current.fromName
            new.replyTo = changes.replyTo.map { $0.isEmpty ? nil : $0 } ?? current.replyTo
            new.html = changes.html.map { $0.isEmpty ? nil : $0 } ?? current.html
            new.ratePerMinute = changes.ratePerMinute ?? current.ratePerMinute
            new.attachments = changes.addAttachments
            let checked = try CheckedMailing(new)
            let references = try MailingReferences(
                campaign: changes.campaign ?? current.campaignId.map(String.init),
                list: changes.list ?? (changes.segment == nil ? current.listId.map(String.init) : nil),
                segment: changes.segment ?? (changes.list == nil ? current.segmentId.map(String.init) : nil),
                for: session, on: connection)
            let scheduledAt: Date? = try changes.scheduledAt.map {
                $0.isEmpty ? nil : try Self.schedule($0, zone: changes.origin == .api ? nil : current.zone)
            } ?? current.scheduledAt?.date
            try connection.execute("""
                UPDATE humas.mailings SET name = \(checked.name), from_address = \(checked.fromAddress),
                    from_name = \(checked.fromName), reply_to = \(checked.replyTo), subject_template = \(new.subject),
                    text_template = \(new.text), html_template = \(new.html), campaign_id = \(references.campaignID),
                    list_id = \(references.listID), segment_id = \(references.segmentID), scheduled_at = \(scheduledAt),
                    rate_per_minute = \(new.ratePerMinute),
                    status = CASE WHEN status = 'scheduled' AND \(scheduledAt)::timestamptz IS NULL THEN 'draft' ELSE status END
                WHERE id = \(id)
                """)
            for filename in changes.removeAttachments {
                let removed = try connection.query("""
                    DELETE FROM humas.mailing_attachments WHERE mailing_id = \(id) AND (filename = \(filename) OR id::text = \(filename))
                    RETURNING id
                    """)
                if removed.isEmpty {
                    throw HumasError.invalid(field: "remove_attachment", message: "mailing \(id) has no attachment '\(filename)'; see `humas mailing show \(id)`")
                }
            }
            try Self.insertAttachments(checked.attachments, mailing: id, unit: current.unitID, on: connection)
            try locked.audit(on: connection)
            return try Self.fetch(id, for: session, on: connection)
        }
    }

    public func show(_ id: Int64) async throws -> Mailing {
        try await session.transaction { try Self.fetch(id, for: session, on: $0) }
    }

    /// The scope's mailings, newest first; `status` narrows them.
    public func list(status: String? = nil, campaign: String? = nil, limit: Int = 100) async throws -> [Mailing] {
        try PageSize.check(limit)
        let status = try status.map { try InputOrigin.commandLine.parse($0, as: MailingStatus.self, field: "status") }
        let session = session
        return try await session.transaction { connection in
            var query = Mailing.select + " WHERE m.deleted_at IS NULL"
            if let status { query += " AND m.status = \(status.rawValue)" }
            if let campaign { query += " AND m.campaign_id = \(try Campaigns.fetch(campaign, for: session, on: connection).id)" }
            query += " ORDER BY m.created_at DESC, m.id DESC LIMIT \(limit)"
            let units = try session.unitTable(on: connection)
            return try connection.query(query).map { try Mailing(row: $0, units: units) }
        }
    }

    // MARK: Steps

    static func fetch(_ id: Int64, for session: Session, on connection: PostgresConnection) throws -> Mailing {
        let units = try session.unitTable(on: connection)
        guard let row = try connection.query(Mailing.select + " WHERE m.id = \(id) AND m.deleted_at IS NULL").first else {
            throw HumasError.notFound(entity: "mailing", key: String(id))
        }
        return try Mailing(row: row, units: units)
    }

    /// Locks a visible mailing for a change: not found outside the scope, forbidden when the
    /// user may see but not change it.
    static func lock(_ id: Int64, for session: Session, on connection: PostgresConnection) throws -> LockedMailing {
        let current = try fetch(id, for: session, on: connection)
        guard !(try connection.query("SELECT 1 FROM humas.mailings t WHERE t.id = \(id) FOR UPDATE")).isEmpty else {
            throw HumasError.forbidden("mailing \(id) belongs to \(current.unitName) and is read-only for you")
        }
        return LockedMailing(current: current, before: try snapshot(id, on: connection))
    }

    static func snapshot(_ id: Int64, on connection: PostgresConnection) throws -> String {
        try connection.query("""
            SELECT (to_jsonb(t.*) - 'next_slot_at' - 'pending' || jsonb_build_object('attachments',
                   ARRAY(SELECT a.filename FROM humas.mailing_attachments a WHERE a.mailing_id = t.id ORDER BY a.id)))::text AS j
            FROM humas.mailings t WHERE t.id = \(id)
            """)[0].decode("j")
    }

    /// A schedule time: a real time, in the future.
    static func schedule(_ text: String, zone: UnitZone?) throws -> Date {
        let date = try LocalTimeInput.parse(text, field: "scheduled_at", zone: zone)
        guard date > Date() else {
            let shown = (zone ?? .wib).display(date)
            throw HumasError.invalid(field: "scheduled_at", message: "\(shown) is in the past; schedule a later time, or send now with `humas mailing send`")
        }
        return date
    }

    static func insertAttachments(_ attachments: [(filename: String, contentType: String, data: [UInt8])], mailing: Int64, unit: Int,
                                  on connection: PostgresConnection) throws {
        for attachment in attachments {
            let digest = Data(SHA256.hash(data: attachment.data))
            do {
                try connection.execute("""
                    INSERT INTO humas.mailing_attachments (mailing_id, unit_id, filename, content_type, data, sha256)
                    VALUES (\(mailing), \(unit), \(attachment.filename), \(attachment.contentType), \(Data(attachment.data)), \(digest))
                    """)
            } catch let error as PostgresError where error.sqlState == "23505" {
                throw HumasError.invalid(field: "attachment", message: "mailing \(mailing) already has an attachment named \(attachment.filename)")
            }
        }
    }
}

/// A visible, writable mailing locked for a change, with its audit snapshot before it.
struct LockedMailing {
    var current: Mailing
    var before: String

    func audit(on connection: PostgresConnection) throws {
        try AuditLog.record(on: connection, unitID: current.unitID, action: .update, entity: "mailing", entityID: current.id,
                            before: before, after: try Mailings.snapshot(current.id, on: connection))
    }
}

/// The fields of a mailing that need no database to check, checked together.
struct CheckedMailing {
    var name: String
    var fromAddress: String
    var fromName: String?
    var replyTo: String?
    var attachments: [(filename: String, contentType: String, data: [UInt8])]

    init(_ new: NewMailing) throws {
        var problems = FieldProblems()
        let name = problems.check { try ContactLists.validName(new.name) }
        let from = problems.check { try EmailAddress.normalize(new.fromAddress, field: "from") }
        let replyTo = problems.check { try new.replyTo.map { try EmailAddress.normalize($0, field: "reply_to") } }
        problems.check { try MailTemplates(subject: new.subject, text: new.text, html: new.html) }
        if let rate = new.ratePerMinute, !(1...100_000).contains(rate) {
            problems.add("rate", "\(rate) messages a minute is outside 1–100000")
        }
        if new.list != nil, new.segment != nil {
            problems.add("audience", "name a list or a segment, not both")
        }
        if let fromName = new.fromName, fromName.contains(where: \.isNewline) || fromName.count > 100 {
            problems.add("from_name", "must be one line of at most 100 characters")
        }
        var attachments: [(filename: String, contentType: String, data: [UInt8])] = []
        for (index, attachment) in new.attachments.enumerated() {
            if let loaded = problems.check({ try attachment.load(field: new.attachments.count > 1 ? "attachments[\(index)]" : "attachment") }) {
                attachments.append(loaded)
            }
        }
        try problems.throwIfAny()
        self.name = name!
        fromAddress = from!
        self.fromName = ContactLists.cleaned(new.fromName)
        self.replyTo = replyTo ?? nil
        self.attachments = attachments
    }
}

/// The campaign, list and segment a mailing names, resolved among those the user sees.
struct MailingReferences {
    var campaignID: Int64?
    var listID: Int64?
    var segmentID: Int64?

    init(campaign: String?, list: String?, segment: String?, for session: Session, on connection: PostgresConnection) throws {
        campaignID = try Campaigns.resolve(campaign, for: session, on: connection)
        listID = try list.flatMap { $0.isEmpty ? nil : try ContactLists.find($0, for: session, on: connection).id }
        segmentID = try segment.flatMap { $0.isEmpty ? nil : try Segments.find($0, for: session, on: connection).id }
    }
}

extension Session {
    /// Mailings of the user's scope.
    public var mailings: Mailings { Mailings(session: self) }

    func requireMailingWriter() throws {
        guard user.role.writesDirectory else {
            throw HumasError.forbidden("your role is \(user.role): only editors and admins may write or send mailings")
        }
    }
}
