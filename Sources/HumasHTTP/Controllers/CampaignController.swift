import Humas
import Hummingbird

/// `/v1/campaigns`: the campaigns the caller sees, its own units' and those handed down from above.
struct CampaignController {
    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("campaigns", use: list)
        routes.post("campaigns", use: create)
        routes.get("campaigns/{id}", use: show)
    }

    /// `GET /v1/campaigns`: newest first (at most 1000, one page).
    @Sendable func list(_ request: Request, context: HumasRequestContext) async throws -> Page<Campaign> {
        Page(items: try await context.requireSession().campaigns.list())
    }

    @Sendable func create(_ request: Request, context: HumasRequestContext) async throws -> EditedResponse<Campaign> {
        let body = try await request.decodeBody(as: NewCampaignBody.self, context: context)
        let campaign = try await context.requireSession().campaigns.create(body.newCampaign)
        return EditedResponse(status: .created, response: campaign)
    }

    /// `GET /v1/campaigns/{id}`: with how many activities and mailings each unit the caller sees gave it.
    @Sendable func show(_ request: Request, context: HumasRequestContext) async throws -> CampaignDetail {
        try await context.requireSession().campaigns.show(String(try context.pathID()))
    }
}
