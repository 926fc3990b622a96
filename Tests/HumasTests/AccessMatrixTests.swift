import Foundation
import Humas
import Postgres
import Testing

/// The access rule, proven twice: through the service layer, and with raw SQL as the
/// application role (the database itself enforces it, whatever code sends the SQL).
///
/// Users at KPU RI, Jawa Tengah, two sibling kab/kota of it (Kota Semarang, Kab. Demak) and a
/// cousin (Kab. Sidoarjo, Jawa Timur) each own one contact, organization, audit row and list.
/// Expected: read = own + below + ancestors; write = own + below; audit read = own + below.
@Suite("Access matrix")
struct AccessMatrixTests {
    typealias F = ScopeFixture

    /// One user's row of the matrix: the units whose records they may read and write.
    struct Expectation: Sendable, CustomTestStringConvertible {
        var user: String
        var reads: Set<String>
        var writes: Set<String>
        var audit: Set<String>
        var testDescription: String { "editor of \(user)" }

        func access(to unit: String) -> Access {
            writes.contains(unit) ? .writable : reads.contains(unit) ? .readOnly : .hidden
        }
    }

    enum Access: String { case hidden, readOnly, writable }

    static let matrix: [Expectation] = [
        Expectation(
            user: F.national, reads: Set(F.units), writes: Set(F.units), audit: Set(F.units)),
        Expectation(
            user: F.province, reads: [F.national, F.province, F.semarang, F.demak],
            writes: [F.province, F.semarang, F.demak], audit: [F.province, F.semarang, F.demak]),
        Expectation(
            user: F.semarang, reads: [F.national, F.province, F.semarang], writes: [F.semarang], audit: [F.semarang]),
        Expectation(
            user: F.demak, reads: [F.national, F.province, F.demak], writes: [F.demak], audit: [F.demak]),
        Expectation(
            user: F.sidoarjo, reads: [F.national, F.sidoarjo], writes: [F.sidoarjo], audit: [F.sidoarjo]),
    ]

    /// One fixture for the whole suite: the matrix is about how five users see the same rows.
    static let fixture = Task<ScopeFixture, any Error> { try await ScopeFixture.make() }

    // MARK: (b) Raw SQL as humas_app

    @Test("raw SQL as humas_app: contacts and organizations read and updated, audit read, per user", arguments: matrix)
    func rawSQLMatrix(_ row: Expectation) async throws {
        let fixture = try await Self.fixture.value
        let app = try PostgresConnection(conninfo: TestEnvironment.target.appConninfo)
        let user = fixture.editors[row.user]!.id
        for (table, ids) in [("contacts", fixture.contacts), ("organizations", fixture.organizations)] {
            let seen = try app.asUser(user) {
                try Self.units(of: $0.query("SELECT id FROM humas.\(unsafeSQL: table) WHERE id = ANY (\(Array(ids.values))::bigint[])"), in: ids)
            }
            #expect(seen == row.reads, "\(row.user) reads \(table) of \(seen.sorted()), expected \(row.reads.sorted())")
            for unit in F.units {
                let updated = try app.asUser(user) {
                    try $0.execute("UPDATE humas.\(unsafeSQL: table) SET notes = 'matrix' WHERE id = \(ids[unit]!)")
                }
                #expect(updated == (row.writes.contains(unit) ? 1 : 0), "\(row.user) updating the \(table) row of \(unit): \(updated) rows")
            }
        }
        let audit = try app.asUser(user) {
            try Self.units(of: $0.query("SELECT id FROM humas.audit_log WHERE id = ANY (\(Array(fixture.auditRows.values))::bigint[])"), in: fixture.auditRows)
        }
        #expect(audit == row.audit, "\(row.user) reads audit rows of \(audit.sorted()), expected \(row.audit.sorted())")
    }

    @Test("raw SQL as humas_app: inserting a contact outside one's own subtree is an RLS violation (42501)", arguments: matrix)
    func rawSQLInserts(_ row: Expectation) async throws {
        let fixture = try await Self.fixture.value
        let app = try PostgresConnection(conninfo: TestEnvironment.target.appConninfo)
        let user = fixture.editors[row.user]!.id
        for unit in F.units {
            let refusal = Self.failure {
                try app.asUser(user) {
                    try $0.execute("""
                        INSERT INTO humas.contacts (full_name, unit_id)
                        SELECT \("Sisipan \(fixture.suffix)"), u.id FROM humas.units u WHERE u.code = \(unit)
                        """)
                }
            }
            if row.writes.contains(unit) {
                #expect(refusal == nil, "\(row.user) inserting a contact for \(unit): \(String(describing: refusal))")
            } else {
                #expect(refusal?.sqlState == "42501", "\(row.user) inserting a contact for \(unit): \(String(describing: refusal))")
                #expect(refusal?.isRowSecurityViolation == true, "\(row.user) for \(unit): not an RLS refusal")
            }
        }
    }

