import Foundation
import Postgres

/// A named outreach effort over a period (a national socialization programme, a regional
/// election's press tour) that groups activities and mailings. Campaigns flow down like the
/// directory: one that KPU RI or a province creates is visible to every unit below, which
/// attaches its own activities and mailings to it.
public struct Campaign: Sendable, Codable, Hashable {
    public var id: Int64
    public var unitCode: String
    public var unitName: String
    public var name: String
    public var description: String?
    public var startsOn: PostgresDate?
    public var endsOn: PostgresDate?
    public var createdAt: Date
    public var updatedAt: Date

    var unitID = 0

    private enum CodingKeys: String, CodingKey {
        case id, unitCode, unitName, name, description, startsOn, endsOn, createdAt, updatedAt
    }

    static let select: PostgresQuery = """
        SELECT c.id, c.unit_id, un.code AS unit_code, un.name AS unit_name, c.name, c.description,
               c.starts_on, c.ends_on, c.created_at, c.updated_at
        FROM humas.campaigns c JOIN humas.units un ON un.id = c.unit_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        unitID = try row.decode("unit_id")
        unitCode = try row.decode("unit_code")
        unitName = try row.decode("unit_name")
        name = try row.decode("name")
        description = try row.decode("description")
        startsOn = try row.decode("starts_on")
        endsOn = try row.decode("ends_on")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(unitCode, forKey: .unitCode)
        try c.encode(unitName, forKey: .unitName)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(startsOn, forKey: .startsOn)
        try c.encode(endsOn, forKey: .endsOn)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}

/// A campaign with what the caller's scope did for it: per unit, how many activities and
/// mailings. Row-level security decides whose work is counted: KPU RI sees every office that
/// took part in its national programme, a kabupaten only its own.
public struct CampaignDetail: Sendable, Encodable {
    public var campaign: Campaign
    public var participation: [CampaignParticipation]

    private enum CodingKeys: String, CodingKey { case participation }

    public func encode(to encoder: any Encoder) throws {
        try campaign.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(participation, forKey: .participation)
    }
}

public struct CampaignParticipation: Sendable, Codable, Hashable {
    public var unitCode: String
    public var unitName: String
    public var interactions: Int
    public var mailings: Int
}

/// A new campaign; `unit` defaults to the user's.
public struct NewCampaign: Sendable {
    public var name: String
    public var description: String?
    public var startsOn: PostgresDate?
    public var endsOn: PostgresDate?
    public var unit: String?

    public init(name: String, description: String? = nil, startsOn: PostgresDate? = nil, endsOn: PostgresDate? = nil, unit: String? = nil) {
        self.name = name
        self.description = description
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.unit = unit
    }
}
