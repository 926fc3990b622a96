import Humas
import Hummingbird

/// `/v1/lists`: static contact lists and their members. A list of an ancestor unit is visible
/// and read-only (403 on a change); one outside the caller's scope is 404.
struct ListController {
    static let fields = FieldNames(renames: ["contacts": "contact_ids"])

    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("lists", use: list)
        routes.post("lists", use: create)
        routes.get("lists/{id}", use: show)
        routes.patch("lists/{id}", use: edit)
        routes.delete("lists/{id}", use: remove)
        routes.post("lists/{id}/members", use: addMembers)
        routes.delete("lists/{id}/members/{contact_id}", use: removeMember)
    }

    /// `GET /v1/lists`: every visible list (one page).
    @Sendable func list(_ request: Request, context: HumasRequestContext) async throws -> Page<ContactList> {
        Page(items: try await context.requireSession().lists.list())
    }

    /// `POST /v1/lists`: 201 with the new, empty list.
    @Sendable func create(_ request: Request, context: HumasRequestContext) async throws -> EditedResponse<ContactList> {
        let body = try await request.decodeBody(as: NewListBody.self, context: context)
        let list = try await context.requireSession().lists.create(name: body.name, description: body.description, unit: body.unit)
        return EditedResponse(status: .created, response: list)
    }

    /// `GET /v1/lists/{id}`: the list with the members the caller can see.
    @Sendable func show(_ request: Request, context: HumasRequestContext) async throws -> ContactListDetail {
        try await context.requireSession().lists.show(String(try context.pathID()))
    }

    /// `PATCH /v1/lists/{id}` with `{"name": …}`: renames the list; without `name` it is
    /// answered unchanged.
    @Sendable func edit(_ request: Request, context: HumasRequestContext) async throws -> ContactList {
        let id = try context.pathID()
        let body = try await request.decodeBody(as: ListPatchBody.self, context: context)
        let lists = try context.requireSession().lists
        guard let name = body.name else { return try await lists.show(String(id)).list }
        return try await lists.rename(String(id), to: name)
    }

    /// `DELETE /v1/lists/{id}`: 204; the list is hidden from then on (kept for the audit trail).
    @Sendable func remove(_ request: Request, context: HumasRequestContext) async throws -> HTTPResponse.Status {
        _ = try await context.requireSession().lists.delete(String(try context.pathID()))
        return .noContent
    }

    /// `POST /v1/lists/{id}/members` with `{"contact_ids": [...]}`: adds visible contacts; ones
    /// already members stay. Answers the list and how many joined.
    @Sendable func addMembers(_ request: Request, context: HumasRequestContext) async throws -> ListMembershipChange {
        let id = try context.pathID()
        let body = try await request.decodeBody(as: NewMembersBody.self, context: context)
        let session = try context.requireSession()
        return try await Self.fields.translating { try await session.lists.add(body.contactIds, to: String(id)) }
    }

    /// `DELETE /v1/lists/{id}/members/{contact_id}`: the list and whether the contact left (`changed`: 1 or 0).
    @Sendable func removeMember(_ request: Request, context: HumasRequestContext) async throws -> ListMembershipChange {
        let id = try context.pathID()
        let contactID = try context.pathID("contact_id")
        return try await context.requireSession().lists.remove([contactID], from: String(id))
    }
}
