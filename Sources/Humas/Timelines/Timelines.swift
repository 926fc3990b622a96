import Foundation
import Postgres

/// Contacts' and organizations' histories: the activities they took part in and their
/// affiliation changes, merged newest first; a contact's also holds the mailings sent to them.
///
/// Row-level security shapes each stream: a kabupaten reading a national journalist's timeline
/// sees the activities of its own subtree with them, never a sibling's.
public struct Timelines: Sendable {
    let session: Session

    public func contact(_ id: Int64, limit: Int = 50, cursor: String? = nil) async throws -> TimelinePage {
        try await page(of: .contact, id: id, limit: limit, cursor: cursor)
    }

    public func organization(_ id: Int64, limit: Int = 50, cursor: String? = nil) async throws -> TimelinePage {
        try await page(of: .organization, id: id, limit: limit, cursor: cursor)
    }

    package enum Subject: String { case contact, organization }

    private func page(of subject: Subject, id: Int64, limit: Int, cursor: String?) async throws -> TimelinePage {
        try PageSize.check(limit)
        let session = session
        let scope = CursorScope(listing: "timeline \(subject.rawValue) \(id)", userID: session.user.id, query: [])
        return try await session.transaction { connection in
            let units = try session.unitTable(on: connection)
            let zone = UnitZone(timeZone: try session.ownUnit(on: connection).timeZone)
            let signer = try session.cursorSigner(on: connection)
            let after = try cursor.map { try TimelinePosition(signer.cursor($0, for: scope)) }
            let rows = try connection.query(Self.query(subject, id: id, zone: zone, after: after, limit: limit + 1))
            // The statement returns nothing for a subject the caller cannot see; only then is it
            // worth a second query to tell "not found" from "no history yet".
            if rows.isEmpty { try Self.requireVisible(subject, id: id, on: connection) }
            let entries = try rows.map { (try TimelineEntry(row: $0, zone: zone, units: units), try $0.decode("entry_id", as: Int64.self)) }
            let shown = Array(entries.prefix(limit))
            let next = entries.count > limit ? shown.last.map { signer.token(TimelinePosition(entry: $0.0, id: $0.1).cursor, for: scope) } : nil
            return TimelinePage(entries: shown.map(\.0), nextCursor: next)
        }
    }

    /// "Not found" for a contact or organization outside the caller's scope (or deleted): a
    /// timeline tells nothing about records the caller cannot see.
    private static func requireVisible(_ subject: Subject, id: Int64, on connection: PostgresConnection) throws {
        let table = PostgresQuery(unsafeSQL: subject == .contact ? "humas.contacts" : "humas.organizations")
        let rows = try connection.query("SELECT 1 FROM " + table + " t WHERE t.id = \(id) AND t.deleted_at IS NULL")
        guard !rows.isEmpty else { throw HumasError.notFound(entity: subject.rawValue, key: String(id)) }
    }

