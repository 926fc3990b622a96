import Foundation
import Humas
import Testing

/// (a, continued) Contacts and organizations through the directory services: `show` succeeds
/// exactly for the units the user may read, and an edit is done, refused as read-only, or not
/// found exactly as the matrix says.
extension AccessMatrixTests {
    @Test("service layer: contacts and organizations are visible and writable exactly per the matrix")
    func directoryServiceMatrix() async throws {
        let fixture = try await Self.fixture.value
        let service = HumasService(target: TestEnvironment.target)
        do {
            for row in Self.matrix {
                let session = try await service.session(email: fixture.editors[row.user]!.email)
                for unit in F.units {
                    let contactID = fixture.contacts[unit]!
                    let organizationID = fixture.organizations[unit]!
                    let canSeeContact = (try? await session.contacts.show(contactID)) != nil
                    let canSeeOrganization = (try? await session.organizations.show(organizationID)) != nil
                    #expect(canSeeContact == row.reads.contains(unit), "\(row.user) showing the contact of \(unit)")
                    #expect(canSeeOrganization == row.reads.contains(unit), "\(row.user) showing the organization of \(unit)")

                    var contactChange = ContactChanges()
                    contactChange.notes = "matrix \(row.user)"
                    let contactOutcome = await Self.access { _ = try await session.contacts.edit(contactID, contactChange) }
                    #expect(contactOutcome == row.access(to: unit), "\(row.user) editing the contact of \(unit): \(contactOutcome)")

                    var organizationChange = OrganizationChanges()
                    organizationChange.notes = "matrix \(row.user)"
                    let organizationOutcome = await Self.access { _ = try await session.organizations.edit(organizationID, organizationChange) }
                    #expect(organizationOutcome == row.access(to: unit), "\(row.user) editing the organization of \(unit): \(organizationOutcome)")
                }
            }
            await service.shutdown()
        } catch {
            await service.shutdown()
            throw error
        }
    }
}
