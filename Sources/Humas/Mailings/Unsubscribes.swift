import Foundation
import Postgres

/// The public opt-out page (RFC 8058): no login, only a signed link. GET shows what will
/// happen; POST (the recipient's button, or their mail program's one-click request) records
/// the opt-out on the contact, so that every later mailing skips them.
public struct Unsubscribes: Sendable {
    let database: HumasDatabase

    /// What the page shows for `token`; nil when the link is not genuine.
    public func look(_ token: String) async throws -> UnsubscribeState? {
        try await run(token, confirm: false)
    }

    /// Records the opt-out (again is harmless); nil when the link is not genuine.
    public func confirm(_ token: String) async throws -> UnsubscribeState? {
        try await run(token, confirm: true)
    }

    private func run(_ token: String, confirm: Bool) async throws -> UnsubscribeState? {
        // The page is public and unthrottled: a link of the wrong shape costs no database trip.
        guard UnsubscribeToken.isWellFormed(token) else { return nil }
        return try await database.transaction { connection in
            let secret: Data = try connection.query("SELECT humas.unsubscribe_secret() AS s")[0].decode("s")
            guard let delivery = UnsubscribeToken(secret: secret).delivery(token) else { return nil }
            let rows = try connection.query("""
                SELECT address, unit_name, opted_out_at FROM humas.mail_unsubscribe(\(delivery), \(confirm))
                """)
            return try rows.first.map {
                UnsubscribeState(address: MaskedAddress.mask(try $0.decode("address", as: String?.self) ?? ""),
                                 office: try $0.decode("unit_name"), optedOut: try $0.decode("opted_out_at", as: Date?.self) != nil)
            }
        }
    }
}

/// What the unsubscribe page tells the recipient.
public struct UnsubscribeState: Sendable, Equatable {
    /// The address, partly hidden (`bu***@tempo.co`): the page is reachable by anyone with the link.
    public var address: String
    public var office: String
    public var optedOut: Bool
}

enum MaskedAddress {
    static func mask(_ address: String) -> String {
        guard let at = address.firstIndex(of: "@") else { return "***" }
        let local = address[..<at]
        return String(local.prefix(2)) + "***" + address[at...]
    }
}

extension HumasService {
    /// The public opt-out links of mailings.
    public var unsubscribes: Unsubscribes { Unsubscribes(database: database) }
}
