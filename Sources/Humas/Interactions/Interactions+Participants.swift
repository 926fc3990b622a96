import Foundation
import Postgres

extension Interactions {
    /// How many contacts one call may add (a segment of every journalist of a province fits).
    public static let maximumParticipantsAdded = 5_000

    /// The participants of a visible activity: contacts by name, then organizations.
    public func participants(_ id: Int64) async throws -> [Participant] {
        try await session.transaction { connection in
            _ = try Self.fetch(id, for: session, on: connection)
            return try Self.participants(of: id, on: connection)
        }
    }

    /// Adds contacts and organizations, one row each; a list or segment is resolved now. Every
    /// contact must be one the user can see: the first that is not is "not found" and nothing
    /// is written. Someone already there is left as they were.
    public func addParticipants(_ id: Int64, _ selection: ParticipantSelection) async throws -> ParticipantChange {
        try session.requireInteractionWriter()
        guard !selection.isEmpty else {
            throw HumasError.invalid(field: "participants", message: "name at least one --contact, --organization, --list or --segment")
        }
        let role = try selection.origin.parse(selection.role, as: ParticipantRole.self, field: "role")
        let session = session
        return try await session.transaction { connection in
            let locked = try Self.lock(id, for: session, on: connection)
            let before = try Self.participantSnapshot(id, on: connection)
            let (added, requested) = try Self.insert(selection, role: role, attended: nil, into: locked.current, for: session, on: connection)
            if added > 0 {
                try AuditLog.record(
                    on: connection, unitID: locked.current.unitID, action: .update, entity: "interaction_participants",
                    entityID: id, before: before, after: try Self.participantSnapshot(id, on: connection))
            }
            return ParticipantChange(
                interactionId: id, added: added, alreadyPresent: requested - added,
                participants: try Self.participants(of: id, on: connection))
        }
    }

    /// Adds what `selection` names to `interaction`, in the caller's transaction: (rows added,
    /// contacts and organizations named). Everything named must be visible to the user.
    static func insert(
        _ selection: ParticipantSelection, role: ParticipantRole, attended: Bool?, into interaction: Interaction,
        for session: Session, on connection: PostgresConnection
    ) throws -> (Int, Int) {
        let contactIDs = try resolveContacts(selection, for: session, on: connection)
        let organizationIDs = unique(selection.organizations)
        try requireVisible(contacts: contactIDs, organizations: organizationIDs, for: session, on: connection)
        let added = try insertContacts(contactIDs, into: interaction, role: role, invited: selection.invited, attended: attended, on: connection)
            + insertOrganizations(organizationIDs, into: interaction, role: role, invited: selection.invited, attended: attended, on: connection)
        return (added, contactIDs.count + organizationIDs.count)
    }

    /// Marks who came and who did not, after the event. Someone marked present who was not a
    /// participant is added as uninvited. A planned activity whose attendance is marked is done.
    public func markAttendance(_ id: Int64, _ attendance: Attendance) async throws -> ParticipantChange {
        try session.requireInteractionWriter()
        guard !attendance.isEmpty else {
            throw HumasError.invalid(field: "attended", message: "name who came (--contact ID) or who did not (--absent ID)")
        }
        let session = session
        return try await session.transaction { connection in
            let locked = try Self.lock(id, for: session, on: connection)
            let current = locked.current
            if current.status == .cancelled {
                throw HumasError.invalid(field: "attended", message: "interaction \(id) was cancelled (\(current.cancelReason ?? "")); nobody attended it")
            }
            if current.startsAt.date > Date() {
                throw HumasError.invalid(field: "attended", message: "interaction \(id) starts \(current.startsAt); mark attendance after it has begun")
            }
            let contacts = Self.unique(attendance.attendedContacts + attendance.absentContacts)
            let organizations = Self.unique(attendance.attendedOrganizations + attendance.absentOrganizations)
            try Self.requireVisible(contacts: contacts, organizations: organizations, for: session, on: connection)
            let before = try Self.participantSnapshot(id, on: connection)
            var added = 0
            for (ids, came) in [(attendance.attendedContacts, true), (attendance.absentContacts, false)] where !ids.isEmpty {
                added += try Self.insertContacts(Self.unique(ids), into: current, role: .attendee, invited: false, attended: came, on: connection)
                try connection.execute("""
                    UPDATE humas.interaction_participants SET attended = \(came)
                    WHERE interaction_id = \(id) AND contact_id = ANY (\(Self.unique(ids))::bigint[])
                    """)
            }
            for (ids, came) in [(attendance.attendedOrganizations, true), (attendance.absentOrganizations, false)] where !ids.isEmpty {
                added += try Self.insertOrganizations(Self.unique(ids), into: current, role: .attendee, invited: false, attended: came, on: connection)
                try connection.execute("""
                    UPDATE humas.interaction_participants SET attended = \(came)
                    WHERE interaction_id = \(id) AND organization_id = ANY (\(Self.unique(ids))::bigint[])
                    """)
            }
            try AuditLog.record(
                on: connection, unitID: current.unitID, action: .update, entity: "interaction_participants",
                entityID: id, before: before, after: try Self.participantSnapshot(id, on: connection))
            if current.status == .planned {
                try connection.execute("UPDATE humas.interactions SET status = 'done' WHERE id = \(id)")
                try locked.audit(.update, on: connection)
            }
            return ParticipantChange(interactionId: id, added: added, alreadyPresent: contacts.count + organizations.count - added,
                                     participants: try Self.participants(of: id, on: connection))
        }
    }

    // MARK: Steps

