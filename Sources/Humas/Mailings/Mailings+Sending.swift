import Foundation
import Postgres

/// The channel workers LISTEN on: a mailing started, resumed or has deliveries to retry.
public let mailingsChannel = "humas_mailings"

extension Mailings {
    /// Sends the mailing: at once, or at its scheduled time if that is still ahead. Starting
    /// resolves the audience and records one delivery per recipient, in one transaction (see
    /// ``start(_:for:on:)``); the workers then send them.
    public func send(_ id: Int64) async throws -> Mailing {
        try session.requireMailingWriter()
        let session = session
        return try await session.transaction { connection in
            let locked = try Self.lock(id, for: session, on: connection)
            let current = locked.current
            switch current.status {
            case .draft, .scheduled: break
            case .paused: throw HumasError.invalid(field: "status", message: "mailing \(id) is paused; continue it with `humas mailing resume \(id)`")
            case .sending, .sent: throw HumasError.invalid(field: "status", message: "mailing \(id) is already \(current.status.rawValue); see `humas mailing status \(id)`")
            case .cancelled: throw HumasError.invalid(field: "status", message: "mailing \(id) was cancelled; write a new one (its deliveries stay on record)")
            }
            if current.status == .draft, let at = current.scheduledAt, at.date > Date() {
                _ = try Self.resolveAudience(current, for: session, on: connection)
                try connection.execute("UPDATE humas.mailings SET status = 'scheduled', sent_by = \(session.user.id) WHERE id = \(id)")
                // Idle workers sleep until the next thing falls due: this is one.
                try connection.notify(mailingsChannel, payload: String(id))
            } else {
                try Self.start(current, for: session, on: connection)
            }
            try locked.audit(on: connection)
            return try Self.fetch(id, for: session, on: connection)
        }
    }

    /// Stops claiming the mailing's deliveries; messages already with a worker (one batch at
    /// most) still go.
    public func pause(_ id: Int64) async throws -> Mailing {
        try await changeStatus(id, from: [.sending, .scheduled], to: .paused, hint: "only a sending or scheduled mailing can be paused")
    }

    public func resume(_ id: Int64) async throws -> Mailing {
        try session.requireMailingWriter()
        let session = session
        return try await session.transaction { connection in
            let locked = try Self.lock(id, for: session, on: connection)
            guard locked.current.status == .paused else {
                throw HumasError.invalid(field: "status", message: "mailing \(id) is \(locked.current.status.rawValue), not paused")
            }
            if locked.current.startedAt == nil {
                // Paused before its scheduled start: back to waiting for it, or start now.
                if let at = locked.current.scheduledAt, at.date > Date() {
                    try connection.execute("UPDATE humas.mailings SET status = 'scheduled' WHERE id = \(id)")
                } else {
                    try Self.start(locked.current, for: session, on: connection)
                }
            } else {
                try connection.execute("UPDATE humas.mailings SET status = 'sending' WHERE id = \(id)")
                try connection.execute("SELECT humas.mail_finish_if_done(\(id))")
                try connection.notify(mailingsChannel, payload: String(id))
            }
            try locked.audit(on: connection)
            return try Self.fetch(id, for: session, on: connection)
        }
    }

    /// Cancels what has not gone yet: queued deliveries become cancelled, and so do those a
    /// crashed worker left claimed (its lease lapsed). A message still with a live worker goes,
    /// and is recorded as sent.
    public func cancel(_ id: Int64) async throws -> Mailing {
        try await changeStatus(id, from: [.draft, .scheduled, .sending, .paused], to: .cancelled,
                         hint: "a sent mailing cannot be cancelled") { connection in
            let cancelled = try connection.execute("""
                UPDATE humas.deliveries SET status = 'cancelled', leased_by = NULL, lease_until = NULL
                WHERE mailing_id = \(id) AND (status = 'queued' OR (status = 'sending' AND lease_until < now()))
                """)
            try connection.execute("UPDATE humas.mailings SET pending = pending - \(cancelled) WHERE id = \(id)")
        }
    }

    /// Queues the failed deliveries again with a fresh count of attempts.
    public func retryFailed(_ id: Int64) async throws -> (mailing: Mailing, requeued: Int) {
        try session.requireMailingWriter()
        let session = session
        return try await session.transaction { connection in
            let locked = try Self.lock(id, for: session, on: connection)
            guard [.sending, .sent, .paused].contains(locked.current.status) else {
                throw HumasError.invalid(field: "status", message: "mailing \(id) is \(locked.current.status.rawValue); only a sent, sending or paused mailing has failed deliveries to retry")
            }
            let requeued = try connection.query("""
                WITH r AS (UPDATE humas.deliveries SET status = 'queued', attempts = 0, next_attempt_at = now(), failed_at = NULL
                           WHERE mailing_id = \(id) AND status = 'failed' RETURNING 1)
                SELECT count(*)::int AS n FROM r
                """)[0].decode("n", as: Int.self)
            try connection.execute("UPDATE humas.mailings SET pending = pending + \(requeued) WHERE id = \(id)")
            if requeued > 0, locked.current.status == .sent {
                try connection.execute("UPDATE humas.mailings SET status = 'sending', finished_at = NULL WHERE id = \(id)")
            }
            if requeued > 0 { try connection.notify(mailingsChannel, payload: String(id)) }
            try locked.audit(on: connection)
            return (try Self.fetch(id, for: session, on: connection), requeued)
        }
    }

