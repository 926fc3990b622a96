import Foundation
import Humas
import Postgres
import Testing

extension InteractionSuites {
    /// Logging activities: participants from a segment, attendance, co-organizers, and every kind
    /// of bad input refused with the field named and nothing written.
    @Suite("Interactions: logging", .serialized)
    struct InteractionLogTests {
        typealias F = ScopeFixture

        @Test("a press conference logged with a segment's journalists as attendees records one participant row each, audited")
        func logWithSegment() async throws {
            let fixture = try await ScopeFixture.make()
            try await withFixtureSession(fixture.editors[F.semarang]!.email) { session in
                let segment = try await session.segments.create(
                    name: "wartawan \(fixture.suffix)", filter: SegmentFilter(tag: fixture.tag))
                var new = InteractionTest.pressConference(InteractionTest.title("Konferensi pers DPT"))
                new.participants = ParticipantSelection(segment: String(segment.id))
                new.participantsAttended = true
                let logged = try await session.interactions.log(new)
                // The segment resolves to the contacts Kota Semarang can see: its own, Jawa Tengah's, KPU RI's.
                let expected: Set<Int64> = [fixture.contacts[F.semarang]!, fixture.contacts[F.province]!, fixture.contacts[F.national]!]
                let participants = try await session.interactions.participants(logged.id)
                #expect(Set(participants.compactMap(\.contactId)) == expected)
                #expect(participants.allSatisfy { $0.attended == true && $0.invited })
                #expect(logged.status == .done, "a start in the past is logged as done")
                #expect(logged.invitedCount == 3 && logged.attendedCount == 3)
                #expect(logged.startsAt.zone == .wib)
                #expect(try InteractionTest.auditActions(entity: "interaction", id: logged.id) == ["create"])
                #expect(try InteractionTest.auditActions(entity: "interaction_participants", id: logged.id) == ["create"])
            }
        }

        @Test("a future start is planned; attendance is refused before it begins and on a cancelled one, and marks a past planned one done")
        func attendance() async throws {
            let fixture = try await ScopeFixture.make()
            let contact = fixture.contacts[F.semarang]!
            try await withFixtureSession(fixture.editors[F.semarang]!.email) { session in
                var plan = InteractionTest.pressConference(InteractionTest.title("Sosialisasi"), starts: "2099-03-01 09:00", ends: nil)
                plan.kind = "socialization"
                plan.participants = ParticipantSelection(contacts: [contact])
                let planned = try await session.interactions.log(plan)
                #expect(planned.status == .planned)
                let early = await #expect(throws: HumasError.self) {
                    try await session.interactions.markAttendance(planned.id, Attendance(attendedContacts: [contact]))
                }
                #expect(early?.description.hasPrefix("attended:") == true)

                let cancelled = try await session.interactions.cancel(planned.id, reason: "Narasumber berhalangan")
                #expect(cancelled.status == .cancelled && cancelled.cancelReason == "Narasumber berhalangan")
                await #expect(throws: HumasError.self) {
                    try await session.interactions.markAttendance(planned.id, Attendance(attendedContacts: [contact]))
                }

