import Foundation
import Humas
import Postgres
import Testing

/// (a) The same matrix through the service layer: each user's lists, the members of a national
/// list, a national segment resolved live, and adding contacts to a list.
extension AccessMatrixTests {
    @Test("service layer: lists, list members, segments and list writes follow the matrix for every user")
    func serviceMatrix() async throws {
        let fixture = try await Self.fixture.value
        let service = HumasService(target: TestEnvironment.target)
        do {
            try await checkServiceMatrix(fixture, service)
            await service.shutdown()
        } catch {
            await service.shutdown()
            throw error
        }
    }

    private func checkServiceMatrix(_ fixture: ScopeFixture, _ service: HumasService) async throws {
        var sessions: [String: Session] = [:]
        var lists: [String: ContactList] = [:]
        for unit in F.units {
            let session = try await service.session(email: fixture.editors[unit]!.email)
            sessions[unit] = session
            lists[unit] = try await session.lists.create(name: "Matriks \(unit) \(fixture.suffix)")
        }
        let national = sessions[F.national]!
        let allContacts = F.units.map { fixture.contacts[$0]! }
        _ = try await national.lists.add(allContacts, to: String(lists[F.national]!.id))
        let segment = try await national.segments.create(name: "Matriks \(fixture.suffix)", filter: SegmentFilter(tag: fixture.tag))

        for row in Self.matrix {
            let session = sessions[row.user]!
            let visibleLists = Set(try await session.lists.list().filter { $0.name.hasSuffix(fixture.suffix) }.map(\.unitCode))
            #expect(visibleLists == row.reads, "\(row.user) sees lists of \(visibleLists.sorted()), expected \(row.reads.sorted())")

            for unit in F.units {
                let list = lists[unit]!
                // Renaming to the same name changes nothing but needs write access.
                let outcome = await Self.access { _ = try await session.lists.rename(String(list.id), to: list.name) }
                #expect(outcome == row.access(to: unit), "\(row.user) renaming the list of \(unit): \(outcome)")

                // A contact can join the user's own list exactly when the user can see it.
                let contact = fixture.contacts[unit]!
                do {
                    _ = try await session.lists.add([contact], to: String(lists[row.user]!.id))
                    #expect(row.reads.contains(unit), "\(row.user) added the contact of \(unit), which it should not see")
                } catch let error as HumasError {
                    #expect(!row.reads.contains(unit), "\(row.user) adding the contact of \(unit): \(error)")
                    #expect(error == .notFound(entity: "contact", key: String(contact)), "\(row.user): \(error)")
                }
            }

            let members = try await session.lists.show(String(lists[F.national]!.id)).members
            let memberUnits = Set(members.compactMap { fixture.unit(ofContact: $0.contactID) })
            #expect(memberUnits == row.reads, "\(row.user) sees national-list members of \(memberUnits.sorted())")

            let resolved = try await session.segments.resolve(String(segment.id), limit: 100)
            let matchUnits = Set(resolved.contacts.compactMap { fixture.unit(ofContact: $0.contactID) })
            #expect(matchUnits == row.reads, "\(row.user) resolves the national segment to contacts of \(matchUnits.sorted())")
            #expect(resolved.total == row.reads.count, "\(row.user) segment total \(resolved.total)")
        }

        let disabled = await #expect(throws: HumasError.self) { try await service.session(email: fixture.disabled.email) }
        if case .unauthenticated = disabled {} else { Issue.record("disabled user: \(String(describing: disabled))") }
    }

    /// What a write attempt tells about the user's access: done, refused as read-only, or not found.
    static func access(_ attempt: () async throws -> Void) async -> Access {
        do {
            try await attempt()
            return .writable
        } catch HumasError.forbidden {
            return .readOnly
        } catch HumasError.notFound {
            return .hidden
        } catch {
            Issue.record("unexpected error: \(error)")
            return .hidden
        }
    }
}
