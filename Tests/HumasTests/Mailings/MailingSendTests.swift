import Foundation
@testable import Humas
import Postgres
import Testing

extension MailingSuites {
    /// Starting a mailing: one delivery per recipient in one transaction, skipped with the
    /// reason where no message may go; bad input refused with every field named, nothing written.
    @Suite("Mailings: starting and bad input", .serialized)
    struct MailingSendTests {
        @Test("send records a delivery per contact: queued, or skipped for no e-mail, an opt-out, a suppressed or repeated address")
        func skipReasons() async throws {
            let fixture = try await MailingFixture.make(addresses: ["satu", nil, "dua", "satu", "keluar", "ditolak"])
            let owner = try TestEnvironment.superuser()
            try owner.execute("UPDATE humas.contacts SET opted_out_at = now() WHERE id = \(fixture.contacts[4])")
            try owner.execute("INSERT INTO humas.suppressions (address, reason) VALUES (\(fixture.address("ditolak")), 'manual')")
            let mailing = try await withFixtureSession(fixture.editor) { session in
                let draft = try await session.mailings.create(fixture.mailing())
                return try await session.mailings.send(draft.id)
            }
            #expect(mailing.status == .sending)
            let rows = try owner.query("""
                SELECT contact_id, status, coalesce(skip_reason, '') AS reason, merge_fields->>'nama' AS nama, message_id
                FROM humas.deliveries WHERE mailing_id = \(mailing.id) ORDER BY id
                """)
            let outcome = try rows.map { "\(try $0.decode("status", as: String.self)):\(try $0.decode("reason", as: String.self))" }
            #expect(outcome == ["queued:", "skipped:no_email", "queued:", "skipped:duplicate_address", "skipped:opted_out", "skipped:suppressed"])
            #expect(try rows.map { try $0.decode("contact_id", as: Int64.self) } == fixture.contacts)
            #expect(try rows[0].decode("nama", as: String.self).hasPrefix("Wartawan 1 "), "merge fields kept as they were")
            let ids = try rows.map { try $0.decode("message_id", as: String.self) }
            #expect(Set(ids).count == ids.count && ids.allSatisfy { $0.hasSuffix("@kpu-semarang.go.id") && $0.hasPrefix("humas.\(mailing.id).") })
            #expect(mailing.deliveries.queued == 2 && mailing.deliveries.skipped == 4)
        }

        @Test("an audience of nobody, a past schedule, a missing or oversized attachment: refused, nothing written")
        func refusals() async throws {
            let fixture = try await MailingFixture.make(addresses: [])
            let big = FileManager.default.temporaryDirectory.appendingPathComponent("besar-\(fixture.suffix).pdf")
            try Data(count: AttachmentInput.maximumBytes + 1).write(to: big)
            defer { try? FileManager.default.removeItem(at: big) }
            try await withFixtureSession(fixture.editor) { session in
                let draft = try await session.mailings.create(fixture.mailing())
                let nobody = await #expect(throws: HumasError.self) { try await session.mailings.send(draft.id) }
                #expect(nobody?.description.hasPrefix("audience: list '\(fixture.listName)' resolves to nobody") == true)
                #expect(try await session.mailings.show(draft.id).status == .draft)
                #expect(try MailingFixture.statuses(draft.id).isEmpty)

                var bad = fixture.mailing(subject: "{{nma}}")
                bad.fromAddress = "humas@"
                bad.scheduledAt = "2020-01-01 09:00"
                bad.attachments = [AttachmentInput(path: big.path), AttachmentInput(path: "/tidak/ada.pdf")]
                let error = await #expect(throws: HumasError.self) { try await session.mailings.create(bad) }
                guard case .invalidFields(let fields) = error else { Issue.record("expected every field: \(String(describing: error))"); return }
                #expect(fields.map(\.field) == ["from", "subject", "attachments[0]", "attachments[1]"])
                #expect(fields[2].message.contains("at most 10 MB"))
                #expect(fields[3].message.contains("no such file"))

                var past = fixture.mailing()
                past.scheduledAt = "2020-01-01 09:00"
                let schedule = await #expect(throws: HumasError.self) { try await session.mailings.create(past) }
                #expect(schedule?.description.hasPrefix("scheduled_at: 2020-01-01 09:00 WIB is in the past") == true)
                let count = try TestEnvironment.superuser().query(
                    "SELECT count(*)::int AS n FROM humas.mailings WHERE name = \(fixture.mailing().name)")[0].decode("n", as: Int.self)
                #expect(count == 1, "only the first draft was written")
            }
        }

        @Test("a sending mailing keeps its message (only the rate changes); pause, resume and cancel move it, cancel stops what is queued")
        func lifecycle() async throws {
            let fixture = try await MailingFixture.make(addresses: ["a", "b", "c"])
            try await withFixtureSession(fixture.editor) { session in
                let draft = try await session.mailings.create(fixture.mailing())
                _ = try await session.mailings.send(draft.id)
                var changes = MailingChanges()
                changes.subject = "Ralat"
                let edit = await #expect(throws: HumasError.self) { try await session.mailings.edit(draft.id, changes) }
                #expect(edit?.description.hasPrefix("status: mailing \(draft.id) is sending") == true)
                var rate = MailingChanges()
                rate.ratePerMinute = .some(30)
                #expect(try await session.mailings.edit(draft.id, rate).ratePerMinute == 30)
                #expect(try await session.mailings.pause(draft.id).status == .paused)
                #expect(try await session.mailings.resume(draft.id).status == .sending)
                let cancelled = try await session.mailings.cancel(draft.id)
                #expect(cancelled.status == .cancelled && cancelled.deliveries.cancelled == 3)
                let again = await #expect(throws: HumasError.self) { try await session.mailings.send(draft.id) }
                #expect(again?.description.contains("was cancelled") == true)
            }
        }

        @Test("a scheduled mailing waits; the worker's start resolves its audience as the user who scheduled it")
        func scheduled() async throws {
            let fixture = try await MailingFixture.make(addresses: ["nanti"])
            let id = try await withFixtureSession(fixture.editor) { session in
                var new = fixture.mailing()
                new.scheduledAt = "2099-01-01 09:00"
                let sent = try await session.mailings.send(try await session.mailings.create(new).id)
                #expect(sent.status == .scheduled)
                #expect(try MailingFixture.statuses(sent.id).isEmpty, "the audience is resolved when sending starts, not before")
                return sent.id
            }
            try TestEnvironment.superuser().execute("UPDATE humas.mailings SET scheduled_at = now() - interval '1 second' WHERE id = \(id)")
            let service = HumasService(target: TestEnvironment.target, poolSize: 1)
            try await onOwnThread {
                let connection = try TestEnvironment.superuser()
                try connection.execute(script: "SET ROLE humas_app")
                try ScheduledStarts.startDue(service: service, on: connection)
            }
            await service.shutdown()
            #expect(try MailingFixture.statuses(id) == ["queued": 1])
        }
    }
}
