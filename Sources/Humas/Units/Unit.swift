import Postgres

/// One of the 553 offices: KPU RI, a KPU Provinsi (KIP Aceh), or a KPU/KIP Kabupaten/Kota.
public struct Unit: Sendable, Codable, Hashable {
    public enum Level: String, Sendable, Codable {
        case national, province, regency, city
    }

    /// Pre-order position in the tree; the unit's subtree is `id...subtreeEnd`.
    public var id: Int
    public var code: String
    public var name: String
    public var regionName: String
    public var level: Level
    public var timeZone: String
    public var capital: String?
    public var parentCode: String?
    var subtreeEnd: Int

    /// Whether `other` is this unit or lies below it.
    public func contains(_ other: Unit) -> Bool { (id...subtreeEnd).contains(other.id) }

    static let columns = "u.id, u.code, u.name, u.region_name, u.level, u.time_zone, u.capital, u.subtree_end, p.code AS parent_code"

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        code = try row.decode("code")
        name = try row.decode("name")
        regionName = try row.decode("region_name")
        level = Level(rawValue: try row.decode("level")) ?? .regency
        timeZone = try row.decode("time_zone")
        capital = try row.decode("capital")
        subtreeEnd = try row.decode("subtree_end")
        parentCode = try row.decode("parent_code")
    }

    private enum CodingKeys: String, CodingKey {
        case id, code, name, regionName, level, timeZone, capital, parentCode
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        code = try container.decode(String.self, forKey: .code)
        name = try container.decode(String.self, forKey: .name)
        regionName = try container.decode(String.self, forKey: .regionName)
        level = try container.decode(Level.self, forKey: .level)
        timeZone = try container.decode(String.self, forKey: .timeZone)
        capital = try container.decodeIfPresent(String.self, forKey: .capital)
        parentCode = try container.decodeIfPresent(String.self, forKey: .parentCode)
        subtreeEnd = id
    }
}
