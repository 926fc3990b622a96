import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

/// Requests the HTTP parser refuses never reach the router: these speak raw bytes to a live
/// server. Each got a 400 with an empty body before (issue 9).
@Suite("HTTP: malformed requests")
struct MalformedHTTPTests {
    @Test("a bare LF, a NUL in the request line or a header, a 100 KB header: 400 problem+json saying what is wrong")
    func parserFaults() async throws {
        let cases: [(String, String)] = [
            ("GET /v1/me HTTP/1.1\nHost: t\nConnection: close\n\n", "bare LF"),
            ("GET /v1/\u{0}me HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", "NUL in the request line"),
            ("GET /v1/me HTTP/1.1\r\nHost: t\r\nX-A: a\u{0}b\r\nConnection: close\r\n\r\n", "NUL in a header"),
            ("GET /v1/me HTTP/1.1\r\nHost: t\r\nX-Big: \(String(repeating: "a", count: 100_000))\r\nConnection: close\r\n\r\n", "100 KB header"),
        ]
        try await HealthProbeTests.withLiveServer { port, _ in
            for (request, name) in cases {
                let answer = try await RawHTTPExchange.send(request, port: port)
                let parts = answer.components(separatedBy: "\r\n\r\n")
                let head = parts[0].lowercased()
                #expect(head.hasPrefix("http/1.1 400"), "\(name): \(answer.prefix(200))")
                #expect(head.contains("content-type: application/problem+json"), "\(name)")
                #expect(head.contains("connection: close"), "\(name)")
                let body = parts.dropFirst().joined(separator: "\r\n\r\n")
                #expect(body.contains(#""status":400"#) && body.contains(#""detail":"#), "\(name): \(body)")
            }
            // The connection still serves well-formed requests after a refusal on another.
            let fine = try await RawHTTPExchange.send("GET /health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", port: port)
            #expect(fine.hasPrefix("HTTP/1.1 200"))
        }
    }
}
