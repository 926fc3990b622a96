import Foundation
import Humas
import Hummingbird

/// What a request carries through the middleware chain: the request id for logs, and the
/// session the bearer token logged in (set by ``AuthMiddleware``).
public struct HumasRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The id logged with every line about this request and returned as `X-Request-Id`.
    public var requestID: String
    /// The caller, once ``AuthMiddleware`` accepted their token.
    public var session: Session?

    /// The largest request body read: 1 MiB, beyond that the answer is 413. The routes that
    /// take files raise it (``UploadLimitMiddleware``).
    public var maxUploadSize = APIJSON.maximumBodySize

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        requestID = RequestID.generate()
        session = nil
    }

    public var requestDecoder: JSONDecoder { APIJSON.decoder() }

    public var responseEncoder: JSONEncoder { APIJSON.encoder() }

    /// The logged-in caller; only routes behind ``AuthMiddleware`` call this.
    public func requireSession() throws -> Session {
        guard let session else { throw Problem.unauthenticated("send `Authorization: Bearer <token>`; issue a token with `humas token issue`") }
        return session
    }
}
