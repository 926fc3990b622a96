import Humas
import Hummingbird

/// `/v1/contacts`: search, add, show, edit and (softly) delete the contacts of the caller's scope.
struct ContactController {
    /// Body errors name `full_name`, `emails[0]`, `tags` as the client sent them.
    static let fields = FieldNames.directory.merging(["name": "full_name"])

    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("contacts", query: ["q"] + ContactFilters.queryParameters + PageRequest.parameters, use: list)
        routes.post("contacts", use: create)
        routes.get("contacts/{id}", use: show)
        routes.patch("contacts/{id}", use: edit)
        routes.delete("contacts/{id}", use: remove)
    }

    /// `GET /v1/contacts?q=&category=&…&limit=&cursor=`: ranked by `q` when given, else by name.
    @Sendable func list(_ request: Request, context: HumasRequestContext) async throws -> Page<Contact> {
        let page = try PageRequest(query: request.query)
        let found = try await context.requireSession().contacts.search(
            try request.query.first(named: "q") ?? "", filters: try ContactFilters(query: request.query),
            limit: page.limit, cursor: page.cursor)
        return Page(items: found.contacts, nextCursor: found.nextCursor)
    }

    /// `POST /v1/contacts`: 201, or 409 with `existing_id` when a visible contact has one of the
    /// e-mails or phones (unless `allow_duplicate`).
    @Sendable func create(_ request: Request, context: HumasRequestContext) async throws -> EditedResponse<Contact> {
        let new = try await request.decodeBody(as: NewContactBody.self, context: context).newContact()
        let session = try context.requireSession()
        let contact = try await Self.fields.translating { try await session.contacts.add(new) }
        return EditedResponse(status: .created, response: contact)
    }

    /// `GET /v1/contacts/{id}`, with its affiliations, current and past.
    @Sendable func show(_ request: Request, context: HumasRequestContext) async throws -> Contact {
        try await context.requireSession().contacts.show(try context.pathID())
    }

    /// `PATCH /v1/contacts/{id}`: 403 for a visible record the caller may not change.
    @Sendable func edit(_ request: Request, context: HumasRequestContext) async throws -> Contact {
        let id = try context.pathID()
        let patch = try await request.decodeBody(as: ContactPatchBody.self, context: context)
        let session = try context.requireSession()
        return try await Self.fields.translating { try await session.contacts.edit(id, patch.changes) }
    }

    /// `DELETE /v1/contacts/{id}`: 204; the contact is hidden from then on (kept for the audit trail).
    @Sendable func remove(_ request: Request, context: HumasRequestContext) async throws -> HTTPResponse.Status {
        try await context.requireSession().contacts.remove(try context.pathID())
        return .noContent
    }
}
