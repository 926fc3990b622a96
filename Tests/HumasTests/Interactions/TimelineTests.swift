import Foundation
import Humas
import Postgres
import Testing

extension InteractionSuites {
    @Suite("Interactions: timelines", .serialized)
    struct TimelineTests {
        typealias F = ScopeFixture

        @Test("a contact's timeline merges activities and affiliation changes newest first, each once across pages, in the viewer's zone")
        func contactTimelineAcrossPages() async throws {
            let fixture = try await ScopeFixture.make()
            let contact = fixture.contacts[F.semarang]!
            let editor = fixture.editors[F.semarang]!.email
            try await withFixtureSession(editor) { session in
                _ = try await session.affiliations.add(NewAffiliation(
                    contactID: contact, organizationID: fixture.organizations[F.semarang]!, title: "Wartawan",
                    startedOn: PostgresDate(year: 2025, month: 3, day: 1), endedOn: PostgresDate(year: 2025, month: 9, day: 30)))
                for (day, title) in [("2025-02-10", "Pertama"), ("2025-06-10", "Kedua"), ("2025-10-10", "Ketiga"), ("2025-10-10", "Keempat")] {
                    var new = InteractionTest.pressConference(title, starts: "\(day) 09:00", ends: nil)
                    new.participants = ParticipantSelection(contacts: [contact])
                    _ = try await session.interactions.log(new)
                }
                var pages: [TimelinePage] = []
                var cursor: String?
                repeat {
                    let page = try await session.timelines.contact(contact, limit: 2, cursor: cursor)
                    pages.append(page)
                    cursor = page.nextCursor
                } while cursor != nil
                let entries = pages.flatMap(\.entries)
                #expect(pages.count == 3)
                #expect(entries.map(\.type) == [.interaction, .interaction, .affiliationEnded, .interaction, .affiliationStarted, .interaction])
                #expect(entries.map { $0.title ?? $0.role ?? "" } == ["Keempat", "Ketiga", "Wartawan", "Kedua", "Wartawan", "Pertama"])
                #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.at.date >= $1.at.date })
                #expect(entries.allSatisfy { $0.at.zone == .wib })
                #expect(entries[2].at.zone.rfc3339(entries[2].at.date) == "2025-09-30T00:00:00+07:00")
                let single = try await session.timelines.contact(contact, limit: 50)
                #expect(single.entries == entries && single.nextCursor == nil)
            }
        }

        @Test("a national journalist's timeline shows each reader only its own subtree's activities with them")
        func timelineFollowsTheAccessRule() async throws {
            let fixture = try await ScopeFixture.make()
            let journalist = fixture.contacts[F.national]!
            var ids: [String: Int64] = [:]
            for unit in [F.semarang, F.demak] {
                ids[unit] = try await withFixtureSession(fixture.editors[unit]!.email) { session in
                    var new = InteractionTest.pressConference(InteractionTest.title("Wawancara \(unit)"))
                    new.kind = "interview"
                    new.participants = ParticipantSelection(contacts: [journalist])
                    return try await session.interactions.log(new).id
                }
            }
            for (reader, expected) in [(F.semarang, [ids[F.semarang]!]), (F.demak, [ids[F.demak]!]),
                                       (F.province, [ids[F.semarang]!, ids[F.demak]!]), (F.sidoarjo, [])] {
                let seen = try await withFixtureSession(fixture.editors[reader]!.email) {
                    try await $0.timelines.contact(journalist).entries.compactMap(\.interactionId)
                }
                #expect(seen.sorted() == expected.sorted(), "\(reader)")
            }
            // An organization's timeline: its people's activities (through the outlet they were at).
            let outlet = fixture.organizations[F.national]!
            let owner = try TestEnvironment.superuser()
            try owner.execute("UPDATE humas.interaction_participants SET via_organization_id = \(outlet) WHERE contact_id = \(journalist)")
            let viaOutlet = try await withFixtureSession(fixture.editors[F.semarang]!.email) {
                try await $0.timelines.organization(outlet).entries.compactMap(\.interactionId)
            }
            #expect(viaOutlet == [ids[F.semarang]!])
        }
    }
}
