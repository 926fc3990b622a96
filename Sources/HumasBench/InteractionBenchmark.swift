import Foundation
import Humas
import Postgres

/// Activity reads through the service itself (a `Session` of the level's user: one transaction
/// under row-level security, exactly what the CLI and the API call): a unit's list filtered by
/// quarter and strategy, and a contact's timeline, first pages of 50.
struct InteractionBenchmark {
    let service: HumasService
    let admin: DatabaseAdmin
    let baseline: PgbenchScripts

    /// The quarters the list is asked for: two whole years of generated activity.
    static let quarters = (2024...2025).flatMap { year in (1...4).map { "\(year)-Q\($0)" } }

    struct Scope {
        var range: ClosedRange<Int>
        var zone: UnitZone
    }

    /// Every strategy in every quarter, once per round; the baseline runs the same statements.
    func measureList(level: BenchLevel, rounds: Int) async throws -> (ours: Latencies, baseline: Latencies) {
        let scope = try await self.scope(of: level)
        let filters = try BakohumasStrategy.allCases.flatMap { strategy in
            try Self.quarters.map { quarter in
                var filter = InteractionFilter()
                filter.strategy = strategy
                try filter.setQuarter(quarter)
                return filter
            }
        }
        let session = try await service.session(email: level.email)
        let ours = try await Self.time(filters, rounds: rounds) { _ = try await session.interactions.list($0, limit: 50) }
        let statements = filters.map { Interactions.listQuery($0, range: scope.range, limit: 51) }
        let theirs = try baseline.measure(statements, name: "list-\(level.userID)", userID: level.userID, transactions: filters.count * rounds)
        return (ours, theirs)
    }

    /// The timelines of contacts who took part in the level's activities (a fixed sample).
    func measureTimeline(level: BenchLevel, rounds: Int) async throws -> (ours: Latencies, baseline: Latencies) {
        let scope = try await self.scope(of: level)
        let contacts = try await admin.withAdminConnection { connection in
            try connection.query("""
                SELECT p.contact_id FROM humas.interaction_participants p
                WHERE p.unit_id BETWEEN \(scope.range.lowerBound) AND \(scope.range.upperBound) AND p.contact_id IS NOT NULL
                GROUP BY p.contact_id ORDER BY md5(p.contact_id::text) LIMIT 64
                """).map { try $0.decode("contact_id", as: Int64.self) }
        }
        guard !contacts.isEmpty else { throw BenchError("no participants under \(level.unitCode): run `humas dev generate --interactions N` first") }
        let session = try await service.session(email: level.email)
        let ours = try await Self.time(contacts, rounds: rounds) { _ = try await session.timelines.contact($0, limit: 50) }
        let statements = contacts.map { Timelines.query(.contact, id: $0, zone: scope.zone, limit: 51) }
        let theirs = try baseline.measure(statements, name: "timeline-\(level.userID)", userID: level.userID, transactions: contacts.count * rounds)
        return (ours, theirs)
    }

    /// Times `call` once per input per round, serially, after one warm-up call.
    private static func time<Input>(_ inputs: [Input], rounds: Int, _ call: (Input) async throws -> Void) async throws -> Latencies {
        try await call(inputs[0])
        let clock = ContinuousClock()
        var latencies = Latencies()
        for _ in 0..<rounds {
            for input in inputs {
                let started = clock.now
                try await call(input)
                latencies.add((clock.now - started).milliseconds)
            }
        }
        return latencies
    }

    private func scope(of level: BenchLevel) async throws -> Scope {
        try await admin.withAdminConnection { connection in
            let row = try connection.query("SELECT id, subtree_end, time_zone FROM humas.units WHERE code = \(level.unitCode)")[0]
            return Scope(range: try row.decode("id", as: Int.self)...row.decode("subtree_end", as: Int.self),
                         zone: UnitZone(timeZone: try row.decode("time_zone")))
        }
    }
}
