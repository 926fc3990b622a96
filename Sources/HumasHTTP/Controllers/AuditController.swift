import Humas
import Hummingbird

/// `/v1/audit`: the audit trail of the caller's subtree, newest first (admins).
struct AuditController {
    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("audit", query: ["entity", "entity_id"] + PageRequest.parameters, use: list)
    }

    /// `GET /v1/audit?entity=&entity_id=&limit=&cursor=`.
    @Sendable func list(_ request: Request, context: HumasRequestContext) async throws -> Page<AuditEntry> {
        let page = try PageRequest(query: request.query)
        let entries = try await context.requireSession().audit.list(
            entity: try request.query.first(named: "entity"), entityID: try request.query.int64("entity_id"),
            limit: page.limit + 1, before: try page.position(as: Int64.self))
        return Page(fetched: entries, request: page, position: \.id)
    }
}
