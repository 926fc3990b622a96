import Foundation
import Humas
import Postgres
import Testing

@Suite("Idempotency keys")
struct IdempotencyKeyTests {
    static func request(_ key: String, body: String) -> IdempotentRequest {
        IdempotentRequest(key: key, method: "POST", path: "/v1/tokens", body: Data(body.utf8))
    }

    static let created = StoredResponse(status: 201, contentType: "application/json", body: #"{"id":1}"#)

    @Test("a claimed key is in progress for a retry, then replays its response; another request with it is a mismatch")
    func claimCompleteReplay() async throws {
        try await UserFixtures.withService { service in
            let viewer = try await UserFixtures.session(.viewer, at: "ID-JT", on: service)
            let key = UUID().uuidString
            let first = Self.request(key, body: #"{"label":"a"}"#)

            #expect(try await viewer.idempotency.claim(first) == .new)
            #expect(try await viewer.idempotency.claim(first) == .inProgress)
            try await viewer.idempotency.complete(first, response: Self.created)

            #expect(try await viewer.idempotency.claim(first) == .replay(Self.created))
            #expect(try await viewer.idempotency.claim(Self.request(key, body: #"{"label":"b"}"#)) == .mismatch)
        }
    }

    @Test("a released key runs afresh, and a claim whose request died is taken over after a minute")
    func releaseAndAbandon() async throws {
        try await UserFixtures.withService { service in
            let viewer = try await UserFixtures.session(.viewer, at: "ID-JT", on: service)
            let released = Self.request(UUID().uuidString, body: "{}")
            #expect(try await viewer.idempotency.claim(released) == .new)
            try await viewer.idempotency.release(released)
            #expect(try await viewer.idempotency.claim(released) == .new)

            let abandoned = Self.request(UUID().uuidString, body: "{}")
            #expect(try await viewer.idempotency.claim(abandoned) == .new)
            try TestEnvironment.superuser().execute("""
                UPDATE humas.idempotency_keys SET created_at = now() - interval '2 minutes'
                WHERE user_id = \(viewer.user.id) AND key = \(abandoned.key)
                """)
            #expect(try await viewer.idempotency.claim(abandoned) == .new)
            #expect(try await viewer.idempotency.claim(abandoned) == .inProgress)
        }
    }

    @Test("keys are private to their user: row-level security hides another user's key")
    func perUser() async throws {
        try await UserFixtures.withService { service in
            let owner = try await UserFixtures.session(.viewer, at: "ID-JT", on: service)
            let other = try await UserFixtures.session(.admin, at: "ID", on: service)
            let request = Self.request(UUID().uuidString, body: "{}")
            #expect(try await owner.idempotency.claim(request) == .new)
            try await owner.idempotency.complete(request, response: Self.created)

            #expect(try await other.idempotency.claim(request) == .new)
            let visible = try UserFixtures.countAsApplication(
                userID: other.user.id, "SELECT count(*) FROM humas.idempotency_keys WHERE user_id = \(owner.user.id)")
            #expect(visible == 0)
        }
    }

    @Test("a key older than 24 hours counts as new: claiming deletes the user's expired keys")
    func retention() async throws {
        try await UserFixtures.withService { service in
            let viewer = try await UserFixtures.session(.viewer, at: "ID-JT", on: service)
            let old = Self.request(UUID().uuidString, body: "{}")
            let expired = Self.request(UUID().uuidString, body: "{}")
            for request in [old, expired] {
                #expect(try await viewer.idempotency.claim(request) == .new)
                try await viewer.idempotency.complete(request, response: Self.created)
            }
            let superuser = try TestEnvironment.superuser()
            try superuser.execute("""
                UPDATE humas.idempotency_keys SET created_at = now() - interval '25 hours' WHERE user_id = \(viewer.user.id)
                """)

            #expect(try await viewer.idempotency.claim(old) == .new)
            let expiredLeft: Int = try superuser.query("""
                SELECT count(*) AS n FROM humas.idempotency_keys WHERE user_id = \(viewer.user.id) AND key = \(expired.key)
                """)[0].decode("n")
            #expect(expiredLeft == 0)
        }
    }

    @Test("a key must be 1–255 printable ASCII characters")
    func keyFormat() async throws {
        try await UserFixtures.withService { service in
            let viewer = try await UserFixtures.session(.viewer, at: "ID-JT", on: service)
            for key in ["", String(repeating: "k", count: 256), "tab\tkey", "kunci-é"] {
                let error = await #expect(throws: HumasError.self) { try await viewer.idempotency.claim(Self.request(key, body: "{}")) }
                if case .invalid(let field, _) = error {
                    #expect(field == "Idempotency-Key")
                } else {
                    Issue.record("expected invalid, got \(String(describing: error))")
                }
            }
        }
    }
}
