import Foundation
import Postgres

/// Activities (kegiatan) of the session's scope: log one that happened, plan one, edit, cancel.
///
/// Row-level security decides what the session sees: activities owned in its subtree, and those
/// its units co-organized. Writes are for editors and admins of the owner's unit or above it.
public struct Interactions: Sendable {
    let session: Session

    /// Logs an activity for `new.unit` (default: the user's unit), with its co-organizers.
    public func log(_ new: NewInteraction) async throws -> Interaction {
        try session.requireInteractionWriter()
        let session = session
        return try await session.transaction { connection in
            let unit = try UnitDirectory.resolveWritable(new.unit, for: session, on: connection)
            let values = try InteractionValues(new, zone: UnitZone(timeZone: unit.timeZone))
            if new.participantsAttended, values.startsAt > Date() {
                throw HumasError.invalid(field: "attended", message: "the activity starts \(UnitZone(timeZone: unit.timeZone).display(values.startsAt)); mark attendance after it has begun")
            }
            let coorganizers = try Self.coorganizerUnits(new.coorganizers, owner: unit, on: connection)
            let campaignID = try Campaigns.resolve(new.campaignID.map(String.init) ?? new.campaign, for: session, on: connection)
            let row = try connection.query("""
                INSERT INTO humas.interactions AS t (unit_id, kind, mode, title, starts_at, ends_at, place, meeting_url,
                    summary, outcome, strategy, status, documentation_urls, audience_count, campaign_id)
                VALUES (\(unit.id), \(values.kind.rawValue), \(values.mode.rawValue), \(values.title), \(values.startsAt),
                    \(values.endsAt), \(values.place), \(values.meetingURL), \(values.summary), \(values.outcome),
                    \(values.strategy.rawValue), \(values.status.rawValue), \(values.documentationURLs)::text[],
                    \(values.audienceCount), \(campaignID))
                RETURNING t.id
                """)[0]
            let id: Int64 = try row.decode("id")
            try Self.setCoorganizers(coorganizers, of: id, owner: unit.id, on: connection)
            try AuditLog.record(
                on: connection, unitID: unit.id, action: .create, entity: "interaction", entityID: id,
                before: nil, after: try Self.snapshot(id, on: connection))
            if !new.participants.isEmpty {
                let interaction = try Self.fetch(id, for: session, on: connection)
                let role = try ParticipantRole.parse(new.participants.role, field: "role")
                _ = try Self.insert(new.participants, role: role, attended: new.participantsAttended ? true : nil,
                                    into: interaction, for: session, on: connection)
                try AuditLog.record(
                    on: connection, unitID: unit.id, action: .create, entity: "interaction_participants", entityID: id,
                    before: nil, after: try Self.participantSnapshot(id, on: connection))
            }
            return try Self.fetch(id, for: session, on: connection)
        }
    }

    /// One activity the session can see.
    public func show(_ id: Int64) async throws -> Interaction {
        try await session.transaction { try Self.fetch(id, for: session, on: $0) }
    }

    /// Changes the fields `changes` names; the rest stay.
    public func edit(_ id: Int64, _ changes: InteractionChanges) async throws -> Interaction {
        try session.requireInteractionWriter()
        guard !changes.isEmpty else {
            throw HumasError.invalid(field: "changes", message: "nothing to change; name at least one field, e.g. --title or --status done")
        }
        let session = session
        return try await session.transaction { connection in
            let locked = try Self.lock(id, for: session, on: connection)
            let values = try InteractionValues(locked.current, applying: changes)
            try connection.execute("""
                UPDATE humas.interactions SET kind = \(values.kind.rawValue), mode = \(values.mode.rawValue),
                    strategy = \(values.strategy.rawValue), title = \(values.title), starts_at = \(values.startsAt),
                    ends_at = \(values.endsAt), place = \(values.place), meeting_url = \(values.meetingURL),
                    summary = \(values.summary), outcome = \(values.outcome), status = \(values.status.rawValue),
                    cancel_reason = CASE WHEN \(values.status.rawValue) = 'cancelled' THEN cancel_reason END,
                    documentation_urls = \(values.documentationURLs)::text[], audience_count = \(values.audienceCount)
                WHERE id = \(id)
                """)
            if let codes = changes.coorganizers {
                let owner = try session.unitTable(on: connection)[locked.current.unitID]
                let units = try Self.coorganizerUnits(codes, owner: owner, on: connection)
                try connection.execute("DELETE FROM humas.interaction_coorganizers WHERE interaction_id = \(id)")
                try Self.setCoorganizers(units, of: id, owner: owner.id, on: connection)
            }
            try locked.audit(.update, on: connection)
            return try Self.fetch(id, for: session, on: connection)
        }
    }

