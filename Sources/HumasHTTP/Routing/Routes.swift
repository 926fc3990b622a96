import HTTPTypes
import Hummingbird

/// Registers routes on a router or group and remembers each path's methods, so that another
/// method on a known path is answered 405 with `Allow` (RFC 9110) rather than 404.
struct Routes<Methods: RouterMethods<HumasRequestContext>> {
    let methods: Methods
    /// What the paths are mounted under (`/v1/`), for ``declarations``.
    let prefix: String
    private let table = Table()

    init(_ methods: Methods, prefix: String = "/") {
        self.methods = methods
        self.prefix = prefix
    }

    func get(_ path: String, query: [String] = [], use handler: @Sendable @escaping (Request, HumasRequestContext) async throws -> some ResponseGenerator) {
        on(path, .get, query: query, use: handler)
    }

    func post(_ path: String, query: [String] = [], use handler: @Sendable @escaping (Request, HumasRequestContext) async throws -> some ResponseGenerator) {
        on(path, .post, query: query, use: handler)
    }

    func patch(_ path: String, query: [String] = [], use handler: @Sendable @escaping (Request, HumasRequestContext) async throws -> some ResponseGenerator) {
        on(path, .patch, query: query, use: handler)
    }

    func delete(_ path: String, query: [String] = [], use handler: @Sendable @escaping (Request, HumasRequestContext) async throws -> some ResponseGenerator) {
        on(path, .delete, query: query, use: handler)
    }

    /// Registers `handler` for `method` on `path`. `query` names every query parameter the route
    /// reads; any other, or one of them given twice, is a 400 before the handler runs, so no
    /// handler has to check for strays (and the OpenAPI document lists exactly these).
    func on<Output: ResponseGenerator>(
        _ path: String, _ method: HTTPRequest.Method, query: [String] = [],
        use handler: @Sendable @escaping (Request, HumasRequestContext) async throws -> Output
    ) {
        let accepted = Set(query)
        methods.on(RouterPath(path), method: method) { request, context in
            try request.query.refuseUnexpected(accepting: accepted)
            return try await handler(request, context)
        }
        table.add(path, method, query: query)
    }

    /// Every route registered so far, with the query parameters it takes; paths carry `prefix`.
    var declarations: [RouteDeclaration] {
        table.entries.flatMap { entry in
            entry.methods.map { RouteDeclaration(method: $0.method.rawValue, path: prefix + entry.path, query: $0.query) }
        }
    }

    /// Call once every route is registered: every other method on those paths gets 405.
    /// HEAD is left to the router, which answers it for every GET route.
    func refuseOtherMethods() {
        let candidates: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete, .options, .trace, HTTPRequest.Method("QUERY")!]
        for (path, routes) in table.entries {
            let allowed = routes.map(\.method)
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            for method in candidates where !allowed.contains(method) {
                methods.on(RouterPath(path), method: method) { _, _ -> Response in
                    throw Problem.methodNotAllowed(allow: allow)
                }
            }
        }
    }

    /// The paths in registration order, each with its methods. A class: registration happens
    /// through copies of ``Routes`` while the router is assembled, on one thread.
    private final class Table {
        private(set) var entries: [(path: String, methods: [(method: HTTPRequest.Method, query: [String])])] = []

        func add(_ path: String, _ method: HTTPRequest.Method, query: [String]) {
            if let index = entries.firstIndex(where: { $0.path == path }) {
                entries[index].methods.append((method, query))
            } else {
                entries.append((path, [(method, query)]))
            }
        }
    }
}

/// One route as registered: for tests that hold the OpenAPI document to what is served.
package struct RouteDeclaration: Sendable, Hashable {
    package var method: String
    package var path: String
    package var query: [String]
}
