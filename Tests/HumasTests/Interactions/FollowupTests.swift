import Foundation
import Humas
import Postgres
import Testing

extension InteractionSuites {
    @Suite("Interactions: follow-ups", .serialized)
    struct FollowupTests {
        typealias F = ScopeFixture

        @Test("follow-ups due today or earlier are listed for their assignee; done leaves the due list; the assignee may mark it done")
        func dueAndDone() async throws {
            let fixture = try await ScopeFixture.make()
            let editor = fixture.editors[F.semarang]!.email
            let (overdue, later) = try await withFixtureSession(editor) { session in
                let logged = try await session.interactions.log(InteractionTest.pressConference(InteractionTest.title("Konferensi pers")))
                let overdue = try await session.followups.add(NewFollowup(
                    interactionID: logged.id, action: "Kirim rilis ke media", assignee: fixture.viewer.email,
                    dueOn: PostgresDate(year: 2025, month: 10, day: 16)))
                let later = try await session.followups.add(NewFollowup(
                    interactionID: logged.id, action: "Evaluasi liputan", assignee: fixture.viewer.email,
                    dueOn: PostgresDate(year: 2099, month: 1, day: 1)))
                return (overdue, later)
            }
            #expect(try InteractionTest.auditActions(entity: "followup", id: overdue.id) == ["create"])
            try await withFixtureSession(fixture.viewer.email) { session in
                let due = try await session.followups.list(FollowupFilter(due: true, mine: true))
                #expect(due.map(\.id) == [overdue.id], "the one due in the future is not due yet")
                let done = try await session.followups.done(overdue.id)
                #expect(done.isDone)
                #expect(try await session.followups.list(FollowupFilter(due: true, mine: true)).isEmpty)
                let open = try await session.followups.list(FollowupFilter(mine: true, open: true))
                #expect(open.map(\.id) == [later.id])
                await #expect(throws: HumasError.self) { try await session.followups.done(overdue.id) }
            }
            #expect(try InteractionTest.auditActions(entity: "followup", id: overdue.id) == ["create", "update"])
        }

        @Test("a follow-up assigned to a user outside the activity's unit (a sibling's editor) is refused, naming assignee; nothing is written")
        func assigneeOutsideSubtree() async throws {
            let fixture = try await ScopeFixture.make()
            try await withFixtureSession(fixture.editors[F.semarang]!.email) { session in
                let logged = try await session.interactions.log(InteractionTest.pressConference(InteractionTest.title("Rapat")))
                for outsider in [fixture.editors[F.demak]!.email, fixture.editors[F.province]!.email] {
                    let error = await #expect(throws: HumasError.self) {
                        try await session.followups.add(NewFollowup(interactionID: logged.id, action: "x", assignee: outsider))
                    }
                    #expect(error?.description.hasPrefix("assignee: \(outsider) is not a user of KPU Kota Semarang") == true)
                }
                #expect(try InteractionTest.count("SELECT count(*) FROM humas.followups WHERE interaction_id = \(logged.id)") == 0)
            }
        }
    }
}
