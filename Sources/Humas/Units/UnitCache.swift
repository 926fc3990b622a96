import Foundation
import Postgres

/// The unit tree, read once per process: it is reference data that only `humas seed` changes,
/// and activity reads need units by id on every row (code, name, zone) and the caller's own
/// (the subtree range a list is written for, the zone times are shown in). Reading them from
/// memory spares each of those statements a join with `humas.units` and the policy that comes
/// with it, and each call a round trip.
final class UnitCache: @unchecked Sendable {
    // @unchecked: `table` is only read and written while holding `lock`.
    private let lock = NSLock()
    private var table: UnitTable?

    /// Every unit, reading them on `connection` the first time.
    func table(on connection: PostgresConnection) throws -> UnitTable {
        if let cached = lock.withLock({ table }) { return cached }
        let units = try connection.query("""
            SELECT \(unsafeSQL: Unit.columns) FROM humas.units u LEFT JOIN humas.units p ON p.id = u.parent_id ORDER BY u.id
            """).map(Unit.init(row:))
        let read = UnitTable(units)
        // A database not seeded yet has no units: read again next time rather than keep nothing.
        if !units.isEmpty { lock.withLock { table = read } }
        return read
    }
}

/// The units by id and by code.
struct UnitTable: Sendable {
    private let byID: [Int: Unit]
    private let byCode: [String: Unit]

    init(_ units: [Unit]) {
        byID = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) })
        byCode = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0) })
    }

    /// The unit with this id; every id a row holds is one (a foreign key), so a miss is a bug.
    subscript(id: Int) -> Unit {
        guard let unit = byID[id] else { preconditionFailure("unit \(id) is not in the unit table") }
        return unit
    }

    func unit(code: String) -> Unit? { byCode[code] }
}

extension Session {
    /// The unit table, for use inside one of the session's transactions.
    func unitTable(on connection: PostgresConnection) throws -> UnitTable {
        try database.units.table(on: connection)
    }

    /// The acting user's unit.
    func ownUnit(on connection: PostgresConnection) throws -> Unit {
        if let unit = try unitTable(on: connection).unit(code: user.unitCode) { return unit }
        return try UnitDirectory.resolve(user.unitCode, on: connection)
    }
}
