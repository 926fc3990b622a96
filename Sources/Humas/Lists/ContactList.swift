import Foundation
import Postgres

/// A static list: contacts picked by hand (a press-conference invitation list, the Bakohumas
/// mailing list), owned by a unit and following the directory's access rule.
public struct ContactList: Sendable, Codable, Hashable {
    public var id: Int64
    public var name: String
    public var description: String?
    public var unitCode: String
    public var unitName: String
    /// Members the caller can see (a national list seen from a kabupaten shows only its share).
    public var memberCount: Int
    public var createdAt: Date
    public var updatedAt: Date

    /// The owning unit's id, for choosing between lists of the same name.
    var unitID: Int = 0
    /// Whether the acting user may change it (their unit or below, and a writing role).
    var writable = false

    private enum CodingKeys: String, CodingKey {
        case id, name, description, unitCode, unitName, memberCount, createdAt, updatedAt
    }

    /// Live lists visible to the acting user, with what the caller may do with each; callers add
    /// `AND …` conditions and an ORDER BY.
    static let select: PostgresQuery = """
        SELECT l.id, l.name, l.description, l.unit_id, u.code AS unit_code, u.name AS unit_name,
               l.created_at, l.updated_at,
               (SELECT count(*) FROM humas.list_members m JOIN humas.contacts c ON c.id = m.contact_id
                 WHERE m.list_id = l.id AND m.removed_at IS NULL AND c.deleted_at IS NULL) AS member_count,
               coalesce(humas.unit_writable(l.unit_id, humas.acting_unit_id(), humas.acting_subtree_end(),
                                            humas.acting_role(), '{admin,editor}'), false) AS writable
        FROM humas.lists l JOIN humas.units u ON u.id = l.unit_id
        WHERE l.deleted_at IS NULL
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        name = try row.decode("name")
        description = try row.decode("description")
        unitID = try row.decode("unit_id")
        unitCode = try row.decode("unit_code")
        unitName = try row.decode("unit_name")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        memberCount = try row.decode("member_count")
        writable = try row.decode("writable")
    }
}

/// A list with the members the caller can see, in the order they were added.
public struct ContactListDetail: Sendable, Codable, Hashable {
    public var list: ContactList
    public var members: [MemberSummary]
}

/// What adding or removing members did.
public struct ListMembershipChange: Sendable, Codable, Hashable {
    /// The list after the change.
    public var list: ContactList
    /// Contacts that joined (or left) the list; ones already in (or already out) are not counted.
    public var changed: Int
}
