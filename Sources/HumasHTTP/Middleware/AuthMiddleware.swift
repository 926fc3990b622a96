import Foundation
import Humas
import Hummingbird

/// Logs the caller in from `Authorization: Bearer <token>`: 401 without a token or with an
/// unknown or revoked one, or a disabled user's. The token is never logged; only its hash reaches the database.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = HumasRequestContext
    let service: HumasService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token = request.bearerToken ?? request.calendarToken else {
            throw Problem.unauthenticated("send `Authorization: Bearer <token>`; issue a token with `humas token issue`")
        }
        var context = context
        let session = try await service.session(token: token)
        context.session = session
        context.logger[metadataKey: "user_id"] = .stringConvertible(session.user.id)
        return try await next(request, context)
    }
}

extension Request {
    /// A calendar feed's `?token=`: calendar apps subscribe by URL and cannot send a header, so
    /// the `.ics` paths (and only they) take the token from the query.
    var calendarToken: String? {
        guard uri.path.hasSuffix(".ics"), let token = uri.queryParameters["token"], !token.isEmpty else { return nil }
        return String(token)
    }

    /// The token of an `Authorization: Bearer …` header, if there is one.
    var bearerToken: String? {
        guard let value = headers[.authorization] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