    /// Each stream newest first and cut at the page size, then merged: every arm reads its own
    /// index (participants by contact or organization, affiliations by contact or organization).
    /// The subject's own name is not joined again on every arm (the caller has it): each join is
    /// a table under row-level security that the planner expands, and planning was most of what
    /// a timeline cost over the same statement without RLS.
    package static func query(_ subject: Subject, id: Int64, zone: UnitZone, after: TimelinePosition? = nil, limit: Int) -> PostgresQuery {
        let participant: PostgresQuery = subject == .contact
            ? "p.contact_id = \(id)" : "coalesce(p.organization_id, p.via_organization_id) = \(id)"
        let affiliation: PostgresQuery = subject == .contact ? "a.contact_id = \(id)" : "a.organization_id = \(id)"
        let order: PostgresQuery = " ORDER BY at DESC, type_rank, entry_id DESC LIMIT \(limit)"
        // The participant's other side: the organization a contact came from, or the person an
        // organization sent.
        let (otherName, otherOrganization, otherJoin): (PostgresQuery, PostgresQuery, PostgresQuery) = subject == .contact
            ? ("NULL::text", "o.name", "LEFT JOIN humas.organizations o ON o.id = coalesce(p.organization_id, p.via_organization_id)")
            : ("c.full_name", "NULL::text", "LEFT JOIN humas.contacts c ON c.id = p.contact_id")
        let interactions: PostgresQuery = """
            SELECT 'interaction' AS type, 0 AS type_rank, p.starts_at AS at, i.id AS entry_id, i.id AS interaction_id,
                   i.title, i.kind AS interaction_kind, i.status, p.role, p.invited, p.attended, i.unit_id,
                   NULL::bigint AS affiliation_id, p.contact_id, \(otherName) AS contact_name,
                   coalesce(p.organization_id, p.via_organization_id) AS organization_id, \(otherOrganization) AS organization_name
            FROM humas.interaction_participants p
            JOIN humas.interactions i ON i.id = p.interaction_id AND i.deleted_at IS NULL
            \(otherJoin)
            WHERE
            """ + " " + participant + position(after, at: "p.starts_at", rank: 0, id: "i.id")
        let (affiliateName, affiliationOrganization, affiliateJoin): (PostgresQuery, PostgresQuery, PostgresQuery) = subject == .contact
            ? ("NULL::text", "o.name", "JOIN humas.organizations o ON o.id = a.organization_id")
            : ("c.full_name", "NULL::text", "JOIN humas.contacts c ON c.id = a.contact_id AND c.deleted_at IS NULL")
        func affiliations(_ type: TimelineEntry.EntryType, day: String) -> PostgresQuery {
            let at = PostgresQuery(unsafeSQL: "(a.\(day)::timestamp AT TIME ZONE '\(zone.rawValue)')")
            let label = PostgresQuery(unsafeSQL: "'\(type.rawValue)' AS type, \(TimelineEntry.rank(type)) AS type_rank")
            return """
                SELECT \(label), \(at) AS at, a.id AS entry_id,
                       NULL::bigint, NULL::text, NULL::text, NULL::text, a.title, NULL::boolean, NULL::boolean, NULL::int,
                       a.id, a.contact_id, \(affiliateName), a.organization_id, \(affiliationOrganization)
                FROM humas.affiliations a
                \(affiliateJoin)
                WHERE a.deleted_at IS NULL AND a.\(unsafeSQL: day) IS NOT NULL AND
                """ + " " + affiliation + position(after, at: at, rank: TimelineEntry.rank(type), id: "a.id")
        }
        // A contact's deliveries: the mailing's name, the delivery's state, the sending unit.
        let deliveryAt: PostgresQuery = "coalesce(d.sent_at, d.queued_at)"
        let deliveryRank = TimelineEntry.rank(.mailing)
        let deliveries: PostgresQuery = subject == .contact ? " UNION ALL (" + """
            SELECT 'mailing' AS type, \(deliveryRank)::int AS type_rank, coalesce(d.sent_at, d.queued_at) AS at, d.id AS entry_id,
                   d.mailing_id, m.name, NULL::text, d.status, NULL::text, NULL::boolean, NULL::boolean, d.unit_id,
                   NULL::bigint, d.contact_id, NULL::text, NULL::bigint, NULL::text
            FROM humas.deliveries d JOIN humas.mailings m ON m.id = d.mailing_id
            WHERE d.contact_id = \(id)
            """ + position(after, at: deliveryAt, rank: deliveryRank, id: "d.id") + order + ")" : ""
        // Nothing at all unless the caller may see the subject (and it is not deleted): a
        // timeline never tells about a record outside the caller's scope.
        let subjectTable = PostgresQuery(unsafeSQL: subject == .contact ? "humas.contacts" : "humas.organizations")
        return "SELECT * FROM ((" + interactions + order + ") UNION ALL ("
            + affiliations(.affiliationStarted, day: "started_on") + order + ") UNION ALL ("
            + affiliations(.affiliationEnded, day: "ended_on") + order + ")" + deliveries + ") t"
            + " WHERE EXISTS (SELECT 1 FROM " + subjectTable + " s WHERE s.id = \(id) AND s.deleted_at IS NULL)" + order
    }

    /// Rows after the cursor's entry in the order (at DESC, type rank, id DESC).
    private static func position(_ after: TimelinePosition?, at: PostgresQuery, rank: Int, id: String) -> PostgresQuery {
        guard let after else { return "" }
        let idColumn = PostgresQuery(unsafeSQL: id), ownRank = PostgresQuery(unsafeSQL: String(rank))
        return " AND " + at + " <= \(after.at)::timestamptz AND (" + at + " < \(after.at)::timestamptz OR "
            + ownRank + " > \(after.rank)::int OR (" + ownRank + " = \(after.rank)::int AND " + idColumn + " < \(after.id)::bigint))"
    }
}

/// Where a timeline page ends: the moment, the entry type's rank and the id, carried in a
/// signed ``PageCursor`` (`name` holds `rank|ISO moment`).
package struct TimelinePosition {
    var at: Date
    var rank: Int
    var id: Int64

    init(entry: TimelineEntry, id: Int64) {
        at = entry.at.date
        rank = TimelineEntry.rank(entry.type)
        self.id = id
    }

    init(_ cursor: PageCursor) throws {
        let parts = cursor.name.split(separator: "|", maxSplits: 1)
        guard parts.count == 2, let rank = Int(parts[0]), let seconds = Double(parts[1]) else {
            throw HumasError.invalid(field: "cursor", message: "is not a timeline cursor; pass next_cursor exactly as given")
        }
        self.at = Date(timeIntervalSince1970: seconds)
        self.rank = rank
        id = cursor.id
    }

    var cursor: PageCursor { PageCursor(name: "\(rank)|\(at.timeIntervalSince1970)", id: id) }
}

extension Session {
    /// Contacts' and organizations' histories.
    public var timelines: Timelines { Timelines(session: self) }
}
