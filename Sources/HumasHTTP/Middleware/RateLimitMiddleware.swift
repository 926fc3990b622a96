import Hummingbird

/// Limits each bearer token to ``RateLimiter/perMinute`` requests a minute: beyond that, 429 with
/// `Retry-After`. It runs before authentication, so a flood of requests never reaches the
/// database; requests without a token pass on to get their 401.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = HumasRequestContext
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let token = request.bearerToken, let wait = limiter.acquire(token) {
            let seconds = max(1, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0))
            throw Problem.rateLimited(retryAfter: seconds, limit: limiter.perMinute)
        }
        return try await next(request, context)
    }
}
