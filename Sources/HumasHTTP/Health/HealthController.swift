import Humas
import Hummingbird

/// `/health` (the process answers; no database) and `/ready` (the database answers too).
struct HealthController {
    let service: HumasService

    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("health", use: health)
        routes.get("ready", use: ready)
    }

    struct Status: ResponseEncodable {
        var status: String
    }

    @Sendable func health(_ request: Request, context: HumasRequestContext) async throws -> Status {
        Status(status: "ok")
    }

    /// 503 problem+json while the database cannot be reached.
    @Sendable func ready(_ request: Request, context: HumasRequestContext) async throws -> Status {
        try await service.checkDatabase()
        return Status(status: "ready")
    }
}
