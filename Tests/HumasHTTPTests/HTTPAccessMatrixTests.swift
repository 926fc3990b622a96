import Foundation
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

/// The directory's access rule over HTTP: editors at KPU RI, Jawa Tengah, two sibling
/// kabupaten/kota of it and a kabupaten of another province each own a contact and an
/// organization. Read = own + below + ancestors (else 404); write = own + below (403 for a
/// visible ancestor's record, 404 for an invisible one).
@Suite("HTTP access matrix")
struct HTTPAccessMatrixTests {
    static let national = "ID", province = "ID-JT", semarang = "ID-JT-KOTA-SEMARANG"
    static let demak = "ID-JT-KAB-DEMAK", sidoarjo = "ID-JI-KAB-SIDOARJO"
    static let units = [national, province, semarang, demak, sidoarjo]

    /// unit → (units it reads, units it writes), as the directory's matrix states it.
    static let matrix: [String: (reads: Set<String>, writes: Set<String>)] = [
        national: (Set(units), Set(units)),
        province: ([national, province, semarang, demak], [province, semarang, demak]),
        semarang: ([national, province, semarang], [semarang]),
        demak: ([national, province, demak], [demak]),
        sidoarjo: ([national, sidoarjo], [sidoarjo]),
    ]

    @Test("GET 200/404 and PATCH 200/403/404 on contacts and organizations, for each editor and owner unit")
    func matrixOverHTTP() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            var tokens: [String: String] = [:]
            var contacts: [String: Int64] = [:]
            var organizations: [String: Int64] = [:]
            for unit in Self.units {
                let editor = try await HTTPTestEnvironment.user(.editor, at: unit, on: service)
                tokens[unit] = editor.token
                let session = try await service.session(token: editor.token)
                var contact = NewContact(fullName: "Matriks \(unit)")
                contact.emails = [Unique.email("matriks")]
                contacts[unit] = try await session.contacts.add(contact).id
                organizations[unit] = try await session.organizations.add(NewOrganization(name: "Media Matriks \(unit) \(Unique.suffix())", kind: .mediaOutlet)).id
            }
            for user in Self.units {
                let token = tokens[user]!, rule = Self.matrix[user]!
                for owner in Self.units {
                    for (resource, id) in [("contacts", contacts[owner]!), ("organizations", organizations[owner]!)] {
                        let read = try await client.send(.get, "/v1/\(resource)/\(id)", token: token)
                        let expectedRead: HTTPResponse.Status = rule.reads.contains(owner) ? .ok : .notFound
                        #expect(read.status == expectedRead, "\(user) GET \(resource) of \(owner)")

                        let write = try await client.send(.patch, "/v1/\(resource)/\(id)", token: token, json: #"{"notes": "matriks \#(user)"}"#)
                        let expectedWrite: HTTPResponse.Status =
                            rule.writes.contains(owner) ? .ok : rule.reads.contains(owner) ? .forbidden : .notFound
                        #expect(write.status == expectedWrite, "\(user) PATCH \(resource) of \(owner)")
                        #expect(write.status == .ok || write.contentType == "application/problem+json")
                    }
                }
            }
        }
    }
}
