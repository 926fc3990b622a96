import Hummingbird

/// Raises the body limit for the routes that carry files: a mailing's attachments (base64 in its
/// JSON) and a bounce report (which may quote the whole message it returns). It runs first on
/// their routes, so `Idempotency-Key`'s copy of the body is read with the same limit.
struct UploadLimitMiddleware: RouterMiddleware {
    typealias Context = HumasRequestContext
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.maxUploadSize = limit
        return try await next(request, context)
    }
}
