import Humas
import Hummingbird

/// `/v1/followups`: follow-ups (tindak lanjut) of the activities the caller can see.
struct FollowupController {
    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("followups", query: ["due", "mine", "open", "interaction"], use: list)
        routes.post("followups", use: create)
        routes.post("followups/{id}/done", use: done)
    }

    /// `GET /v1/followups?due=true&mine=true`: open ones by due day first (at most 1000).
    @Sendable func list(_ request: Request, context: HumasRequestContext) async throws -> Page<Followup> {
        let query = request.query
        let filter = FollowupFilter(
            due: try query.bool("due") ?? false, mine: try query.bool("mine") ?? false,
            open: try query.bool("open") ?? false, interaction: try query.id("interaction"))
        return Page(items: try await context.requireSession().followups.list(filter))
    }

    @Sendable func create(_ request: Request, context: HumasRequestContext) async throws -> EditedResponse<Followup> {
        let body = try await request.decodeBody(as: NewFollowupBody.self, context: context)
        let session = try context.requireSession()
        let new = NewFollowup(interactionID: body.interactionId, action: body.action, assignee: body.assignee, dueOn: body.dueOn)
        return EditedResponse(status: .created, response: try await session.followups.add(new))
    }

    /// `POST /v1/followups/{id}/done`: done today (the caller's zone) or on `on`.
    @Sendable func done(_ request: Request, context: HumasRequestContext) async throws -> Followup {
        let id = try context.pathID()
        let body = try await request.decodeBody(as: FollowupDoneBody.self, context: context)
        return try await context.requireSession().followups.done(id, on: body.on)
    }
}
