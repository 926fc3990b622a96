import Humas
import Hummingbird

/// `/v1/me`: who the token acts as.
struct MeController {
    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("me", use: show)
    }

    @Sendable func show(_ request: Request, context: HumasRequestContext) async throws -> ActingUser {
        try context.requireSession().user
    }
}
