import Foundation
import Humas
import Postgres
import Testing

/// Helpers for directory tests, which share the test database with every other test running
/// in parallel: rows get unique names and counts are taken over those names only.
enum DirectoryTest {
    /// The demo users of seed/04_demo.sql and the national admin of seed/03_admin.sql.
    enum User {
        static let admin = "admin@kpu.go.id"
        static let jatengEditor = "editor.jateng@humas.example"
        static let semarangEditor = "editor.kota-semarang@humas.example"
        static let semarangViewer = "viewer.kota-semarang@humas.example"
        static let demakEditor = "editor.demak@humas.example"
    }

    /// Runs `body` with a session of the user with this e-mail.
    @discardableResult
    static func withSession<T>(_ email: String, _ body: (Session) async throws -> T) async throws -> T {
        let service = HumasService(target: TestEnvironment.target, poolSize: 2)
        do {
            let result = try await body(try await service.session(email: email))
            await service.shutdown()
            return result
        } catch {
            await service.shutdown()
            throw error
        }
    }

    /// A word no other row contains, of letters only (so that search treats it as one name word).
    static func uniqueWord(_ length: Int = 9) -> String {
        String((0..<length).map { _ in "bcdfghjklmnpqrstvwxz".randomElement()! })
    }

    /// A unique e-mail address under the reserved .example domain.
    static func uniqueEmail() -> String { "\(uniqueWord())@tests.example" }

    /// A unique, valid Indonesian mobile number in national form (0812…).
    static func uniquePhone() -> String { "0819\(Int.random(in: 10_000_000...99_999_999))" }

    /// An integer from a query run as the database owner, past row-level security: counts
    /// that prove whether something was written.
    static func count(_ query: PostgresQuery) throws -> Int {
        try TestEnvironment.superuser().query(query)[0].decode(0, as: Int.self)
    }

    /// Audit rows of an entity, as the owner sees them: action, before and after JSON.
    static func auditRows(entity: String, id: Int64) throws -> [(action: String, before: String?, after: String?)] {
        try TestEnvironment.superuser().query("""
            SELECT action, before::text AS before, after::text AS after FROM humas.audit_log
            WHERE entity = \(entity) AND entity_id = \(id) ORDER BY id
            """).map { (try $0.decode("action"), try $0.decode("before"), try $0.decode("after")) }
    }

    /// The id of a seeded demo row by its external reference.
    static func demoID(_ table: String, _ ref: String) throws -> Int64 {
        try TestEnvironment.superuser().query(
            "SELECT id FROM humas.\(unsafeSQL: table) WHERE external_ref = \(ref)")[0].decode("id")
    }
}

extension HumasError {
    /// The field an `.invalid` error names; nil for other cases.
    var invalidFieldName: String? {
        if case .invalid(let field, _) = self { return field }
        return nil
    }

    /// The existing record a `.conflict` names.
    var conflictingID: Int64? {
        if case .conflict(_, let id) = self { return id }
        return nil
    }
}
