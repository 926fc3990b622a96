import Foundation
import Postgres

/// Follow-ups (tindak lanjut) of the activities the session can see.
public struct Followups: Sendable {
    let session: Session

    /// Adds a follow-up to an activity the user may change.
    public func add(_ new: NewFollowup) async throws -> Followup {
        try session.requireInteractionWriter()
        var problems = FieldProblems()
        let action = problems.check { try DirectoryInput.name(new.action, field: "action", maxLength: 1000, example: "Kirim rilis hasil rapat ke media") }
        problems.check { try DayRange.check(new.dueOn, field: "due_on") }
        try problems.throwIfAny()
        let session = session
        return try await session.transaction { connection in
            let locked = try Interactions.lock(new.interactionID, for: session, on: connection)
            let assigneeID = try new.assignee.flatMap(DirectoryInput.text).map {
                try Self.assignee($0, of: locked.current, on: connection)
            }
            let row = try connection.query("""
                INSERT INTO humas.followups AS t (interaction_id, unit_id, action, assignee_id, due_on)
                VALUES (\(new.interactionID), \(locked.current.unitID), \(action!), \(assigneeID), \(new.dueOn))
                RETURNING t.id, to_jsonb(t.*)::text AS snapshot
                """)[0]
            let id: Int64 = try row.decode("id")
            try AuditLog.record(on: connection, unitID: locked.current.unitID, action: .create, entity: "followup",
                                entityID: id, before: nil, after: try row.decode("snapshot"))
            return try Self.fetch(id, on: connection)
        }
    }

    /// Marks a follow-up done, today (the user's zone) unless another day is given. The assignee
    /// may do this too, whatever their role.
    public func done(_ id: Int64, on day: PostgresDate? = nil) async throws -> Followup {
        try DayRange.check(day, field: "on")
        let session = session
        return try await session.transaction { connection in
            let current = try Self.fetch(id, on: connection)
            if let doneOn = current.doneOn {
                throw HumasError.invalid(field: "id", message: "follow-up \(id) was already done on \(doneOn)")
            }
            let today = try Self.today(for: session, on: connection)
            let rows = try connection.query("""
                WITH before AS (SELECT to_jsonb(f.*)::text AS j FROM humas.followups f WHERE f.id = \(id))
                UPDATE humas.followups t SET done_on = \(day ?? today) WHERE t.id = \(id)
                RETURNING t.unit_id, (SELECT j FROM before) AS before, to_jsonb(t.*)::text AS after
                """)
            guard let row = rows.first else {
                throw HumasError.forbidden("follow-up \(id) is for \(current.assigneeEmail ?? "nobody yet") at \(current.unitCode): only its assignee or an editor there may mark it done")
            }
            try AuditLog.record(on: connection, unitID: try row.decode("unit_id"), action: .update, entity: "followup",
                                entityID: id, before: try row.decode("before"), after: try row.decode("after"))
            return try Self.fetch(id, on: connection)
        }
    }

    /// Follow-ups by due day (open ones without a day last), at most 1000.
    public func list(_ filter: FollowupFilter = FollowupFilter()) async throws -> [Followup] {
        let session = session
        return try await session.transaction { connection in
            var query = Followup.select + " WHERE i.deleted_at IS NULL"
            if filter.mine { query += " AND f.assignee_id = \(session.user.id)" }
            if filter.open || filter.due { query += " AND f.done_on IS NULL" }
            if filter.due { query += " AND f.due_on <= \(try Self.today(for: session, on: connection))" }
            if let interaction = filter.interaction {
                _ = try Interactions.fetch(interaction, for: session, on: connection)
                query += " AND f.interaction_id = \(interaction)"
            }
            query += " ORDER BY f.done_on IS NOT NULL, f.due_on NULLS LAST, f.id LIMIT 1000"
            return try connection.query(query).map(Followup.init(row:))
        }
    }

    static func fetch(_ id: Int64, on connection: PostgresConnection) throws -> Followup {
        let rows = try connection.query(Followup.select + " WHERE f.id = \(id) AND i.deleted_at IS NULL")
        guard let row = rows.first else { throw HumasError.notFound(entity: "follow-up", key: String(id)) }
        return try Followup(row: row)
    }

    /// The user with this e-mail, when they belong to the activity's unit or one below it.
    static func assignee(_ email: String, of interaction: Interaction, on connection: PostgresConnection) throws -> Int64 {
        let rows = try connection.query("""
            SELECT u.id, u.unit_id BETWEEN o.id AND o.subtree_end AS inside
            FROM humas.users u, humas.units o
            WHERE u.email = \(email.lowercased()) AND u.disabled_at IS NULL AND o.id = \(interaction.unitID)
            """)
        guard let row = rows.first, try row.decode("inside", as: Bool.self) else {
            throw HumasError.invalid(field: "assignee", message: "\(email) is not a user of \(interaction.unitName) or a unit below it; assign it to someone there (see `humas user list`)")
        }
        return try row.decode("id")
    }

    /// Today on the clocks of the user's unit.
    static func today(for session: Session, on connection: PostgresConnection) throws -> PostgresDate {
        let unit = try session.ownUnit(on: connection)
        return UnitZone(timeZone: unit.timeZone).day(of: Date())
    }
}

extension Session {
    /// Follow-ups of the activities the user can see.
    public var followups: Followups { Followups(session: self) }
}
