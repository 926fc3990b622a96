import Foundation
import Humas
import Postgres

/// An editor at a unit with a list of contacts whose addresses the test chooses, made as the
/// owner; mailings to that list; the deliveries as the owner sees them.
struct MailingFixture {
    /// The unit the worker tests mail from, and the only one their workers serve (`--under`):
    /// no other suite's mailings are there, so no test's worker sends another test's mail.
    static let workerUnit = "ID-NT-KOTA-KUPANG"

    let unit: String
    let editor: String
    let listName: String
    let suffix: String
    var contacts: [Int64] = []

    /// `addresses`' local parts get the fixture's suffix; nil makes a contact without e-mail.
    static func make(unit: String = ScopeFixture.semarang, addresses: [String?]) async throws -> MailingFixture {
        try await ReferenceData.ensure()
        let suffix = String(UInt32.random(in: 0..<UInt32.max), radix: 36)
        var fixture = MailingFixture(unit: unit, editor: try InteractionTest.editor(at: unit), listName: "Penerima \(suffix)", suffix: suffix)
        let owner = try TestEnvironment.superuser()
        try owner.execute(script: "SET ROLE humas_owner")
        let list: Int64 = try owner.query("""
            INSERT INTO humas.lists (name, unit_id) SELECT \(fixture.listName), u.id FROM humas.units u WHERE u.code = \(unit) RETURNING id
            """)[0].decode("id")
        let emails = addresses.map { $0.map { fixture.address($0) } ?? "" }
        fixture.contacts = try owner.query("""
            INSERT INTO humas.contacts (full_name, honorific, category, emails, unit_id)
            SELECT 'Wartawan ' || n || ' ' || \(suffix)::text, 'Ibu', 'journalist',
                   CASE WHEN e = '' THEN '{}'::text[] ELSE ARRAY[e] END, u.id
            FROM unnest(\(emails)::text[]) WITH ORDINALITY AS a(e, n), humas.units u WHERE u.code = \(unit)
            ORDER BY n RETURNING id
            """).map { try $0.decode("id", as: Int64.self) }
        try owner.execute("""
            INSERT INTO humas.list_members (list_id, contact_id) SELECT \(list)::bigint, c FROM unnest(\(fixture.contacts)::bigint[]) c
            """)
        return fixture
    }

    func address(_ local: String) -> String {
        "\(local).\(suffix)@media.example"
    }

    func mailing(subject: String = "Siaran Pers: {{unit}}", rate: Int? = nil) -> NewMailing {
        var new = NewMailing(name: "Rilis \(suffix)", fromAddress: "humas@kpu-semarang.go.id", subject: subject,
                             text: "Yth. {{sapaan}} {{nama}},\n\nBerikut siaran pers kami.\n")
        new.list = listName
        new.ratePerMinute = rate
        return new
    }

    /// The mailing's deliveries by status, as the owner counts them.
    static func statuses(_ mailing: Int64) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try TestEnvironment.superuser().query(
            "SELECT status, count(*)::int AS n FROM humas.deliveries WHERE mailing_id = \(mailing) GROUP BY status") {
            counts[try row.decode("status")] = try row.decode("n")
        }
        return counts
    }

    /// Waits until the mailing has nothing queued or in flight (or `seconds` pass).
    static func waitUntilSent(_ mailing: Int64, seconds: Double = 60) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        let owner = try TestEnvironment.superuser()
        while Date() < deadline {
            let status: String = try owner.query("SELECT status FROM humas.mailings WHERE id = \(mailing)")[0].decode("status")
            if status == "sent" { return true }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return false
    }
}
