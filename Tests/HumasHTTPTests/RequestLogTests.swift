import Foundation
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("HTTP request logs")
struct RequestLogTests {
    @Test("one structured line per request with method, path, status, duration and request id; never the token")
    func structuredAndTokenFree() async throws {
        let lines = RecordingLogHandler.Lines()
        let logger = Logger(label: "humas.http.test") { _ in RecordingLogHandler(lines: lines) }
        let badToken = "humas_" + String(repeating: "f", count: 64)
        let token = try await HTTPTestEnvironment.withApp(logger: logger) { client, service in
            let viewer = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT", on: service)
            let ok = try await client.send(.get, "/v1/me", token: viewer.token)
            #expect(ok.status == .ok)
            let rejected = try await client.send(.get, "/v1/me?probe=1", token: badToken)
            #expect(rejected.status == .unauthorized)
            return viewer.token
        }

        let requests = lines.all.filter { $0.contains(" request ") && $0.contains("path=/v1/me") }
        #expect(requests.count == 2)
        for line in requests {
            for key in ["method=GET", "status=", "duration_ms=", "request_id="] {
                #expect(line.contains(key), "\(line)")
            }
        }
        #expect(requests.contains { $0.contains("status=200") })
        #expect(requests.contains { $0.contains("status=401") })
        #expect(!lines.all.contains { $0.contains(token) || $0.contains(badToken) })
    }

    @Test("an opt-out link's token is not logged: the line names the route")
    func unsubscribeTokenLeftOut() async throws {
        let lines = RecordingLogHandler.Lines()
        let logger = Logger(label: "humas.http.test") { _ in RecordingLogHandler(lines: lines) }
        let token = "Zm9yZ2VkLXRva2VuLWZvci1sb2dz" + Unique.suffix()
        try await HTTPTestEnvironment.withApp(logger: logger) { client, _ in
            let page = try await client.send(.get, "/u/\(token)")
            #expect(page.status == .notFound)
        }
        #expect(lines.all.contains { $0.contains(" request ") && $0.contains("path=/u/{token}") && $0.contains("status=404") })
        #expect(!lines.all.contains { $0.contains(token) })
    }
}

@Suite("HTTP faults")
struct FaultTests {
    @Test("with the database unreachable, an API request is 503 problem+json and the process keeps answering /health")
    func databaseDown() async throws {
        let unreachable = DatabaseTarget(environment: ["DATABASE_URL": "postgresql://humas@127.0.0.1:1/humas?connect_timeout=2"])
        try await HTTPTestEnvironment.withApp(target: unreachable) { client, _ in
            let response = try await client.send(.get, "/v1/me", token: "humas_" + String(repeating: "a", count: 64))
            #expect(response.status == .serviceUnavailable)
            #expect(response.contentType == "application/problem+json")
            #expect(try response.object()["type"] as? String == "urn:humas:problem:unavailable")
            #expect(try await client.send(.get, "/health").status == .ok)
        }
    }

    @Test("the server runs on a real socket too (live test framework)")
    func liveServer() async throws {
        let service = HumasService(target: HTTPTestEnvironment.target, poolSize: 1)
        var quiet = Logger(label: "humas.http.test")
        quiet.logLevel = .warning
        let app = buildApplication(service: service, configuration: HTTPConfiguration(port: 0), logger: quiet)
        do {
            try await app.test(.live) { client in
                let health = try await client.send(.get, "/health")
                #expect(health.status == .ok)
                let ready = try await client.send(.get, "/ready")
                #expect(ready.status == .ok)
            }
            await service.shutdown()
        } catch {
            await service.shutdown()
            throw error
        }
    }
}
