import Foundation
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Logging

/// The API's router on the test cluster (`make test` started it with `humas db up`), and users
/// with tokens made for one test.
enum HTTPTestEnvironment {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var target: DatabaseTarget {
        DatabaseTarget(environment: ["HUMAS_HOME": repositoryRoot.appendingPathComponent(".humas").path])
    }

    static let nationalAdmin = "admin@kpu.go.id"

    /// One service for every test on the test cluster: the HTTP suites run in parallel with the
    /// service-layer suites, and a pool per test would use up the cluster's 200 connections.
    /// Its pool queues requests beyond its four connections; it lives as long as the process.
    static let shared = HumasService(target: target, poolSize: 4)

    /// Runs `body` against the router (no network). On the test cluster the app uses ``shared``;
    /// with another `target` (an unreachable database) a service of its own, shut down afterwards.
    static func withApp<T: Sendable>(
        rateLimit: Int = 100_000, target: DatabaseTarget? = nil, logger: Logger? = nil,
        _ body: @escaping @Sendable (any TestClientProtocol, HumasService) async throws -> T
    ) async throws -> T {
        let service = target.map { HumasService(target: $0, poolSize: 2) } ?? shared
        // Only errors (a 500's cause): the tests' output stays readable.
        var quiet = Logger(label: "humas.http.test")
        quiet.logLevel = .error
        let app = buildApplication(
            service: service, configuration: HTTPConfiguration(rateLimitPerMinute: rateLimit), logger: logger ?? quiet)
        do {
            let result = try await app.test(.router) { client in try await body(client, service) }
            if target != nil { await service.shutdown() }
            return result
        } catch {
            if target != nil { await service.shutdown() }
            throw error
        }
    }

    /// A fresh user of `role` at `unit`, added by the national admin, with a token.
    static func user(_ role: Role, at unit: String, on service: HumasService) async throws -> TestUser {
        let admin = try await service.session(email: nationalAdmin)
        let email = "http.\(role).\(UInt32.random(in: 0..<UInt32.max))@test.humas.example"
        _ = try await admin.users.add(email: email, fullName: "HTTP \(role) \(unit)", unit: unit, role: role)
        let issued = try await service.session(email: email).tokens.issue(label: "http-test")
        return TestUser(email: email, token: issued.secret, tokenID: issued.token.id)
    }
}

struct TestUser: Sendable {
    var email: String
    var token: String
    var tokenID: Int64
}
