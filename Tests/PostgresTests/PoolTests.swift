import Foundation
import NIOConcurrencyHelpers
import Postgres
import Testing

@Suite("Connection pool")
struct PoolTests {
    @Test("50 concurrent tasks share 4 connections and each gets its own answer")
    func fiftyTasksFourConnections() async throws {
        let pool = PostgresPool(conninfo: TestDatabase.conninfo, size: 4)
        let inFlight = NIOLockedValueBox((now: 0, most: 0))
        let results = try await withThrowingTaskGroup(of: (Int, Int, Int32).self) { group in
            for task in 0..<50 {
                group.addTask {
                    try await pool.withConnection { connection in
                        inFlight.withLockedValue { $0.now += 1; $0.most = max($0.most, $0.now) }
                        defer { inFlight.withLockedValue { $0.now -= 1 } }
                        let row = try connection.query("SELECT \(task)::int * 2 AS doubled, pg_sleep(0.02)")[0]
                        return (task, try row.decode("doubled", as: Int.self), connection.backendProcessID)
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        await pool.shutdown()
        #expect(results.count == 50)
        #expect(results.allSatisfy { $0.1 == $0.0 * 2 })
        #expect(Set(results.map(\.2)).count <= 4)
        #expect(inFlight.withLockedValue { $0.most } <= 4)
    }

    @Test("a lease never runs on Swift's cooperative pool")
    func runsOnDedicatedThread() async throws {
        let pool = PostgresPool(conninfo: TestDatabase.conninfo, size: 1)
        let name = try await pool.withConnection { _ in
            // The kernel's name for the running thread; NIO names its pool threads "TP-#n".
            (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "unknown"
        }
        await pool.shutdown()
        #expect(name.contains("TP"), "ran on thread '\(name)'")
    }

    @Test("a connection killed by the server is replaced and the next call succeeds")
    func replacesKilledConnection() async throws {
        let pool = PostgresPool(conninfo: TestDatabase.conninfo, size: 1)
        let first = try await TestDatabase.terminateOnlyConnection(of: pool)
        let second = try await pool.withConnection { try $0.query("SELECT pg_backend_pid()")[0].decode(0, as: Int32.self) }
        await pool.shutdown()
        #expect(second != first)
    }

    @Test("a shut-down pool refuses work with a clear error")
    func closedPool() async throws {
        let pool = PostgresPool(conninfo: TestDatabase.conninfo, size: 1)
        await pool.shutdown()
        await #expect(throws: (any Error).self) {
            try await pool.withConnection { _ in 1 }
        }
    }
}
