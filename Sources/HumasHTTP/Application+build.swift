import Humas
import Hummingbird
import Logging
import NIOCore

/// How `humas serve` runs the API.
public struct HTTPConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Requests a minute per API token (`HUMAS_RATE_LIMIT`, default 600).
    public var rateLimitPerMinute: Int
    /// The event loops serving connections; nil uses NIO's shared group (one per core).
    public var eventLoops: (any EventLoopGroup)?

    public init(host: String = "127.0.0.1", port: Int = 8080, rateLimitPerMinute: Int = 600, eventLoops: (any EventLoopGroup)? = nil) {
        self.host = host
        self.port = port
        self.rateLimitPerMinute = rateLimitPerMinute
        self.eventLoops = eventLoops
    }
}

/// The API server: the router below on `configuration`'s address. Tests call this too.
public func buildApplication(
    service: HumasService, configuration: HTTPConfiguration, logger: Logger = Logger(label: "humas.http")
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(service: service, configuration: configuration),
        // `/health` is answered by each connection's event loop (see HealthProbeHandler), and a
        // request the HTTP parser refuses gets a problem+json 400 (see MalformedRequestHandler).
        server: .http1(configuration: .init(additionalChannelHandlers: [HealthProbeHandler(), MalformedRequestHandler()])),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "humas"),
        eventLoopGroupProvider: configuration.eventLoops.map { .shared($0) } ?? .singleton,
        logger: logger)
}

/// Every route, behind the middleware every request passes: request log and id, then errors as
/// problem+json; `/v1` adds the rate limit, authentication and `Idempotency-Key`, and its
/// mailing and bounce routes take bodies up to 32 MiB (they carry files). `/u/{token}`, the
/// public opt-out page, needs no token. A known path asked with another method gets 405.
public func buildRouter(service: HumasService, configuration: HTTPConfiguration) -> Router<HumasRequestContext> {
    assembleRouter(service: service, configuration: configuration).router
}

/// Every route the API serves, with its query parameters, as ``buildRouter(service:configuration:)`` registers them.
package func routeDeclarations(service: HumasService, configuration: HTTPConfiguration) -> [RouteDeclaration] {
    assembleRouter(service: service, configuration: configuration).routes
}

private func assembleRouter(
    service: HumasService, configuration: HTTPConfiguration
) -> (router: Router<HumasRequestContext>, routes: [RouteDeclaration]) {
    let router = Router(context: HumasRequestContext.self, options: [.autoGenerateHeadEndpoints])
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ProblemMiddleware())
    let open = Routes(router)
    HealthController(service: service).addRoutes(to: open)
    OpenAPIController().addRoutes(to: open)
    UnsubscribeController(service: service).addRoutes(to: open)
    open.refuseOtherMethods()

    // One limiter for both groups: a token's requests count together wherever they go.
    let limiter = RateLimiter(perMinute: configuration.rateLimitPerMinute)
    let v1 = Routes(authenticated(router.group("v1"), service: service, limiter: limiter), prefix: "/v1/")
    MeController().addRoutes(to: v1)
    UnitController().addRoutes(to: v1)
    UserController().addRoutes(to: v1)
    TokenController().addRoutes(to: v1)
    AuditController().addRoutes(to: v1)
    OrganizationController().addRoutes(to: v1)
    ContactController().addRoutes(to: v1)
    AffiliationController().addRoutes(to: v1)
    ListController().addRoutes(to: v1)
    SegmentController().addRoutes(to: v1)
    InteractionController().addRoutes(to: v1)
    FollowupController().addRoutes(to: v1)
    TimelineController().addRoutes(to: v1)
    AgendaController().addRoutes(to: v1)
    CampaignController().addRoutes(to: v1)
    v1.refuseOtherMethods()

    // The limit comes first, so that the Idempotency-Key middleware reads the body with it too.
    let uploads = Routes(authenticated(
        router.group("v1").add(middleware: UploadLimitMiddleware(limit: APIJSON.maximumUploadSize)),
        service: service, limiter: limiter), prefix: "/v1/")
    MailingController().addRoutes(to: uploads)
    BounceController().addRoutes(to: uploads)
    uploads.refuseOtherMethods()
    return (router, open.declarations + v1.declarations + uploads.declarations)
}

/// The middleware of every `/v1` route: the rate limit (before anything reaches the database),
/// authentication, then `Idempotency-Key`.
private func authenticated(
    _ group: RouterGroup<HumasRequestContext>, service: HumasService, limiter: RateLimiter
) -> RouterGroup<HumasRequestContext> {
    group.add(middleware: RateLimitMiddleware(limiter: limiter))
        .add(middleware: AuthMiddleware(service: service))
        .add(middleware: IdempotencyMiddleware())
}
