import Humas
import Hummingbird

/// `/v1/tokens`: the API tokens the caller manages (their own; an admin's also their subtree's).
struct TokenController {
    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("tokens", use: list)
        routes.post("tokens", use: issue)
        routes.delete("tokens/{id}", use: revoke)
    }

    /// `GET /v1/tokens`, oldest first; never a secret.
    @Sendable func list(_ request: Request, context: HumasRequestContext) async throws -> Page<ApiToken> {
        Page(items: try await context.requireSession().tokens.list())
    }

    /// `POST /v1/tokens`: 201 with the secret, shown this once.
    @Sendable func issue(_ request: Request, context: HumasRequestContext) async throws -> EditedResponse<IssuedToken> {
        let body = try await request.decodeBody(as: NewTokenBody.self, context: context)
        // The document's `maxLength: 100` counts code points, as JSON Schema does; the service
        // counts characters, of which a label of combining marks has far fewer.
        if let label = body.label, label.unicodeScalars.count > 100 {
            throw Problem.invalidFields([("label", "is longer than 100 characters; keep it short, e.g. \"ci\"")])
        }
        let issued = try await context.requireSession().tokens.issue(label: body.label ?? "", for: body.userEmail)
        return EditedResponse(status: .created, response: issued)
    }

    /// `DELETE /v1/tokens/{id}`: revokes the token at once and answers with it.
    @Sendable func revoke(_ request: Request, context: HumasRequestContext) async throws -> ApiToken {
        guard let id = Int64(try context.pathParameter("id")) else {
            throw Problem.invalidFields([("id", "must be a token id (an integer), as listed by GET /v1/tokens")])
        }
        return try await context.requireSession().tokens.revoke(id: id)
    }
}

/// The body of `POST /v1/tokens`.
struct NewTokenBody: RequestBody {
    /// What the token is for, e.g. `ci`.
    var label: String?
    /// The user the token acts as (admins, for users of their subtree); the caller when absent.
    var userEmail: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case label, userEmail = "user_email"
    }
}
