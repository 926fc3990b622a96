import Foundation
import HTTPTypes
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("HTTP health, readiness and request ids")
struct HealthTests {
    static let requestID = HTTPField.Name("X-Request-Id")!

    @Test("/health answers 200 without a database; /ready answers 503 problem+json while the database is unreachable")
    func healthWithoutDatabase() async throws {
        // Nothing listens on port 1: every connection attempt is refused at once.
        let unreachable = DatabaseTarget(environment: ["DATABASE_URL": "postgresql://humas@127.0.0.1:1/humas?connect_timeout=2"])
        try await HTTPTestEnvironment.withApp(target: unreachable) { client, _ in
            let health = try await client.send(.get, "/health")
            #expect(health.status == .ok)
            #expect(try health.object()["status"] as? String == "ok")

            let ready = try await client.send(.get, "/ready")
            #expect(ready.status == .serviceUnavailable)
            #expect(ready.contentType == "application/problem+json")
            #expect(try ready.object()["status"] as? Int == 503)
            #expect(ready.headers[.retryAfter] != nil)
        }
    }

    @Test("/ready answers 200 when the database answers")
    func readyWithDatabase() async throws {
        try await HTTPTestEnvironment.withApp { client, _ in
            let ready = try await client.send(.get, "/ready")
            #expect(ready.status == .ok)
            #expect(try ready.object()["status"] as? String == "ready")
        }
    }

    @Test("every answer carries X-Request-Id: a sane incoming one is kept, an unsafe one replaced")
    func requestIDs() async throws {
        try await HTTPTestEnvironment.withApp { client, _ in
            let fresh = try await client.send(.get, "/health")
            #expect(fresh.headers[Self.requestID]?.count == 16)

            let kept = try await client.send(.get, "/health", headers: [Self.requestID: "trace-42.a"])
            #expect(kept.headers[Self.requestID] == "trace-42.a")

            let unsafe = try await client.send(.get, "/nowhere", headers: [Self.requestID: "a b\"c"])
            #expect(unsafe.status == .notFound)
            #expect(unsafe.headers[Self.requestID] != "a b\"c")
            #expect(unsafe.contentType == "application/problem+json")
        }
    }

    @Test("/openapi.yaml serves the OpenAPI 3.1 document, every operation it lists is routed, and other methods get 405")
    func openAPIDocument() async throws {
        try await HTTPTestEnvironment.withApp { client, _ in
            let response = try await client.send(.get, "/openapi.yaml")
            #expect(response.status == .ok)
            let text = String(buffer: response.body)
            #expect(text.hasPrefix("openapi: 3.1.0"))

            let operations = OpenAPIOperations.parse(text)
            #expect(operations.count >= 12)
            for (path, method) in operations where path.hasPrefix("/v1/") {
                let uri = path.replacingOccurrences(of: "{code}", with: "ID").replacingOccurrences(of: "{id}", with: "1")
                    .replacingOccurrences(of: "{email}", with: "a@b.example").replacingOccurrences(of: "{contact_id}", with: "2")
                // Routed /v1 operations ask for a token first; an unrouted one would be 404.
                let answer = try await client.send(method, uri)
                #expect(answer.status == .unauthorized, "\(method) \(path)")
            }
            let undocumented = try await client.send(.get, "/v1/nothing-here")
            #expect(undocumented.status == .notFound)
            let wrongMethod = try await client.send(.trace, "/health")
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.headers[.allow] == "GET")
            #expect(wrongMethod.contentType == "application/problem+json")
            #expect(try await client.send(.head, "/health").status == .ok)
        }
    }
}

/// The (path, method) pairs of an OpenAPI document, read from its indentation.
enum OpenAPIOperations {
    static func parse(_ yaml: String) -> [(String, HTTPRequest.Method)] {
        var current: String?
        var operations: [(String, HTTPRequest.Method)] = []
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                current = String(line.dropFirst(2).dropLast())
            } else if !line.hasPrefix(" "), !line.isEmpty {
                current = nil
            } else if let path = current, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let name = line.trimmingCharacters(in: .whitespaces).dropLast().uppercased()
                if let method = HTTPRequest.Method(name), ["GET", "POST", "DELETE", "PATCH", "PUT"].contains(name) {
                    operations.append((path, method))
                }
            }
        }
        return operations
    }
}