    /// Cancels a planned activity, keeping why (the agenda shows it cancelled; calendars drop it).
    public func cancel(_ id: Int64, reason: String) async throws -> Interaction {
        try session.requireInteractionWriter()
        guard let reason = DirectoryInput.text(reason) else {
            throw HumasError.invalid(field: "reason", message: "say why it is cancelled, e.g. \"Narasumber berhalangan\"")
        }
        let session = session
        return try await session.transaction { connection in
            let locked = try Self.lock(id, for: session, on: connection)
            guard locked.current.status != .cancelled else {
                throw HumasError.invalid(field: "status", message: "interaction \(id) is already cancelled (\(locked.current.cancelReason ?? ""))")
            }
            try connection.execute("UPDATE humas.interactions SET status = 'cancelled', cancel_reason = \(reason) WHERE id = \(id)")
            try locked.audit(.update, on: connection)
            return try Self.fetch(id, for: session, on: connection)
        }
    }

    /// Deletes an activity logged by mistake: hidden from then on, kept for the audit trail.
    public func remove(_ id: Int64) async throws {
        try session.requireInteractionWriter()
        let session = session
        try await session.transaction { connection in
            let locked = try Self.lock(id, for: session, on: connection)
            try connection.execute("UPDATE humas.interactions SET deleted_at = now() WHERE id = \(id)")
            try locked.audit(.delete, on: connection)
        }
    }

    // MARK: Steps inside the caller's transaction

    static func fetch(_ id: Int64, for session: Session, on connection: PostgresConnection) throws -> Interaction {
        let rows = try connection.query(Interaction.select + " WHERE i.id = \(id) AND i.deleted_at IS NULL")
        guard let row = rows.first else { throw HumasError.notFound(entity: "interaction", key: String(id)) }
        return try Interaction(row: row, units: try session.unitTable(on: connection))
    }

    /// The activity with its related rows, as the audit trail keeps it.
    static func snapshot(_ id: Int64, on connection: PostgresConnection) throws -> String {
        try connection.query("""
            SELECT (to_jsonb(t.*) - 'starts_local' || jsonb_build_object('coorganizers',
                   ARRAY(SELECT c.unit_id FROM humas.interaction_coorganizers c WHERE c.interaction_id = t.id ORDER BY c.unit_id)))::text AS j
            FROM humas.interactions t WHERE t.id = \(id)
            """)[0].decode("j")
    }

    /// Locks a visible activity for a write: not found outside the scope, forbidden when it is
    /// visible but not the user's to change (a co-organizer's, or any for a viewer).
    static func lock(_ id: Int64, for session: Session, on connection: PostgresConnection) throws -> LockedInteraction {
        let current = try fetch(id, for: session, on: connection)
        let writable = try connection.query("SELECT 1 FROM humas.interactions t WHERE t.id = \(id) FOR UPDATE")
        guard !writable.isEmpty else {
            throw HumasError.forbidden(
                "interaction \(id) belongs to \(current.unitName) and is read-only for you: you may change only activities of \(session.user.unitName) and the units below it")
        }
        return LockedInteraction(current: current, before: try snapshot(id, on: connection))
    }

    /// The units named as co-organizers: known codes, none of them the owner, each once.
    static func coorganizerUnits(_ codes: [String], owner: Unit, on connection: PostgresConnection) throws -> [Unit] {
        try DirectoryInput.checkCount(codes.count, field: "coorganizers", maximum: 50)
        var units: [Unit] = []
        for code in codes {
            let unit = try UnitDirectory.resolve(code, field: "coorganizers", on: connection)
            guard unit.id != owner.id else {
                throw HumasError.invalid(field: "coorganizers", message: "\(unit.code) owns the activity; co-organizers are the other units that held it")
            }
            if !units.contains(unit) { units.append(unit) }
        }
        return units
    }

    static func setCoorganizers(_ units: [Unit], of id: Int64, owner: Int, on connection: PostgresConnection) throws {
        guard !units.isEmpty else { return }
        try connection.execute("""
            INSERT INTO humas.interaction_coorganizers (interaction_id, unit_id, owner_unit_id, common_unit_id)
            SELECT \(id)::bigint, u, \(owner)::int, 0 FROM unnest(\(units.map(\.id))::int[]) AS u
            """)
    }
}

/// A visible, writable activity locked for a change, with its audit snapshot before it.
struct LockedInteraction {
    var current: Interaction
    var before: String

    func audit(_ action: AuditLog.Action, on connection: PostgresConnection) throws {
        try AuditLog.record(
            on: connection, unitID: current.unitID, action: action, entity: "interaction", entityID: current.id,
            before: before, after: try Interactions.snapshot(current.id, on: connection))
    }
}

extension Session {
    /// The activities of the user's scope.
    public var interactions: Interactions { Interactions(session: self) }

    func requireInteractionWriter() throws {
        guard user.role.writesDirectory else {
            throw HumasError.forbidden("your role is \(user.role): only editors and admins may log or change activities")
        }
    }
}
