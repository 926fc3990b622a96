import Humas
import Hummingbird

/// `GET /v1/contacts/{id}/timeline` and `GET /v1/organizations/{id}/timeline`: one merged
/// history, newest first, cursor-paged, times in the caller's unit's zone.
struct TimelineController {
    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("contacts/{id}/timeline", query: PageRequest.parameters, use: contact)
        routes.get("organizations/{id}/timeline", query: PageRequest.parameters, use: organization)
    }

    @Sendable func contact(_ request: Request, context: HumasRequestContext) async throws -> Page<TimelineEntry> {
        let page = try PageRequest(query: request.query)
        let found = try await context.requireSession().timelines.contact(try context.pathID(), limit: page.limit, cursor: page.cursor)
        return Page(items: found.entries, nextCursor: found.nextCursor)
    }

    @Sendable func organization(_ request: Request, context: HumasRequestContext) async throws -> Page<TimelineEntry> {
        let page = try PageRequest(query: request.query)
        let found = try await context.requireSession().timelines.organization(try context.pathID(), limit: page.limit, cursor: page.cursor)
        return Page(items: found.entries, nextCursor: found.nextCursor)
    }
}
