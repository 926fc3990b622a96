import Humas
import Hummingbird

/// `/v1/units`: the unit tree, readable by every user.
struct UnitController {
    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("units", query: ["under"], use: list)
        routes.get("units/{code}", use: show)
    }

    /// `GET /v1/units?under=CODE`: every unit in tree order, or one unit's subtree.
    @Sendable func list(_ request: Request, context: HumasRequestContext) async throws -> Page<Unit> {
        let under = try request.query.first(named: "under")
        return Page(items: try await context.requireSession().units.list(under: under))
    }

    /// `GET /v1/units/{code}`.
    @Sendable func show(_ request: Request, context: HumasRequestContext) async throws -> Unit {
        let code = try context.pathParameter("code")
        return try await context.requireSession().units.show(code)
    }
}
