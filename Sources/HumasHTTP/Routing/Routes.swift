import HTTPTypes
import Hummingbird

/// Registers routes on a router or group and remembers each path's methods, so that another
/// method on a known path is answered 405 with `Allow` (RFC 9110) rather than 404.
struct Routes<Methods: RouterMethods<HumasRequestContext>> {
    let methods: Methods
    private let table = Table()

    init(_ methods: Methods) {
        self.methods = methods
    }

    func get(_ path: String, use handler: @Sendable @escaping (Request, HumasRequestContext) async throws -> some ResponseGenerator) {
        on(path, .get, use: handler)
    }

    func post(_ path: String, use handler: @Sendable @escaping (Request, HumasRequestContext) async throws -> some ResponseGenerator) {
        on(path, .post, use: handler)
    }

    func patch(_ path: String, use handler: @Sendable @escaping (Request, HumasRequestContext) async throws -> some ResponseGenerator) {
        on(path, .patch, use: handler)
    }

    func delete(_ path: String, use handler: @Sendable @escaping (Request, HumasRequestContext) async throws -> some ResponseGenerator) {
        on(path, .delete, use: handler)
    }

    func on(_ path: String, _ method: HTTPRequest.Method, use handler: @Sendable @escaping (Request, HumasRequestContext) async throws -> some ResponseGenerator) {
        methods.on(RouterPath(path), method: method, use: handler)
        table.add(path, method)
    }

    /// Call once every route is registered: every other method on those paths gets 405.
    /// HEAD is left to the router, which answers it for every GET route.
    func refuseOtherMethods() {
        let candidates: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete, .options, .trace, HTTPRequest.Method("QUERY")!]
        for (path, allowed) in table.entries {
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
        private(set) var entries: [(path: String, methods: [HTTPRequest.Method])] = []

        func add(_ path: String, _ method: HTTPRequest.Method) {
            if let index = entries.firstIndex(where: { $0.path == path }) {
                entries[index].methods.append(method)
            } else {
                entries.append((path, [method]))
            }
        }
    }
}