    static func participants(of id: Int64, on connection: PostgresConnection) throws -> [Participant] {
        try connection.query(Participant.select + """
             WHERE p.interaction_id = \(id)
            ORDER BY p.contact_id IS NULL, lower(coalesce(c.full_name, o.name, '')), p.id
            """).map(Participant.init(row:))
    }

    /// The contact ids a selection names, lists and segments resolved, each once, in order.
    static func resolveContacts(_ selection: ParticipantSelection, for session: Session, on connection: PostgresConnection) throws -> [Int64] {
        var ids = selection.contacts
        if let key = selection.list {
            let list = try ContactLists.find(key, for: session, on: connection)
            ids += try connection.query("""
                SELECT m.contact_id FROM humas.list_members m JOIN humas.contacts c ON c.id = m.contact_id
                WHERE m.list_id = \(list.id) AND m.removed_at IS NULL AND c.deleted_at IS NULL ORDER BY m.contact_id
                """).map { try $0.decode("contact_id", as: Int64.self) }
        }
        if let key = selection.segment {
            let segment = try Segments.find(key, for: session, on: connection)
            var after: PageCursor?
            repeat {
                let page = try Segments.search(segment.filter, after: after, limit: 1000, on: connection)
                ids += page.map(\.id)
                after = page.count == 1000 ? page.last : nil
            } while after != nil && ids.count <= maximumParticipantsAdded
        }
        let unique = unique(ids)
        guard unique.count <= maximumParticipantsAdded else {
            throw HumasError.invalid(field: "participants", message: "\(unique.count)+ contacts selected; add at most \(maximumParticipantsAdded) at a time (narrow the segment)")
        }
        return unique
    }

    static func unique(_ ids: [Int64]) -> [Int64] {
        var seen = Set<Int64>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// Refuses, naming the first, a participant the user cannot see (a sibling's contact, a
    /// deleted one, a made-up id): participants come from the user's own directory.
    static func requireVisible(contacts: [Int64], organizations: [Int64], for session: Session, on connection: PostgresConnection) throws {
        do {
            try ContactLists.requireVisibleContacts(contacts, on: connection)
            try requireVisibleOrganizations(organizations, on: connection)
        } catch HumasError.notFound(let entity, let key) {
            throw HumasError.invalid(field: "participants", message: "\(entity) \(key) is not among those \(session.user.unitName) can see; add participants from your directory (`humas \(entity == "contact" ? "contact" : "org") list`)")
        }
    }

    static func requireVisibleOrganizations(_ ids: [Int64], on connection: PostgresConnection) throws {
        guard !ids.isEmpty else { return }
        let visible = Set(try connection.query("""
            SELECT o.id FROM humas.organizations o WHERE o.id = ANY (\(ids)::bigint[]) AND o.deleted_at IS NULL
            """).map { try $0.decode("id", as: Int64.self) })
        if let missing = ids.first(where: { !visible.contains($0) }) {
            throw HumasError.notFound(entity: "organization", key: String(missing))
        }
    }

    /// Inserts the contacts not yet there; returns how many. Each row keeps the organization the
    /// contact is at now (their most recent current affiliation), for the organization's timeline.
    static func insertContacts(
        _ ids: [Int64], into interaction: Interaction, role: ParticipantRole, invited: Bool, attended: Bool?,
        on connection: PostgresConnection
    ) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try connection.execute("""
            INSERT INTO humas.interaction_participants (interaction_id, unit_id, starts_at, contact_id, via_organization_id, role, invited, attended)
            SELECT \(interaction.id)::bigint, \(interaction.unitID)::int, \(interaction.startsAt.date)::timestamptz, x.id,
                   (SELECT a.organization_id FROM humas.affiliations a JOIN humas.organizations o ON o.id = a.organization_id
                     WHERE a.contact_id = x.id AND a.ended_on IS NULL AND a.deleted_at IS NULL AND o.deleted_at IS NULL
                     ORDER BY a.started_on DESC NULLS LAST, a.id DESC LIMIT 1),
                   \(role.rawValue)::text, \(invited)::boolean, \(attended)::boolean
            FROM unnest(\(ids)::bigint[]) WITH ORDINALITY AS x (id, n) ORDER BY x.n
            ON CONFLICT (interaction_id, contact_id) WHERE contact_id IS NOT NULL DO NOTHING
            """)
    }

    static func insertOrganizations(
        _ ids: [Int64], into interaction: Interaction, role: ParticipantRole, invited: Bool, attended: Bool?,
        on connection: PostgresConnection
    ) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try connection.execute("""
            INSERT INTO humas.interaction_participants (interaction_id, unit_id, starts_at, organization_id, role, invited, attended)
            SELECT \(interaction.id)::bigint, \(interaction.unitID)::int, \(interaction.startsAt.date)::timestamptz, x,
                   \(role.rawValue)::text, \(invited)::boolean, \(attended)::boolean
            FROM unnest(\(ids)::bigint[]) AS x
            ON CONFLICT (interaction_id, organization_id) WHERE organization_id IS NOT NULL DO NOTHING
            """)
    }

    /// `{"participants": [{contact_id|organization_id, role, invited, attended}]}`, for the audit
    /// trail (whose rows are objects).
    static func participantSnapshot(_ id: Int64, on connection: PostgresConnection) throws -> String {
        try connection.query("""
            SELECT jsonb_build_object('participants', coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
                   'contact_id', p.contact_id, 'organization_id', p.organization_id, 'role', p.role,
                   'invited', p.invited, 'attended', p.attended)) ORDER BY p.id), '[]'))::text AS j
            FROM humas.interaction_participants p WHERE p.interaction_id = \(id)
            """)[0].decode("j")
    }
}