    @Test("raw SQL as humas_app: no acting user, or a disabled one, sees nothing at all")
    func rawSQLNobody() async throws {
        let fixture = try await Self.fixture.value
        let app = try PostgresConnection(conninfo: TestEnvironment.target.appConninfo)
        for (who, user) in [("no humas.user_id", nil), ("disabled user", Optional(fixture.disabled.id))] {
            for table in ["contacts", "organizations", "audit_log", "lists", "segments", "users", "units"] {
                let count = try app.asUser(user) {
                    try $0.query("SELECT count(*) AS n FROM humas.\(unsafeSQL: table)")[0].decode("n", as: Int.self)
                }
                #expect(count == 0, "\(who) sees \(count) rows of humas.\(table)")
            }
            let updated = try app.asUser(user) {
                try $0.execute("UPDATE humas.contacts SET notes = 'x' WHERE id = ANY (\(Array(fixture.contacts.values))::bigint[])")
            }
            #expect(updated == 0, "\(who) updated \(updated) contacts")
        }
    }

    @Test("raw SQL as humas_app: no DELETE anywhere, and the audit log is append-only")
    func rawSQLNoDeleteNoAuditRewrite() async throws {
        let fixture = try await Self.fixture.value
        let app = try PostgresConnection(conninfo: TestEnvironment.target.appConninfo)
        let national = fixture.editors[F.national]!.id
        let deletes: [(String, Int64)] = [
            ("contacts", fixture.contacts[F.national]!), ("organizations", fixture.organizations[F.national]!),
            ("audit_log", fixture.auditRows[F.national]!),
        ]
        for (table, id) in deletes {
            let state = Self.sqlState { try app.asUser(national) { try $0.execute("DELETE FROM humas.\(unsafeSQL: table) WHERE id = \(id)") } }
            #expect(state == "42501", "DELETE on humas.\(table) as the national editor: SQLSTATE \(state ?? "none (allowed)")")
        }
        let rewrite = Self.sqlState {
            try app.asUser(national) { try $0.execute("UPDATE humas.audit_log SET action = 'forged' WHERE id = \(fixture.auditRows[F.national]!)") }
        }
        #expect(rewrite == "42501", "UPDATE on humas.audit_log: SQLSTATE \(rewrite ?? "none (allowed)")")
        // Appending is allowed only as oneself and within one's own subtree.
        let semarang = fixture.editors[F.semarang]!.id
        let elsewhere = Self.sqlState {
            try app.asUser(semarang) {
                try $0.execute("INSERT INTO humas.audit_log (unit_id, action, entity) SELECT id, 'x', 'x' FROM humas.units WHERE code = \(F.demak)")
            }
        }
        #expect(elsewhere == "42501", "audit row for a sibling's unit: SQLSTATE \(elsewhere ?? "none (allowed)")")
        let impostor = Self.sqlState {
            try app.asUser(semarang) {
                try $0.execute("""
                    INSERT INTO humas.audit_log (actor_id, unit_id, action, entity)
                    SELECT \(fixture.viewer.id), id, 'x', 'x' FROM humas.units WHERE code = \(F.semarang)
                    """)
            }
        }
        #expect(impostor == "42501", "audit row naming another actor: SQLSTATE \(impostor ?? "none (allowed)")")
    }

    // MARK: Helpers

    /// The fixture units whose rows (by id) the result holds.
    static func units(of rows: PostgresRows, in ids: [String: Int64]) throws -> Set<String> {
        let found = Set(try rows.map { try $0.decode("id", as: Int64.self) })
        return Set(ids.filter { found.contains($0.value) }.keys)
    }

    /// The SQLSTATE `body` failed with, or `nil` when it succeeded.
    static func sqlState<T>(_ body: () throws -> T) -> String? {
        do {
            _ = try body()
            return nil
        } catch let error as PostgresError {
            return error.sqlState ?? "no SQLSTATE: \(error)"
        } catch {
            return "not a PostgresError: \(error)"
        }
    }

    /// The database error `body` failed with, or `nil` when it succeeded.
    static func failure<T>(_ body: () throws -> T) -> PostgresError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? PostgresError ?? PostgresError(kind: .protocolMisuse, message: "not a PostgresError: \(error)")
        }
    }
}

extension PostgresConnection {
    /// Runs `body` in a transaction acting as `userID` (or as nobody), then rolls back.
    fileprivate func asUser<T>(_ userID: Int64?, _ body: (PostgresConnection) throws -> T) throws -> T {
        try execute(script: "BEGIN")
        defer { try? execute(script: "ROLLBACK") }
        if let userID { try setLocal("humas.user_id", to: String(userID)) }
        return try body(self)
    }
}
