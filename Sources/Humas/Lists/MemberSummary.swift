import Foundation
import Postgres

/// A contact as a list or segment shows it: enough to recognise the person, not the whole record.
public struct MemberSummary: Sendable, Codable, Hashable {
    public var contactID: Int64
    public var fullName: String
    public var category: String
    /// The primary e-mail, when the contact has one.
    public var email: String?
    /// The code of the unit that owns the contact.
    public var unitCode: String

    /// Loads the summaries of `ids` that the acting user may see, in the order given.
    ///
    /// An ordinary SELECT under row-level security: a contact outside the caller's scope, or
    /// deleted, is simply missing from the result.
    static func load(_ ids: [Int64], on connection: PostgresConnection) throws -> [MemberSummary] {
        guard !ids.isEmpty else { return [] }
        let rows = try connection.query("""
            SELECT c.id, c.full_name, c.category, c.emails[1] AS email, u.code AS unit_code
            FROM humas.contacts c JOIN humas.units u ON u.id = c.unit_id
            WHERE c.id = ANY (\(ids)::bigint[]) AND c.deleted_at IS NULL
            """)
        var byID: [Int64: MemberSummary] = [:]
        for row in rows {
            let summary = MemberSummary(
                contactID: try row.decode("id"), fullName: try row.decode("full_name"),
                category: try row.decode("category"), email: try row.decode("email"), unitCode: try row.decode("unit_code"))
            byID[summary.contactID] = summary
        }
        return ids.compactMap { byID[$0] }
    }
}