    private func changeStatus(
        _ id: Int64, from allowed: [MailingStatus], to status: MailingStatus, hint: String,
        also: @escaping @Sendable (PostgresConnection) throws -> Void = { _ in }
    ) async throws -> Mailing {
        try session.requireMailingWriter()
        let session = session
        return try await session.transaction { connection in
            let locked = try Self.lock(id, for: session, on: connection)
            guard allowed.contains(locked.current.status) else {
                throw HumasError.invalid(field: "status", message: "mailing \(id) is \(locked.current.status.rawValue); \(hint)")
            }
            try connection.execute("UPDATE humas.mailings SET status = \(status.rawValue) WHERE id = \(id)")
            try also(connection)
            try locked.audit(on: connection)
            return try Self.fetch(id, for: session, on: connection)
        }
    }

    // MARK: Starting

    /// Resolves the audience as the session's user and records every delivery: queued, or
    /// skipped with the reason (no e-mail, opted out, suppressed, an address already in this
    /// mailing). Each recipient's merge fields are kept as they are now: that is what they get.
    static func start(_ mailing: Mailing, for session: Session, on connection: PostgresConnection) throws {
        let audience = try resolveAudience(mailing, for: session, on: connection)
        let domain = mailing.fromAddress.split(separator: "@").last.map(String.init) ?? "humas.local"
        try connection.execute("""
            WITH audience AS (SELECT a.contact_id, a.position FROM unnest(\(audience)::bigint[]) WITH ORDINALITY a(contact_id, position)),
            recipients AS (
                SELECT a.position, c.id AS contact_id, nullif(btrim(c.emails[1]), '') AS address, c.opted_out_at
                FROM audience a JOIN humas.contacts c ON c.id = a.contact_id AND c.deleted_at IS NULL),
            suppressed AS (
                SELECT unnest(humas.suppressed_addresses(ARRAY(SELECT lower(r.address) FROM recipients r WHERE r.address IS NOT NULL))) AS address),
            ranked AS (
                SELECT r.*, row_number() OVER (PARTITION BY lower(r.address) ORDER BY r.position) AS nth FROM recipients r)
            INSERT INTO humas.deliveries (mailing_id, unit_id, contact_id, address, status, skip_reason, merge_fields, message_id)
            SELECT \(mailing.id)::bigint, \(mailing.unitID)::int, r.contact_id, r.address,
                   CASE WHEN x.reason IS NULL THEN 'queued' ELSE 'skipped' END, x.reason,
                   coalesce(humas.contact_merge_fields(r.contact_id), '{}'),
                   \(domain)::text
            FROM ranked r
            CROSS JOIN LATERAL (SELECT CASE
                WHEN r.address IS NULL THEN 'no_email'
                WHEN r.opted_out_at IS NOT NULL THEN 'opted_out'
                WHEN lower(r.address) IN (SELECT s.address FROM suppressed s) THEN 'suppressed'
                WHEN r.nth > 1 THEN 'duplicate_address' END AS reason) x
            ORDER BY r.position
            """)
        try connection.execute("""
            UPDATE humas.mailings SET status = 'sending', started_at = now(), sent_by = \(session.user.id),
                pending = (SELECT count(*) FROM humas.deliveries d WHERE d.mailing_id = \(mailing.id) AND d.status = 'queued')
            WHERE id = \(mailing.id)
            """)
        try connection.execute("SELECT humas.mail_finish_if_done(\(mailing.id))")
        try connection.notify(mailingsChannel, payload: String(mailing.id))
    }

    /// The contacts the mailing's list or segment holds now, as the session sees them; an
    /// audience of nobody is refused (nothing would be sent, and nothing is recorded).
    static func resolveAudience(_ mailing: Mailing, for session: Session, on connection: PostgresConnection) throws -> [Int64] {
        var ids: [Int64] = []
        let described: String
        if let listID = mailing.listId {
            ids = try connection.query("""
                SELECT m.contact_id FROM humas.list_members m JOIN humas.contacts c ON c.id = m.contact_id
                WHERE m.list_id = \(listID) AND m.removed_at IS NULL AND c.deleted_at IS NULL ORDER BY m.added_at, m.contact_id
                """).map { try $0.decode("contact_id", as: Int64.self) }
            described = "list '\(mailing.listName ?? String(listID))'"
        } else if let segmentID = mailing.segmentId {
            let segment = try Segments.find(String(segmentID), for: session, on: connection)
            var after: PageCursor?
            repeat {
                let page = try Segments.search(segment.filter, after: after, limit: 1000, on: connection)
                ids += page.map(\.id)
                after = page.count == 1000 ? page.last : nil
            } while after != nil
            described = "segment '\(segment.name)'"
        } else {
            throw HumasError.invalid(field: "audience", message: "mailing \(mailing.id) has no audience; set one with `humas mailing edit \(mailing.id) --list NAME` or --segment")
        }
        guard !ids.isEmpty else {
            throw HumasError.invalid(field: "audience", message: "\(described) resolves to nobody you can see; add contacts to it first")
        }
        return ids
    }
}

extension Mailings {
    /// A scheduled mailing whose time has come (the worker calls this as the user who scheduled it).
    func startScheduled(_ id: Int64) async throws {
        let session = session
        try await session.transaction { connection in
            let locked = try Self.lock(id, for: session, on: connection)
            guard locked.current.status == .scheduled, let at = locked.current.scheduledAt, at.date <= Date() else { return }
            try Self.start(locked.current, for: session, on: connection)
            try locked.audit(on: connection)
        }
    }
}
