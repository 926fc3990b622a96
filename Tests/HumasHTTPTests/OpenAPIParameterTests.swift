import Foundation
import Humas
import HumasHTTP
import Testing

/// The OpenAPI document lists exactly the query parameters each route takes: a route refuses
/// any other (Routes), so a parameter missing from the document would be refused to a client
/// that followed it, and a documented one missing from the route would be refused too.
@Suite("OpenAPI document: query parameters")
struct OpenAPIParameterTests {
    @Test("every route's query parameters are the ones the document lists for that operation, and every operation is a route")
    func documentMatchesRoutes() throws {
        let routes = routeDeclarations(service: HTTPTestEnvironment.shared, configuration: HTTPConfiguration())
        var served: [String: Set<String>] = [:]
        for route in routes { served["\(route.method) \(route.path)"] = Set(route.query) }
        let documented = try Self.documentedQueryParameters()
        #expect(Set(served.keys) == Set(documented.keys))
        for (operation, parameters) in documented {
            #expect(served[operation] == parameters, "\(operation)")
        }
    }

    /// `METHOD /path` → the names of its `in: query` parameters, read from the YAML's layout
    /// (paths at two spaces, methods at four, parameters as list items), with the shared
    /// `components/parameters` resolved.
    static func documentedQueryParameters() throws -> [String: Set<String>] {
        let url = HTTPTestEnvironment.repositoryRoot.appendingPathComponent("Sources/HumasHTTP/Resources/openapi.yaml")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let shared: [String: String?] = ["Limit": "limit", "Cursor": "cursor", "RecordID": nil, "IdempotencyKey": nil]
        let methods: Set<String> = ["get", "post", "patch", "delete", "put"]
        var result: [String: Set<String>] = [:]
        var path: String?
        var method: String?
        var inPaths = false
        for (index, line) in lines.enumerated() {
            if line == "paths:" { inPaths = true; continue }
            if inPaths, !line.hasPrefix(" "), !line.isEmpty { break }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
                method = nil
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("    "), !line.hasPrefix("     "), trimmed.hasSuffix(":"), methods.contains(String(trimmed.dropLast())) {
                method = String(trimmed.dropLast()).uppercased()
                if let path { result["\(method!) \(path)", default: []] = [] }
                continue
            }
            guard let path, let method else { continue }
            if trimmed.hasPrefix("- name: "), index + 1 < lines.count,
               lines[index + 1].trimmingCharacters(in: .whitespaces) == "in: query" {
                result["\(method) \(path)", default: []].insert(String(trimmed.dropFirst("- name: ".count)))
            }
            if trimmed.hasPrefix("- $ref: \"#/components/parameters/") {
                let name = String(trimmed.dropFirst("- $ref: \"#/components/parameters/".count).dropLast())
                let resolved = try #require(shared[name], "unknown shared parameter \(name)")
                if let resolved { result["\(method) \(path)", default: []].insert(resolved) }
            }
        }
        return result
    }
}
