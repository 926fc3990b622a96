import Foundation
import Humas

/// The crafted-cursor attack of issue 9, set up once per test: Kota Semarang owns two hidden
/// contacts whose names sort before and after every visible one; Kabupaten Demak (the attacker,
/// and the owner of the visible rows) and Kota Surabaya (a cousin) each have an editor.
struct CursorAttack: Sendable {
    static let semarang = "ID-JT-KOTA-SEMARANG"
    static let demak = "ID-JT-KAB-DEMAK"
    static let surabaya = "ID-JI-KOTA-SURABAYA"
    /// Visible names with ties, so that pages of two break inside a run of equal names.
    static let visibleNames = ["Budi Halaman", "Budi Halaman", "Made Halaman", "Made Halaman", "Made Halaman", "Yusuf Halaman"]

    let service: HumasService
    let demak: Session
    let surabaya: Session
    let tag: String
    /// Semarang's contacts: "Abdul Halaman Rahasia" (sorts first) and "Zaki Halaman Rahasia" (last).
    let hidden: [Int64]
    let visible: [Int64]

    var filters: ContactFilters {
        var filters = ContactFilters()
        filters.tag = tag
        return filters
    }

    static func make() async throws -> CursorAttack {
        let service = HumasService(target: TestEnvironment.target, poolSize: 2)
        let tag = "cur-\(UInt32.random(in: 0..<UInt32.max))"
        let semarang = try await UserFixtures.session(.editor, at: semarang, on: service)
        var hidden: [Int64] = []
        for name in ["Abdul Halaman Rahasia", "Zaki Halaman Rahasia"] {
            hidden.append(try await semarang.contacts.add(Self.contact(name, tag: tag)).id)
        }
        let demak = try await UserFixtures.session(.editor, at: demak, on: service)
        var visible: [Int64] = []
        for name in visibleNames {
            visible.append(try await demak.contacts.add(Self.contact(name, tag: tag)).id)
        }
        return CursorAttack(
            service: service, demak: demak, surabaya: try await UserFixtures.session(.editor, at: surabaya, on: service),
            tag: tag, hidden: hidden, visible: visible)
    }

    private static func contact(_ name: String, tag: String) -> NewContact {
        var contact = NewContact(fullName: name)
        contact.tags = [tag]
        contact.emails = [UserFixtures.uniqueEmail("kontak")]
        return contact
    }

    /// A cursor as today's main printed it, unsigned: base64url of `score:id`, naming any id.
    static func oldStyle(score: String = "0.0", id: Int64) -> String {
        Data("\(score):\(id)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A signed cursor with its payload swapped for one naming `name`, the signature kept.
    static func tampered(_ token: String, name: String) -> String {
        let parts = token.split(separator: ".", maxSplits: 1).map(String.init)
        var base64 = parts[0].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let payload = String(decoding: Data(base64Encoded: base64) ?? Data(), as: UTF8.self)
        let fields = payload.split(separator: ":", maxSplits: 2).map(String.init)
        let forged = Data("\(fields.first ?? "0"):\(fields.count > 1 ? fields[1] : "1"):\(name)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return forged + "." + (parts.count > 1 ? parts[1] : "")
    }

    func shutdown() async { await service.shutdown() }
}

/// Whether `body` was refused for its cursor (400 naming `cursor` over HTTP, exit 1 on the CLI).
func refusesCursor(_ body: () async throws -> Void) async -> Bool {
    do {
        try await body()
        return false
    } catch HumasError.invalid(let field, _) {
        return field == "cursor"
    } catch {
        return false
    }
}
