import Foundation
import Postgres

/// A saved filter over the directory ("Wartawan pemilu Jateng"). It stores the question, not
/// the answer: its contacts are found again each time it is used, as the directory is then.
public struct Segment: Sendable, Codable, Hashable {
    public var id: Int64
    public var name: String
    public var description: String?
    public var filter: SegmentFilter
    public var unitCode: String
    public var unitName: String
    public var createdAt: Date
    public var updatedAt: Date

    var unitID: Int = 0
    var writable = false

    private enum CodingKeys: String, CodingKey {
        case id, name, description, filter, unitCode, unitName, createdAt, updatedAt
    }

    /// Live segments visible to the acting user; callers add `AND …` conditions and an ORDER BY.
    static let select: PostgresQuery = """
        SELECT s.id, s.name, s.description, s.filter::text AS filter, s.unit_id, u.code AS unit_code,
               u.name AS unit_name, s.created_at, s.updated_at,
               coalesce(humas.unit_writable(s.unit_id, humas.acting_unit_id(), humas.acting_subtree_end(),
                                            humas.acting_role(), '{admin,editor}'), false) AS writable
        FROM humas.segments s JOIN humas.units u ON u.id = s.unit_id
        WHERE s.deleted_at IS NULL
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        name = try row.decode("name")
        description = try row.decode("description")
        filter = try SegmentFilter(databaseJSON: row.decode("filter"))
        unitID = try row.decode("unit_id")
        unitCode = try row.decode("unit_code")
        unitName = try row.decode("unit_name")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        writable = try row.decode("writable")
    }
}

/// One page of the contacts a segment matches now, as the acting user sees the directory.
public struct SegmentContacts: Sendable, Codable, Hashable {
    public var segment: Segment
    public var contacts: [MemberSummary]
    /// How many contacts match in all, counted up to ``Segments/countLimit``.
    public var total: Int
    /// True when there are more than ``total`` (the count stopped at its limit).
    public var totalIsAtLeast: Bool
    /// Pass to the next call for the following page; `nil` on the last page.
    public var nextCursor: String?
}
