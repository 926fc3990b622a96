import Foundation
import Humas
import Hummingbird

/// `/v1/users`: the users of the caller's subtree; admins add and disable them.
struct UserController {
    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("users", query: ["under", "include_disabled"], use: list)
        routes.post("users", use: create)
        routes.post("users/{email}/disable", use: disable)
    }

    /// `GET /v1/users?under=CODE&include_disabled=true`.
    @Sendable func list(_ request: Request, context: HumasRequestContext) async throws -> Page<User> {
        let under = try request.query.first(named: "under")
        let includeDisabled = try request.query.bool("include_disabled") ?? false
        return Page(items: try await context.requireSession().users.list(under: under, includeDisabled: includeDisabled))
    }

    /// `POST /v1/users` (admins): 201 with the new user.
    @Sendable func create(_ request: Request, context: HumasRequestContext) async throws -> EditedResponse<User> {
        let body = try await request.decodeBody(as: NewUserBody.self, context: context)
        let user = try await context.requireSession().users.add(
            email: body.email, fullName: body.fullName, unit: body.unit, role: try body.parsedRole())
        return EditedResponse(status: .created, response: user)
    }

    /// `POST /v1/users/{email}/disable` (admins): the user can no longer log in nor use tokens.
    @Sendable func disable(_ request: Request, context: HumasRequestContext) async throws -> User {
        let email = try context.pathParameter("email")
        return try await context.requireSession().users.disable(email: email)
    }
}

/// The body of `POST /v1/users`.
struct NewUserBody: RequestBody {
    var email: String
    var fullName: String
    /// The unit's code; the admin's own unit when absent.
    var unit: String?
    var role: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case email, fullName = "full_name", unit, role
    }

    func parsedRole() throws -> Role {
        guard let role = Role(rawValue: role) else {
            throw HumasError.invalid(field: "role", message: "must be admin, editor or viewer")
        }
        return role
    }
}
