import Foundation
import Humas
import Postgres

/// Users and records at five units chosen to cover every relation the access rule knows:
/// KPU RI, a province, two sibling kabupaten/kota of it, and a kabupaten of another province
/// (a cousin). Each unit gets an editor, a contact, an organization and an audit row; Kota
/// Semarang also gets a viewer and a disabled editor. Everything carries a random suffix, so
/// tests running side by side never see each other's rows as their own.
struct ScopeFixture: Sendable {
    static let national = "ID"
    static let province = "ID-JT"
    static let semarang = "ID-JT-KOTA-SEMARANG"
    static let demak = "ID-JT-KAB-DEMAK"
    static let sidoarjo = "ID-JI-KAB-SIDOARJO"
    static let units = [national, province, semarang, demak, sidoarjo]

    let suffix: String
    /// The tag every fixture contact has (and only they).
    let tag: String
    /// unit code → the editor's e-mail and id
    var editors: [String: (email: String, id: Int64)] = [:]
    var contacts: [String: Int64] = [:]
    var organizations: [String: Int64] = [:]
    var auditRows: [String: Int64] = [:]
    var viewer: (email: String, id: Int64) = ("", 0)
    var disabled: (email: String, id: Int64) = ("", 0)

    /// The unit code owning a fixture contact.
    func unit(ofContact id: Int64) -> String? { contacts.first { $0.value == id }?.key }

    /// Creates the fixture as `humas_owner` (bypassing the rule it is there to test).
    static func make() async throws -> ScopeFixture {
        try await ReferenceData.ensure()
        let suffix = String(UInt32.random(in: 0..<UInt32.max), radix: 36)
        var fixture = ScopeFixture(suffix: suffix, tag: "fx-\(suffix)")
        let owner = try TestEnvironment.superuser()
        try owner.execute(script: "SET ROLE humas_owner")
        for code in units {
            let slug = code.lowercased()
            let editor = "editor.\(slug).\(suffix)@humas.example"
            fixture.editors[code] = (editor, try owner.insertUser(editor, unit: code, role: "editor"))
            fixture.contacts[code] = try owner.query("""
                INSERT INTO humas.contacts (full_name, category, emails, tags, unit_id)
                SELECT \("Kontak \(code) \(suffix)"), 'journalist', ARRAY[\("kontak.\(slug).\(suffix)@media.example")],
                       ARRAY[\(fixture.tag)], u.id
                FROM humas.units u WHERE u.code = \(code) RETURNING id
                """)[0].decode("id")
            fixture.organizations[code] = try owner.query("""
                INSERT INTO humas.organizations (name, kind, media_type, unit_id)
                SELECT \("Media \(code) \(suffix)"), 'media_outlet', 'online', u.id
                FROM humas.units u WHERE u.code = \(code) RETURNING id
                """)[0].decode("id")
            fixture.auditRows[code] = try owner.query("""
                INSERT INTO humas.audit_log (actor_id, unit_id, action, entity, after)
                SELECT \(fixture.editors[code]!.id), u.id, 'test', 'fixture', jsonb_build_object('suffix', \(suffix)::text)
                FROM humas.units u WHERE u.code = \(code) RETURNING id
                """)[0].decode("id")
        }
        let viewer = "viewer.semarang.\(suffix)@humas.example"
        fixture.viewer = (viewer, try owner.insertUser(viewer, unit: semarang, role: "viewer"))
        let disabled = "disabled.semarang.\(suffix)@humas.example"
        fixture.disabled = (disabled, try owner.insertUser(disabled, unit: semarang, role: "editor"))
        try owner.execute("UPDATE humas.users SET disabled_at = now() WHERE id = \(fixture.disabled.id)")
        return fixture
    }

    /// Adds one more contact with the fixture's tag, as the owner: "the directory changed".
    func addContact(named name: String, unit code: String) throws -> Int64 {
        let owner = try TestEnvironment.superuser()
        try owner.execute(script: "SET ROLE humas_owner")
        return try owner.query("""
            INSERT INTO humas.contacts (full_name, category, emails, tags, unit_id)
            SELECT \(name), 'journalist', ARRAY[\("baru.\(suffix)@media.example")], ARRAY[\(tag)], u.id
            FROM humas.units u WHERE u.code = \(code) RETURNING id
            """)[0].decode("id")
    }
}

extension PostgresConnection {
    fileprivate func insertUser(_ email: String, unit code: String, role: String) throws -> Int64 {
        try query("""
            INSERT INTO humas.users (email, full_name, unit_id, role)
            SELECT \(email), \("Pengguna \(email)"), u.id, \(role) FROM humas.units u WHERE u.code = \(code)
            RETURNING id
            """)[0].decode("id")
    }
}

/// Runs `body` with a service-layer session of the user, then shuts the service down.
func withFixtureSession<T>(_ email: String, _ body: (Session) async throws -> T) async throws -> T {
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

/// The reference seed (units, parties, first admin) that every directory test needs. `make test`
/// only migrates; seeding is idempotent, so loading it once per test run is safe beside others.
enum ReferenceData {
    private static let loaded = Task<Void, any Error> {
        let superuser = try TestEnvironment.superuser()
        let units = try superuser.query("SELECT count(*) AS n FROM humas.units")[0].decode("n", as: Int.self)
        if units < 553 {
            _ = try await DatabaseAdmin(target: TestEnvironment.target).seed(includeDemo: false)
        }
    }

    static func ensure() async throws {
        try await loaded.value
    }
}
