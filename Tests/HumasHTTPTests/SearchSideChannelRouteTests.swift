import Foundation
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

/// The search's side channels over HTTP, as the outside test ran them: Kota Semarang's outlet and
/// words probed from Kabupaten Demak (a sibling) and Kota Surabaya (a cousin).
@Suite("HTTP search side channels")
struct SearchSideChannelRouteTests {
    @Test("GET /v1/contacts?q= finds nobody by a hidden outlet's name, and corrects typos only towards readable words")
    func hiddenWordsOverHTTP() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let semarang = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KOTA-SEMARANG", on: service)
            let province = try await HTTPTestEnvironment.user(.editor, at: "ID-JT", on: service)
            let demak = try await HTTPTestEnvironment.user(.editor, at: "ID-JT-KAB-DEMAK", on: service)
            let surabaya = try await HTTPTestEnvironment.user(.editor, at: "ID-JI-KOTA-SURABAYA", on: service)
            let stem = Unique.letters()  // random letters: like no other word, of this run or another

            // Semarang's outlet; a provincial journalist working there (the province links them).
            let outlet = try await service.session(token: semarang.token).organizations.add(
                NewOrganization(name: "Radio \(stem.capitalized) Semarang", kind: .mediaOutlet))
            let provincial = try await service.session(token: province.token)
            let journalist = try await provincial.contacts.add(NewContact(fullName: "Sutrisno Harsono\(Unique.letters())"))
            _ = try await provincial.affiliations.add(NewAffiliation(contactID: journalist.id, organizationID: outlet.id, title: "Wartawan"))

            for attacker in [demak, surabaya] {
                let found = try await client.send(.get, "/v1/contacts?q=\(stem)", token: attacker.token)
                #expect(found.status == .ok)
                let items = try found.items()
                #expect(items.isEmpty, "\(items)")
            }
            let readable = try await client.send(.get, "/v1/contacts?q=\(stem)", token: semarang.token)
            #expect(try readable.items().map { ($0["id"] as? Int).map(Int64.init) } == [journalist.id])

            // Demak's own 'stem + o' corrects 'stem + a' both before and after Semarang adds
            // a contact whose name starts with 'stem + a'.
            let own = try await service.session(token: demak.token).contacts.add(NewContact(fullName: "Budi \((stem + "o").capitalized)"))
            let before = try await client.send(.get, "/v1/contacts?q=\(stem)a", token: demak.token)
            _ = try await service.session(token: semarang.token).contacts.add(NewContact(fullName: "Siti \((stem + "an").capitalized)"))
            let after = try await client.send(.get, "/v1/contacts?q=\(stem)a", token: demak.token)
            #expect(try before.items().map { ($0["id"] as? Int).map(Int64.init) } == [own.id])
            #expect(try after.items().map { ($0["id"] as? Int).map(Int64.init) } == [own.id])
        }
    }
}

extension Unique {
    /// Eight random letters: a word of its own to the search (a digit would split it in two).
    static func letters() -> String { String((0..<8).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! }) }
}
