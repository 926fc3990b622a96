import Foundation
import Postgres

/// The acting users' units, read once per process: the tree is reference data that only
/// `humas seed` changes, and every activity list and timeline needs its caller's unit (the
/// subtree range the query is written for, the zone times are shown in). Saves a round trip and
/// a policy-checked query on each of those reads.
final class UnitCache: @unchecked Sendable {
    // @unchecked: `units` is only read and written while holding `lock`.
    private let lock = NSLock()
    private var units: [String: Unit] = [:]

    /// The unit with this code, reading it on `connection` the first time.
    func unit(_ code: String, on connection: PostgresConnection) throws -> Unit {
        if let cached = lock.withLock({ units[code] }) { return cached }
        let unit = try UnitDirectory.resolve(code, on: connection)
        lock.withLock { units[code] = unit }
        return unit
    }
}

extension Session {
    /// The acting user's unit, for use inside one of the session's transactions.
    func ownUnit(on connection: PostgresConnection) throws -> Unit {
        try database.units.unit(user.unitCode, on: connection)
    }
}
