import Foundation
import Humas
import Postgres
import Testing

@Suite("Idempotency keys")
struct IdempotencyKeyTests {
    static func request(_ key: String, body: String) -> IdempotentRequest {
        IdempotentRequest(key: key, method: "POST", path: "/v1/tokens", body: Data(body.utf8))
    }

    @Test("a saved key replays its response for the same request and reports a mismatch for another")
    func replayAndMismatch() async throws {
        try await UserFixtures.withService { service in
            let viewer = try await UserFixtures.session(.viewer, at: "ID-JT", on: service)
            let key = UUID().uuidString
            let first = Self.request(key, body: #"{"label":"a"}"#)
            #expect(try await viewer.idempotency.lookup(first) == .new)

            let response = StoredResponse(status: 201, contentType: "application/json", body: #"{"id":1}"#)
            try await viewer.idempotency.save(first, response: response)

            #expect(try await viewer.idempotency.lookup(first) == .replay(response))
            #expect(try await viewer.idempotency.lookup(Self.request(key, body: #"{"label":"b"}"#)) == .mismatch)
        }
    }

    @Test("keys are private to their user: row-level security hides another user's key")
    func perUser() async throws {
        try await UserFixtures.withService { service in
            let owner = try await UserFixtures.session(.viewer, at: "ID-JT", on: service)
            let other = try await UserFixtures.session(.admin, at: "ID", on: service)
            let request = Self.request(UUID().uuidString, body: "{}")
            try await owner.idempotency.save(request, response: StoredResponse(status: 201, contentType: "application/json", body: "{}"))

            #expect(try await other.idempotency.lookup(request) == .new)
            let visible = try UserFixtures.countAsApplication(
                userID: other.user.id, "SELECT count(*) FROM humas.idempotency_keys WHERE key = \(request.key)")
            #expect(visible == 0)
        }
    }

    @Test("a key older than 24 hours counts as new, and saving deletes the user's expired keys")
    func retention() async throws {
        try await UserFixtures.withService { service in
            let viewer = try await UserFixtures.session(.viewer, at: "ID-JT", on: service)
            let old = Self.request(UUID().uuidString, body: "{}")
            try await viewer.idempotency.save(old, response: StoredResponse(status: 201, contentType: "application/json", body: "{}"))
            let superuser = try TestEnvironment.superuser()
            try superuser.execute("""
                UPDATE humas.idempotency_keys SET created_at = now() - interval '25 hours'
                WHERE user_id = \(viewer.user.id) AND key = \(old.key)
                """)

            #expect(try await viewer.idempotency.lookup(old) == .new)
            try await viewer.idempotency.save(
                Self.request(UUID().uuidString, body: "{}"), response: StoredResponse(status: 201, contentType: "application/json", body: "{}"))
            let remaining: Int = try superuser.query("""
                SELECT count(*) AS n FROM humas.idempotency_keys WHERE user_id = \(viewer.user.id) AND key = \(old.key)
                """)[0].decode("n")
            #expect(remaining == 0)
        }
    }

    @Test("a key must be 1–255 printable ASCII characters")
    func keyFormat() async throws {
        try await UserFixtures.withService { service in
            let viewer = try await UserFixtures.session(.viewer, at: "ID-JT", on: service)
            for key in ["", String(repeating: "k", count: 256), "tab\tkey", "kunci-é"] {
                let error = await #expect(throws: HumasError.self) { try await viewer.idempotency.lookup(Self.request(key, body: "{}")) }
                if case .invalid(let field, _) = error { #expect(field == "Idempotency-Key") } else { Issue.record("expected invalid, got \(String(describing: error))") }
            }
        }
    }
}
