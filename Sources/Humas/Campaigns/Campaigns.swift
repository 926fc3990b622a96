import Foundation
import Postgres

/// Campaigns the session can see: its own units', and its ancestors' (which flow down).
/// Editors and admins create them for their unit or one below it.
public struct Campaigns: Sendable {
    let session: Session

    public func create(_ new: NewCampaign) async throws -> Campaign {
        try session.requireInteractionWriter()
        var problems = FieldProblems()
        let name = problems.check { try ContactLists.validName(new.name) }
        problems.check { try DayRange.check(new.startsOn, field: "starts_on") }
        problems.check { try DayRange.check(new.endsOn, field: "ends_on") }
        if let start = new.startsOn, let end = new.endsOn, end < start {
            problems.add("ends_on", "\(end) is before starts_on \(start); a campaign ends on or after the day it starts")
        }
        try problems.throwIfAny()
        let session = session
        return try await session.transaction { connection in
            let unit = try UnitDirectory.resolveWritable(new.unit, for: session, on: connection)
            let existing = try connection.query("""
                SELECT c.id FROM humas.campaigns c
                WHERE c.unit_id = \(unit.id) AND lower(c.name) = lower(\(name!)) AND c.deleted_at IS NULL
                """)
            if let id = try existing.first?.decode("id", as: Int64.self) {
                throw HumasError.conflict("\(unit.name) already has a campaign named '\(name!)' (id \(id))", existingID: id)
            }
            let id = try connection.query("""
                INSERT INTO humas.campaigns AS t (unit_id, name, description, starts_on, ends_on)
                VALUES (\(unit.id), \(name!), \(ContactLists.cleaned(new.description)), \(new.startsOn), \(new.endsOn))
                RETURNING t.id
                """)[0].decode("id", as: Int64.self)
            let campaign = try Self.fetch(String(id), for: session, on: connection)
            try AuditLog.record(on: connection, unitID: unit.id, action: .create, entity: "campaign", entityID: id,
                                before: nil, after: try Self.snapshot(id, on: connection))
            return campaign
        }
    }

    /// Every campaign the session sees, newest first: its own units' and the ones handed down.
    public func list() async throws -> [Campaign] {
        try await session.transaction { connection in
            try connection.query(Campaign.select + " WHERE c.deleted_at IS NULL ORDER BY c.starts_on DESC NULLS LAST, c.id DESC LIMIT 1000")
                .map(Campaign.init(row:))
        }
    }

    /// A campaign by id or name, with the participation of the units whose work the session sees.
    public func show(_ key: String) async throws -> CampaignDetail {
        let session = session
        return try await session.transaction { connection in
            let campaign = try Self.fetch(key, for: session, on: connection)
            let rows = try connection.query("""
                SELECT un.code, un.name, sum(w.interactions)::int AS interactions, sum(w.mailings)::int AS mailings
                FROM (SELECT i.unit_id, 1 AS interactions, 0 AS mailings FROM humas.interactions i
                      WHERE i.campaign_id = \(campaign.id) AND i.deleted_at IS NULL
                      UNION ALL
                      SELECT m.unit_id, 0, 1 FROM humas.mailings m
                      WHERE m.campaign_id = \(campaign.id) AND m.deleted_at IS NULL) w
                JOIN humas.units un ON un.id = w.unit_id
                GROUP BY un.id, un.code, un.name ORDER BY un.id
                """)
            let participation = try rows.map {
                CampaignParticipation(unitCode: try $0.decode("code"), unitName: try $0.decode("name"),
                                      interactions: try $0.decode("interactions"), mailings: try $0.decode("mailings"))
            }
            return CampaignDetail(campaign: campaign, participation: participation)
        }
    }

    /// The campaign `key` (id or name) names among those the session sees.
    static func fetch(_ key: String, for session: Session, on connection: PostgresConnection) throws -> Campaign {
        let matches = try connection.query(
            Campaign.select + " WHERE c.deleted_at IS NULL AND \(RecordKey.condition(key, alias: "c")) ORDER BY c.id")
            .map(Campaign.init(row:))
        return try RecordKey.pick(matches, key: key, entity: "campaign", ownUnitID: session.user.unitID,
                                  unitID: \.unitID, id: \.id)
    }

    /// The id of the campaign `key` names, for an activity or a mailing to refer to.
    static func resolve(_ key: String?, for session: Session, on connection: PostgresConnection) throws -> Int64? {
        guard let key = key?.trimmingCharacters(in: .whitespaces), !key.isEmpty else { return nil }
        return try fetch(key, for: session, on: connection).id
    }

    static func snapshot(_ id: Int64, on connection: PostgresConnection) throws -> String {
        try connection.query("SELECT to_jsonb(t.*)::text AS j FROM humas.campaigns t WHERE t.id = \(id)")[0].decode("j")
    }
}

extension Session {
    /// Campaigns of the user's scope and the ones handed down to it.
    public var campaigns: Campaigns { Campaigns(session: self) }
}