                var past = InteractionTest.pressConference(InteractionTest.title("Rapat"))
                past.status = "planned"
                past.participants = ParticipantSelection(contacts: [contact])
                let held = try await session.interactions.log(past)
                #expect(held.status == .planned)
                let walkIn = fixture.contacts[F.national]!
                let marked = try await session.interactions.markAttendance(held.id, Attendance(attendedContacts: [walkIn], absentContacts: [contact]))
                #expect(marked.added == 1, "the walk-in is added")
                let byContact = Dictionary(uniqueKeysWithValues: marked.participants.map { ($0.contactId!, $0) })
                #expect(byContact[walkIn]?.attended == true && byContact[walkIn]?.invited == false)
                #expect(byContact[contact]?.attended == false && byContact[contact]?.invited == true)
                #expect(try await session.interactions.show(held.id).status == .done)
            }
        }

        @Test("an end before its start and an unknown kind and strategy are refused together, naming each field; nothing is written")
        func badInputListsEveryField() async throws {
            let fixture = try await ScopeFixture.make()
            let title = InteractionTest.title("Salah")
            try await withFixtureSession(fixture.editors[F.semarang]!.email) { session in
                var new = InteractionTest.pressConference(title, starts: "2025-10-14 09:00", ends: "2025-10-14 08:00")
                new.kind = "presser"
                new.strategy = "info"
                let error = await #expect(throws: HumasError.self) { try await session.interactions.log(new) }
                guard case .invalidFields(let fields) = error else {
                    Issue.record("expected every invalid field, got \(String(describing: error))")
                    return
                }
                #expect(fields.map(\.field) == ["kind", "strategy", "ends_at"])
                #expect(fields[0].message.contains("press_conference, press_release"), "the valid kinds are listed")
                #expect(fields[1].message.contains("jejaring, pertemuan, informasi"), "the valid strategies are listed")
            }
            #expect(try InteractionTest.count("SELECT count(*) FROM humas.interactions WHERE title = \(title)") == 0)
        }

        @Test("a time without a zone is refused where the API sends it; in the CLI it is the unit's own zone (WITA: 09:00 is 01:00Z)")
        func timeZones() async throws {
            let makassar = try InteractionTest.editor(at: "ID-SN-KOTA-MAKASSAR")
            try await withFixtureSession(makassar) { session in
                var api = InteractionTest.pressConference(InteractionTest.title("API"), starts: "2025-10-14 09:00", ends: nil)
                api.origin = .api
                let error = await #expect(throws: HumasError.self) { try await session.interactions.log(api) }
                #expect(error?.description.hasPrefix("starts_at:") == true && error?.description.contains("no time zone") == true)

                let local = try await session.interactions.log(InteractionTest.pressConference(InteractionTest.title("CLI"), ends: nil))
                #expect(local.startsAt.date == Date(timeIntervalSince1970: 1_760_403_600), "2025-10-14T01:00:00Z")
                #expect(local.timeZone == "WITA")
                #expect(local.startsAt.zone.rfc3339(local.startsAt.date) == "2025-10-14T09:00:00+08:00")

                var offset = InteractionTest.pressConference(InteractionTest.title("Offset"), starts: "2025-10-14T09:00:00+07:00", ends: nil)
                offset.origin = .api
                let explicit = try await session.interactions.log(offset)
                #expect(explicit.startsAt.date == Date(timeIntervalSince1970: 1_760_407_200), "09:00 WIB is 02:00Z, shown as 10:00 WITA")
            }
        }

        @Test("a participant outside the writer's scope (a sibling's contact) is refused by name; nothing is written")
        func participantOutsideScope() async throws {
            let fixture = try await ScopeFixture.make()
            let title = InteractionTest.title("Bocor")
            try await withFixtureSession(fixture.editors[F.semarang]!.email) { session in
                var new = InteractionTest.pressConference(title)
                new.participants = ParticipantSelection(contacts: [fixture.contacts[F.semarang]!, fixture.contacts[F.demak]!])
                let error = await #expect(throws: HumasError.self) { try await session.interactions.log(new) }
                #expect(error?.description == "participants: contact \(fixture.contacts[F.demak]!) is not among those KPU Kota Semarang can see; add participants from your directory (`humas contact list`)")
            }
            #expect(try InteractionTest.count("SELECT count(*) FROM humas.interactions WHERE title = \(title)") == 0)
        }

        @Test("a viewer may not log; an editor may not change an ancestor's activity (forbidden) nor see a sibling's (not found)")
        func writeRules() async throws {
            let fixture = try await ScopeFixture.make()
            let provincial = try await withFixtureSession(fixture.editors[F.province]!.email) {
                try await $0.interactions.log(InteractionTest.pressConference(InteractionTest.title("Provinsi")))
            }
            let sibling = try await withFixtureSession(fixture.editors[F.demak]!.email) {
                try await $0.interactions.log(InteractionTest.pressConference(InteractionTest.title("Demak")))
            }
            try await withFixtureSession(fixture.viewer.email) { session in
                let error = await #expect(throws: HumasError.self) {
                    try await session.interactions.log(InteractionTest.pressConference("x"))
                }
                #expect(UserFixtures.isForbidden(error))
            }
            try await withFixtureSession(fixture.editors[F.semarang]!.email) { session in
                await #expect(throws: HumasError.notFound(entity: "interaction", key: String(provincial.id))) {
                    try await session.interactions.cancel(provincial.id, reason: "x")
                }
                await #expect(throws: HumasError.notFound(entity: "interaction", key: String(sibling.id))) {
                    try await session.interactions.show(sibling.id)
                }
            }
            // Co-organized by Semarang: visible to it, still read-only.
            var joint = InteractionTest.pressConference(InteractionTest.title("Bersama"))
            joint.coorganizers = [F.semarang]
            let shared = try await withFixtureSession(fixture.editors[F.province]!.email) { try await $0.interactions.log(joint) }
            try await withFixtureSession(fixture.editors[F.semarang]!.email) { session in
                let seen = try await session.interactions.show(shared.id)
                #expect(seen.coorganizers == [F.semarang])
                let error = await #expect(throws: HumasError.self) { try await session.interactions.cancel(shared.id, reason: "x") }
                #expect(UserFixtures.isForbidden(error))
            }
        }
    }
}
