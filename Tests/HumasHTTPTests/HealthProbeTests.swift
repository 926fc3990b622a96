import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// `/health` is answered by each connection's event loop (HealthProbeHandler), except behind a
/// request the router is still working on. Router tests cannot see this layer: these run a
/// live server and speak HTTP/1.1 over a socket.
@Suite("/health answered on the event loop")
struct HealthProbeTests {
    /// A live server with a recording logger; `body` gets its port and the log lines.
    static func withLiveServer(_ body: @escaping @Sendable (Int, RecordingLogHandler.Lines) async throws -> Void) async throws {
        let lines = RecordingLogHandler.Lines()
        let logger = Logger(label: "humas.http.test") { _ in RecordingLogHandler(lines: lines) }
        let service = HumasService(target: HTTPTestEnvironment.target, poolSize: 1)
        let app = buildApplication(service: service, configuration: HTTPConfiguration(port: 0), logger: logger)
        do {
            try await app.test(.live) { client in
                try await body(try #require(client.port), lines)
            }
            await service.shutdown()
        } catch {
            await service.shutdown()
            throw error
        }
    }

    static func routerLines(_ lines: RecordingLogHandler.Lines, path: String) -> [String] {
        lines.all.filter { $0.contains(" request ") && $0.contains("path=\(path) ") }
    }

    @Test("GET and HEAD /health get the router's answer without reaching the router")
    func answeredBeforeRouter() async throws {
        try await Self.withLiveServer { port, lines in
            let get = try await RawHTTPExchange.send(
                "GET /health HTTP/1.1\r\nHost: t\r\nX-Request-Id: probe-7\r\nConnection: close\r\n\r\n", port: port)
            #expect(get.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(get)")
            #expect(get.contains("Content-Type: application/json; charset=utf-8\r\n"))
            #expect(get.contains("Content-Length: 15\r\n"))
            #expect(get.contains("X-Request-Id: probe-7\r\n"))
            #expect(get.contains("\r\nDate: "))
            #expect(get.hasSuffix("\r\n\r\n{\"status\":\"ok\"}"))

            let head = try await RawHTTPExchange.send("HEAD /health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", port: port)
            #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(head.contains("Content-Length: 15\r\n"))
            #expect(head.hasSuffix("\r\n\r\n"), "HEAD must carry no body: \(head)")
            #expect(Self.routerLines(lines, path: "/health").isEmpty, "the router logged a probe")
        }
    }

    @Test("an unsafe X-Request-Id is replaced, as the router does")
    func unsafeRequestID() async throws {
        try await Self.withLiveServer { port, _ in
            let answer = try await RawHTTPExchange.send(
                "GET /health HTTP/1.1\r\nHost: t\r\nX-Request-Id: a b\"c\r\nConnection: close\r\n\r\n", port: port)
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
            let id = answer.split(separator: "\r\n").first { $0.hasPrefix("X-Request-Id: ") }?.dropFirst("X-Request-Id: ".count)
            #expect(id?.count == 16, "\(answer)")
        }
    }

    @Test("pipelined behind a routed request, /health waits its turn and the answers keep their order")
    func pipelinedOrder() async throws {
        try await Self.withLiveServer { port, lines in
            let answer = try await RawHTTPExchange.send(
                "GET /ready HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /health HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /openapi.yaml HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", port: port)
            let ready = try #require(answer.range(of: "{\"status\":\"ready\"}"), "\(answer.prefix(400))")
            let ok = try #require(answer.range(of: "{\"status\":\"ok\"}"))
            let document = try #require(answer.range(of: "openapi: 3.1"))
            #expect(ready.upperBound <= ok.lowerBound && ok.upperBound <= document.lowerBound)
            #expect(answer.components(separatedBy: "HTTP/1.1 200 OK\r\n").count == 4)
            // Behind /ready, the probe went to the router's own /health route.
            #expect(Self.routerLines(lines, path: "/health").count == 1)
        }
    }

    @Test("other paths and methods still reach the router")
    func othersRouted() async throws {
        try await Self.withLiveServer { port, lines in
            let post = try await RawHTTPExchange.send(
                "POST /health HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", port: port)
            #expect(post.hasPrefix("HTTP/1.1 405 "), "\(post.prefix(200))")
            let near = try await RawHTTPExchange.send("GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", port: port)
            #expect(near.hasPrefix("HTTP/1.1 404 "))
            #expect(Self.routerLines(lines, path: "/health").count == 1)
            #expect(Self.routerLines(lines, path: "/healthz").count == 1)
        }
    }
}
