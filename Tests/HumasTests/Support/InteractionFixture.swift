import Foundation
import Humas
import Postgres

/// Helpers for the interaction tests: activities logged through the service, raw counts as the
/// owner, and a new activity with sensible defaults.
enum InteractionTest {
    /// A press conference starting at `starts` (local time of the unit unless it has an offset).
    static func pressConference(_ title: String, starts: String = "2025-10-14 09:00", ends: String? = "2025-10-14 11:00") -> NewInteraction {
        var new = NewInteraction(kind: "press_conference", mode: "luring", strategy: "informasi", title: title, startsAt: starts)
        new.endsAt = ends
        new.place = "Media center"
        return new
    }

    /// A unique title, so tests running side by side tell their rows apart.
    static func title(_ prefix: String) -> String {
        "\(prefix) \(String(UInt64.random(in: 0..<UInt64.max), radix: 36))"
    }

    /// Rows as the owner sees them (no row-level security).
    static func count(_ query: PostgresQuery) throws -> Int {
        try TestEnvironment.superuser().query(query)[0].decode(0, as: Int.self)
    }

    /// The audit rows about an entity, oldest first.
    static func auditActions(entity: String, id: Int64) throws -> [String] {
        try TestEnvironment.superuser().query("""
            SELECT action FROM humas.audit_log WHERE entity = \(entity) AND entity_id = \(id) ORDER BY id
            """).map { try $0.decode("action") }
    }

    /// A new editor at a unit, made as the owner (for units the scope fixture does not have).
    static func editor(at unit: String) throws -> String {
        let email = "editor.\(unit.lowercased()).\(String(UInt32.random(in: 0..<UInt32.max), radix: 36))@humas.example"
        let owner = try TestEnvironment.superuser()
        try owner.execute(script: "SET ROLE humas_owner")
        try owner.execute("""
            INSERT INTO humas.users (email, full_name, unit_id, role)
            SELECT \(email), 'Editor', u.id, 'editor' FROM humas.units u WHERE u.code = \(unit)
            """)
        return email
    }
}
