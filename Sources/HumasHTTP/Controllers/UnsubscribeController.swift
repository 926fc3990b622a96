import Foundation
import HTTPTypes
import Humas
import Hummingbird

/// `/u/{token}`: the opt-out link in every mailing (RFC 8058), public — the signed token is the
/// only credential. GET shows the page; POST records the opt-out, whether the recipient pressed
/// the page's button (an empty body) or their mail program sent `List-Unsubscribe=One-Click`,
/// so the body is not read. A link that is not genuine, whatever it holds, gets the 404 page.
struct UnsubscribeController {
    let service: HumasService

    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("u/{token}", use: show)
        routes.post("u/{token}", use: confirm)
    }

    @Sendable func show(_ request: Request, context: HumasRequestContext) async throws -> Response {
        let token = Self.token(context)
        guard let state = try await service.unsubscribes.look(token) else { return Self.page(UnsubscribePage.invalidLink, .notFound) }
        return Self.page(UnsubscribePage.confirmation(state, token: token))
    }

    @Sendable func confirm(_ request: Request, context: HumasRequestContext) async throws -> Response {
        guard let state = try await service.unsubscribes.confirm(Self.token(context)) else {
            return Self.page(UnsubscribePage.invalidLink, .notFound)
        }
        return Self.page(UnsubscribePage.done(state))
    }

    /// The path segment, percent-decoded when it decodes; the service turns down anything that
    /// is not a genuine token before it reaches the database.
    static func token(_ context: HumasRequestContext) -> String {
        let raw = context.parameters.get("token") ?? ""
        return raw.removingPercentEncoding ?? raw
    }

    /// A page in Bahasa Indonesia, kept out of caches and referrers (its address is the
    /// credential), and not to be framed or run scripts.
    static func page(_ html: String, _ status: HTTPResponse.Status = .ok) -> Response {
        let body = ByteBuffer(string: html)
        return Response(status: status, headers: [
            .contentType: "text/html; charset=utf-8", .contentLength: String(body.readableBytes),
            .cacheControl: "no-store", .referrerPolicy: "no-referrer",
            .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
        ], body: .init(byteBuffer: body))
    }
}

extension HTTPField.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
}
