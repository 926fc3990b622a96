import Foundation
import Humas
import Postgres
import Testing

/// `humas seed`: the demo activity of seed/05_demo_activity.sql, and seeding again changing nothing.
@Suite("Seed")
struct SeedTests {
    /// The demo rows of each table with their row versions (xmin changes with any update), so
    /// a second seed that rewrote a row unchanged would show as well as one that added a row.
    private static func demoRows(on db: PostgresConnection) throws -> [String: String] {
        let tables: [(String, String)] = [
            ("organizations", "SELECT id, xmin FROM humas.organizations WHERE external_ref LIKE 'demo-%'"),
            ("contacts", "SELECT id, xmin FROM humas.contacts WHERE external_ref LIKE 'demo-%'"),
            ("interactions", "SELECT id, xmin FROM humas.interactions WHERE external_ref LIKE 'demo-act-%'"),
            ("participants", """
                SELECT p.id, p.xmin FROM humas.interaction_participants p
                JOIN humas.interactions i ON i.id = p.interaction_id WHERE i.external_ref LIKE 'demo-act-%'
                """),
            ("coorganizers", """
                SELECT o.interaction_id * 1000 + o.unit_id AS id, o.xmin FROM humas.interaction_coorganizers o
                JOIN humas.interactions i ON i.id = o.interaction_id WHERE i.external_ref LIKE 'demo-act-%'
                """),
            ("followups", """
                SELECT f.id, f.xmin FROM humas.followups f
                JOIN humas.interactions i ON i.id = f.interaction_id WHERE i.external_ref LIKE 'demo-act-%'
                """),
        ]
        var rows: [String: String] = [:]
        for (table, sql) in tables {
            rows[table] = try db.query(PostgresQuery(unsafeSQL: """
                SELECT count(*) || ' ' || coalesce(string_agg(id || ':' || xmin, ',' ORDER BY id), '') FROM (\(sql)) r
                """))[0].decode(0, as: String.self)
        }
        return rows
    }

    @Test("the demo units have months of activity, with readable participants, two co-organized, a cancelled one and follow-ups; seeding again changes nothing")
    func demoActivity() throws {
        let db = try TestEnvironment.superuser()
        let seeder = Seeder(directory: TestEnvironment.seedDirectory)
        _ = try seeder.load(on: db)
        let before = try Self.demoRows(on: db)
        _ = try seeder.load(on: db)
        #expect(try Self.demoRows(on: db) == before)

        let shape = try db.query("""
            SELECT count(*) AS n, count(DISTINCT i.unit_id) AS units, count(DISTINCT i.kind) AS kinds,
                   count(DISTINCT i.mode) AS modes, count(DISTINCT i.strategy) AS strategies,
                   count(*) FILTER (WHERE i.status = 'cancelled' AND i.cancel_reason IS NOT NULL) AS cancelled,
                   count(*) FILTER (WHERE i.status = 'planned' AND i.starts_local >= '2026-12-01') AS planned_ahead,
                   count(*) FILTER (WHERE i.status = 'done' AND i.starts_local BETWEEN '2025-08-01' AND '2026-02-01') AS done_before,
                   count(*) FILTER (WHERE i.starts_local <> i.starts_at AT TIME ZONE 'Asia/Jakarta') AS wrong_local
            FROM humas.interactions i WHERE i.external_ref LIKE 'demo-act-%'
            """)[0]
        #expect(try (25...40).contains(shape.decode("n", as: Int.self)))
        #expect(try shape.decode("units", as: Int.self) == 4)
        #expect(try shape.decode("kinds", as: Int.self) >= 8 && shape.decode("modes", as: Int.self) == 3)
        #expect(try shape.decode("strategies", as: Int.self) >= 5)
        #expect(try shape.decode("cancelled", as: Int.self) >= 1)
        #expect(try shape.decode("planned_ahead", as: Int.self) >= 3)
        #expect(try shape.decode("done_before", as: Int.self) >= 20)
        #expect(try shape.decode("wrong_local", as: Int.self) == 0)
        #expect(try db.query("""
            SELECT starts_local::text FROM humas.interactions WHERE external_ref = 'demo-act-smg-05'
            """)[0].decode(0, as: String.self) == "2025-10-14 09:00:00")

        // Every participant is a contact of the owning unit or of one of its ancestors.
        let participants = try db.query("""
            SELECT count(*) AS n,
                   count(*) FILTER (WHERE NOT i.unit_id BETWEEN cu.id AND cu.subtree_end
                                       OR p.unit_id <> i.unit_id OR p.starts_at <> i.starts_at
                                       OR (i.status = 'done') <> (p.attended IS NOT NULL)) AS wrong
            FROM humas.interaction_participants p JOIN humas.interactions i ON i.id = p.interaction_id
            JOIN humas.contacts c ON c.id = p.contact_id JOIN humas.units cu ON cu.id = c.unit_id
            WHERE i.external_ref LIKE 'demo-act-%'
            """)[0]
        #expect(try participants.decode("n", as: Int.self) > 40)
        #expect(try participants.decode("wrong", as: Int.self) == 0)

        let coorganized = try db.query("""
            SELECT i.external_ref || ' ' || string_agg(u.code, ',' ORDER BY u.code)
            FROM humas.interaction_coorganizers o JOIN humas.interactions i ON i.id = o.interaction_id
            JOIN humas.units u ON u.id = o.unit_id
            WHERE i.external_ref LIKE 'demo-act-%' AND o.owner_unit_id = i.unit_id
            GROUP BY i.external_ref ORDER BY i.external_ref
            """).map { try $0.decode(0, as: String.self) }
        #expect(coorganized == ["demo-act-jt-01 ID-JT-KAB-DEMAK,ID-JT-KOTA-SEMARANG", "demo-act-smg-03 ID-JT"])

        // Follow-ups go to a user of the owning unit (its demo editor).
        let followups = try db.query("""
            SELECT count(*) AS n, count(*) FILTER (WHERE w.unit_id = f.unit_id AND f.unit_id = i.unit_id) AS own
            FROM humas.followups f JOIN humas.interactions i ON i.id = f.interaction_id JOIN humas.users w ON w.id = f.assignee_id
            WHERE i.external_ref LIKE 'demo-act-%'
            """)[0]
        #expect(try followups.decode("n", as: Int.self) == 6 && followups.decode("own", as: Int.self) == 6)
    }
}
