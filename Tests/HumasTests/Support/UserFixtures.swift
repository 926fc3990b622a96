import Foundation
import Humas
import Postgres

/// Users made for one test, through the national admin of a fresh install, with e-mails no
/// other test (or earlier run) uses.
enum UserFixtures {
    static let nationalAdmin = "admin@kpu.go.id"

    static func uniqueEmail(_ prefix: String) -> String {
        "\(prefix).\(UInt32.random(in: 0..<UInt32.max))@test.humas.example"
    }

    /// Adds a user as the national admin and logs them in.
    static func session(
        _ role: Role, at unit: String, prefix: String? = nil, on service: HumasService
    ) async throws -> Session {
        let admin = try await service.session(email: nationalAdmin)
        let email = uniqueEmail(prefix ?? "\(role).\(unit.lowercased())")
        let user = try await admin.users.add(email: email, fullName: "Test \(role) \(unit)", unit: unit, role: role)
        return try await service.session(email: user.email)
    }

    /// Rows of `humas.users` with this e-mail, counted as the superuser (past any row-level security).
    static func storedUserCount(email: String) throws -> Int {
        let connection = try TestEnvironment.superuser()
        return try connection.query("SELECT count(*) AS n FROM humas.users WHERE email = \(email)")[0].decode("n")
    }

    static func isForbidden(_ error: HumasError?) -> Bool {
        if case .forbidden = error { return true }
        return false
    }

    static func isNotFound(_ error: HumasError?) -> Bool {
        if case .notFound = error { return true }
        return false
    }

    static func isUnauthenticated(_ error: HumasError?) -> Bool {
        if case .unauthenticated = error { return true }
        return false
    }
}

extension UserFixtures {
    /// Runs `body` with a service on the test cluster, shutting it down afterwards however `body` ends.
    static func withService<T>(_ body: (HumasService) async throws -> T) async throws -> T {
        let service = HumasService(target: TestEnvironment.target)
        do {
            let result = try await body(service)
            await service.shutdown()
            return result
        } catch {
            await service.shutdown()
            throw error
        }
    }
}

extension UserFixtures {
    /// Runs `query` as the application role acting as `userID`, the way the service connects,
    /// so that only row-level security, not the service layer, decides what it sees.
    static func countAsApplication(userID: Int64, _ query: PostgresQuery) throws -> Int {
        let connection = try TestEnvironment.superuser()
        return try connection.withTransaction { transaction in
            try transaction.execute(script: "SET LOCAL ROLE humas_app")
            try transaction.setLocal("humas.user_id", to: String(userID))
            return try transaction.query(query)[0].decode(0, as: Int.self)
        }
    }
}
