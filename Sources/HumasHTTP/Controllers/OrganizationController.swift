import Humas
import Hummingbird

/// `/v1/organizations`: list, add, show, edit and (softly) delete the organizations of the
/// caller's scope.
struct OrganizationController {
    /// Body errors name `emails[0]`, `tags`, `parent_id` as the client sent them.
    static let fields = FieldNames.directory.merging(["parent": "parent_id"])

    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("organizations", query: OrganizationFilter.queryParameters + PageRequest.parameters, use: list)
        routes.post("organizations", use: create)
        routes.get("organizations/{id}", use: show)
        routes.patch("organizations/{id}", use: edit)
        routes.delete("organizations/{id}", use: remove)
    }

    /// `GET /v1/organizations?kind=&media_type=&under=&q=&party=&limit=&cursor=`, in id order.
    @Sendable func list(_ request: Request, context: HumasRequestContext) async throws -> Page<Organization> {
        let filter = try OrganizationFilter(query: request.query, page: try PageRequest(query: request.query))
        let found = try await context.requireSession().organizations.list(filter)
        return Page(items: found.organizations, nextCursor: found.nextCursor)
    }

    /// `POST /v1/organizations`: 201 with the new organization.
    @Sendable func create(_ request: Request, context: HumasRequestContext) async throws -> EditedResponse<Organization> {
        let new = try await request.decodeBody(as: NewOrganizationBody.self, context: context).newOrganization()
        let session = try context.requireSession()
        let organization = try await Self.fields.translating { try await session.organizations.add(new) }
        return EditedResponse(status: .created, response: organization)
    }

    /// `GET /v1/organizations/{id}`.
    @Sendable func show(_ request: Request, context: HumasRequestContext) async throws -> Organization {
        try await context.requireSession().organizations.show(try context.pathID())
    }

    /// `PATCH /v1/organizations/{id}`: 403 for a visible record the caller may not change.
    @Sendable func edit(_ request: Request, context: HumasRequestContext) async throws -> Organization {
        let id = try context.pathID()
        let patch = try await request.decodeBody(as: OrganizationPatchBody.self, context: context)
        let session = try context.requireSession()
        return try await Self.fields.translating { try await session.organizations.edit(id, patch.changes) }
    }

    /// `DELETE /v1/organizations/{id}`: 204; hidden from then on, kept for history and audit.
    @Sendable func remove(_ request: Request, context: HumasRequestContext) async throws -> HTTPResponse.Status {
        try await context.requireSession().organizations.remove(try context.pathID())
        return .noContent
    }
}
