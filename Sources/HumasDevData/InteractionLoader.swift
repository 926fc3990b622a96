import Humas
import Postgres

/// The SQL side of ``InteractionGenerator``: reads the seed's contacts and COPYs generated
/// activities in. Runs inside the generator's transaction, as `humas_owner`.
enum InteractionLoader {
    /// What one batch stored besides its activities.
    struct Stored {
        var participants = 0
        /// Activities with at least one co-organizer.
        var coorganized = 0
        var followups = 0
    }

    /// The seed's contacts `gen-<seed>-<n>` in order of n, with their current organization.
    static func contactPool(seed: UInt64, on connection: PostgresConnection) throws -> ContactPool {
        let prefix = "gen-\(seed)-"
        let rows = try connection.query("""
            SELECT c.id, c.unit_id, current.organization_id
            FROM humas.contacts c
            LEFT JOIN LATERAL (SELECT min(a.organization_id) AS organization_id FROM humas.affiliations a
                               WHERE a.contact_id = c.id AND a.ended_on IS NULL) current ON true
            WHERE c.external_ref LIKE \(prefix + "%") AND c.deleted_at IS NULL
            ORDER BY substr(c.external_ref, length(\(prefix)) + 1)::bigint
            """)
        var ids: [Int64] = [], unitIDs: [Int] = [], organizationIDs: [Int64?] = []
        ids.reserveCapacity(rows.count)
        unitIDs.reserveCapacity(rows.count)
        organizationIDs.reserveCapacity(rows.count)
        for row in rows {
            ids.append(try row.decode(0))
            unitIDs.append(try row.decode(1))
            organizationIDs.append(try row.decode(2))
        }
        return ContactPool(ids: ids, unitIDs: unitIDs, organizationIDs: organizationIDs)
    }

    /// How many activities of this seed are stored.
    static func existingCount(seed: UInt64, on connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT count(*) AS n FROM humas.interactions WHERE external_ref LIKE \("gen-\(seed)-%")")[0]
            .decode("n", as: Int.self)
    }

    /// What an earlier run of this seed stored besides its activities.
    static func existingDetails(seed: UInt64, on connection: PostgresConnection) throws -> Stored {
        let row = try connection.query("""
            WITH i AS (SELECT id FROM humas.interactions WHERE external_ref LIKE \("gen-\(seed)-%"))
            SELECT (SELECT count(*) FROM humas.interaction_participants p WHERE p.interaction_id IN (SELECT id FROM i)) AS participants,
                   (SELECT count(DISTINCT c.interaction_id) FROM humas.interaction_coorganizers c WHERE c.interaction_id IN (SELECT id FROM i)) AS coorganized,
                   (SELECT count(*) FROM humas.followups f WHERE f.interaction_id IN (SELECT id FROM i)) AS followups
            """)[0]
        return Stored(participants: try row.decode("participants"), coorganized: try row.decode("coorganized"),
                      followups: try row.decode("followups"))
    }

    /// COPYs one batch: the activities (their ids drawn first, as contacts' are), then their
    /// co-organizers, participants and follow-ups. The BEFORE triggers of sql/0900 fill
    /// starts_local and common_unit_id as they do for every other insert: measured per 100,000
    /// activities, the starts_local trigger costs 6.6 s against 4.2 s without it, under a tenth
    /// of a whole load, which goes mostly to the participants' foreign-key checks (14.4 s against
    /// 3.9 s per 300,000 rows without them), and those only a superuser could skip.
    static func copy(_ batch: [GeneratedInteraction], pool: ContactPool, on connection: PostgresConnection) throws -> Stored {
        let ids = try GeneratorLoader.reserveIDs(of: "humas.interactions", count: batch.count, on: connection)
        let stored = try GeneratorLoader.copyThroughStaging(into: "humas.interactions", columns: [
            ("id", "bigint"), ("unit_id", "int"), ("external_ref", "text"), ("kind", "text"), ("mode", "text"), ("title", "text"),
            ("starts_at", "timestamptz"), ("ends_at", "timestamptz"), ("place", "text"), ("meeting_url", "text"),
            ("outcome", "text"), ("strategy", "text"), ("status", "text"), ("cancel_reason", "text"), ("audience_count", "int"),
            ("created_by", "bigint"),
        ], overridingIdentity: true, on: connection) { writer in
            for (interaction, id) in zip(batch, ids) {
                try writer.write([
                    String(id), String(interaction.unitID), interaction.externalRef, interaction.kind, interaction.mode,
                    interaction.title, interaction.startsAt, interaction.endsAt, interaction.place, interaction.meetingURL,
                    interaction.outcome, interaction.strategy, interaction.status, interaction.cancelReason,
                    String(interaction.audienceCount), nil,
                ])
            }
        }
        try GeneratorLoader.expect(stored, batch.count, "interactions")

        var result = Stored()
        let coorganizers = try GeneratorLoader.copyThroughStaging(into: "humas.interaction_coorganizers", columns: [
            ("interaction_id", "bigint"), ("unit_id", "int"), ("owner_unit_id", "int"),
        ], on: connection) { writer in
            for (interaction, id) in zip(batch, ids) {
                for unitID in interaction.coorganizerUnitIDs {
                    try writer.write([String(id), String(unitID), String(interaction.unitID)])
                }
            }
        }
        try GeneratorLoader.expect(coorganizers, batch.reduce(0) { $0 + $1.coorganizerUnitIDs.count }, "co-organizers")
        result.coorganized = batch.count(where: { !$0.coorganizerUnitIDs.isEmpty })
        result.participants = try GeneratorLoader.copyThroughStaging(into: "humas.interaction_participants", columns: [
            ("interaction_id", "bigint"), ("unit_id", "int"), ("starts_at", "timestamptz"), ("contact_id", "bigint"),
            ("via_organization_id", "bigint"), ("role", "text"), ("invited", "boolean"), ("attended", "boolean"),
        ], on: connection) { writer in
            for (interaction, id) in zip(batch, ids) {
                for participant in interaction.participants {
                    try writer.write([
                        String(id), String(interaction.unitID), interaction.startsAt, String(pool.ids[participant.contact]),
                        pool.organizationIDs[participant.contact].map(String.init), participant.role, "t",
                        participant.attended.map { $0 ? "t" : "f" },
                    ])
                }
            }
        }
        result.followups = try GeneratorLoader.copyThroughStaging(into: "humas.followups", columns: [
            ("interaction_id", "bigint"), ("unit_id", "int"), ("action", "text"), ("due_on", "date"), ("done_on", "date"),
            ("created_by", "bigint"),
        ], on: connection) { writer in
            for (interaction, id) in zip(batch, ids) {
                for followup in interaction.followups {
                    try writer.write([
                        String(id), String(interaction.unitID), followup.action, followup.dueOn.isoText, followup.doneOn?.isoText, nil,
                    ])
                }
            }
        }
        return result
    }
}
