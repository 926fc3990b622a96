import Foundation
import HTTPTypes
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("HTTP Idempotency-Key")
struct IdempotencyTests {
    static let key = HTTPField.Name("Idempotency-Key")!
    static let replayed = HTTPField.Name("Idempotent-Replayed")!

    @Test("the same key and body replay the first answer (status and body) without a second change")
    func replay() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let viewer = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT", on: service)
            let key = UUID().uuidString
            let body = #"{"label": "retry-me"}"#

            let first = try await client.send(.post, "/v1/tokens", token: viewer.token, json: body, headers: [Self.key: key])
            let second = try await client.send(.post, "/v1/tokens", token: viewer.token, json: body, headers: [Self.key: key])

            #expect(first.status == .created)
            #expect(second.status == .created)
            #expect(String(buffer: second.body) == String(buffer: first.body))
            #expect(second.headers[Self.replayed] == "true")
            #expect(first.headers[Self.replayed] == nil)
            let tokens = try await service.session(token: viewer.token).tokens.list()
            #expect(tokens.filter { $0.label == "retry-me" }.count == 1)
        }
    }

    @Test("422 problem+json for the same key with a different body; keys are per user")
    func differentBody() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let viewer = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT", on: service)
            let other = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT", on: service)
            let key = UUID().uuidString

            let first = try await client.send(.post, "/v1/tokens", token: viewer.token, json: #"{"label": "one"}"#, headers: [Self.key: key])
            let reused = try await client.send(.post, "/v1/tokens", token: viewer.token, json: #"{"label": "two"}"#, headers: [Self.key: key])
            let otherUser = try await client.send(.post, "/v1/tokens", token: other.token, json: #"{"label": "two"}"#, headers: [Self.key: key])

            #expect(first.status == .created)
            #expect(reused.status == .unprocessableContent)
            #expect(reused.contentType == "application/problem+json")
            #expect(try reused.object()["type"] as? String == "urn:humas:problem:idempotency-key-reused")
            #expect(otherUser.status == .created)
            #expect(otherUser.headers[Self.replayed] == nil)
        }
    }
}

extension IdempotencyTests {
    @Test("409 with Retry-After for a retry while the first request with the key is still running")
    func inProgress() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let viewer = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT", on: service)
            let key = UUID().uuidString
            let body = #"{"label": "slow"}"#
            // The first request holds the key, as it would while it still runs.
            let running = IdempotentRequest(key: key, method: "POST", path: "/v1/tokens", body: Data(body.utf8))
            #expect(try await service.session(token: viewer.token).idempotency.claim(running) == .new)

            let retry = try await client.send(.post, "/v1/tokens", token: viewer.token, json: body, headers: [Self.key: key])

            #expect(retry.status == .conflict)
            #expect(retry.contentType == "application/problem+json")
            #expect(retry.headers[.retryAfter] == "1")
            let tokens = try await service.session(token: viewer.token).tokens.list()
            #expect(!tokens.contains { $0.label == "slow" })
        }
    }

    @Test("a refused request releases its key: the corrected retry with the same key runs")
    func refusedThenCorrected() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let viewer = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT", on: service)
            let key = UUID().uuidString
            let refused = try await client.send(.post, "/v1/tokens", token: viewer.token, json: #"{"label": "x", "extra": 1}"#, headers: [Self.key: key])
            #expect(refused.status == .badRequest)
            let again = try await client.send(.post, "/v1/tokens", token: viewer.token, json: #"{"label": "x", "extra": 1}"#, headers: [Self.key: key])
            #expect(again.status == .badRequest)
            #expect(again.headers[Self.replayed] == nil)
        }
    }
}

@Suite("HTTP rate limit")
struct RateLimitTests {
    @Test("429 problem+json with Retry-After once a token used its requests for the minute; other tokens go on")
    func tooManyRequests() async throws {
        try await HTTPTestEnvironment.withApp(rateLimit: 3) { client, service in
            let viewer = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT", on: service)
            let other = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT", on: service)
            for _ in 0..<3 {
                #expect(try await client.send(.get, "/v1/me", token: viewer.token).status == .ok)
            }
            let limited = try await client.send(.get, "/v1/me", token: viewer.token)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.contentType == "application/problem+json")
            let retryAfter = try #require(limited.headers[.retryAfter].flatMap(Int.init))
            #expect((1...20).contains(retryAfter))
            #expect(try await client.send(.get, "/v1/me", token: other.token).status == .ok)
        }
    }
}
