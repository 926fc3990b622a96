import Humas
import Hummingbird

/// `/v1/segments`: saved filters over the directory, resolved live for each caller.
struct SegmentController {
    /// The service names filter fields bare; in the body they sit under `filter`.
    static let fields = FieldNames(prefix: "filter.")

    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("segments", use: list)
        routes.post("segments", use: create)
        routes.get("segments/{id}", use: show)
        routes.delete("segments/{id}", use: remove)
        routes.get("segments/{id}/contacts", query: PageRequest.parameters, use: contacts)
    }

    /// `GET /v1/segments`: every visible segment (one page).
    @Sendable func list(_ request: Request, context: HumasRequestContext) async throws -> Page<Segment> {
        Page(items: try await context.requireSession().segments.list())
    }

    /// `POST /v1/segments`: 201 with the saved segment; every filter is checked first.
    @Sendable func create(_ request: Request, context: HumasRequestContext) async throws -> EditedResponse<Segment> {
        let body = try await request.decodeBody(as: NewSegmentBody.self, context: context)
        let session = try context.requireSession()
        let segment = try await Self.fields.forFilter {
            try await session.segments.create(
                name: body.name, description: body.description, filter: body.filter?.filter ?? SegmentFilter(), unit: body.unit)
        }
        return EditedResponse(status: .created, response: segment)
    }

    /// `GET /v1/segments/{id}`.
    @Sendable func show(_ request: Request, context: HumasRequestContext) async throws -> Segment {
        try await context.requireSession().segments.show(String(try context.pathID()))
    }

    /// `DELETE /v1/segments/{id}`: 204.
    @Sendable func remove(_ request: Request, context: HumasRequestContext) async throws -> HTTPResponse.Status {
        _ = try await context.requireSession().segments.delete(String(try context.pathID()))
        return .noContent
    }

    /// `GET /v1/segments/{id}/contacts?limit=&cursor=`: the contacts it matches now, best first.
    @Sendable func contacts(_ request: Request, context: HumasRequestContext) async throws -> SegmentContactsPage {
        let id = try context.pathID()
        let page = try PageRequest(query: request.query)
        let found = try await context.requireSession().segments.resolve(
            String(id), limit: page.limit, cursor: page.cursor)
        return SegmentContactsPage(
            items: found.contacts, nextCursor: found.nextCursor, total: found.total,
            totalIsAtLeast: found.totalIsAtLeast)
    }
}

extension FieldNames {
    /// Like ``translating(_:)``, but only the filter's own fields get the `filter.` prefix:
    /// `name` and `unit` are the segment's.
    func forFilter<T: Sendable>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch HumasError.invalid(let field, let message) where field != "name" && field != "unit" {
            throw HumasError.invalid(field: prefix + field, message: message)
        }
    }
}
