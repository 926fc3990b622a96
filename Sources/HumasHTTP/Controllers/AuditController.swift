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
        let found = try await context.requireSession().audit.page(
            entity: try request.query.first(named: "entity"), entityID: try request.query.int64("entity_id"),
            limit: page.limit, cursor: page.cursor)
        return Page(items: found.entries, nextCursor: found.nextCursor)
    }
}
