import Hummingbird
import Logging

/// Answers every error with `application/problem+json`. Unexpected errors become a 500 that
/// reveals nothing but the request id; the error itself goes to the log.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = HumasRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            guard let problem = Problem.mapping(error) else {
                context.logger.error("unexpected error", metadata: ["error": .string(String(reflecting: error))])
                return Problem.internalError(requestID: context.requestID).response()
            }
            if problem.status >= 500 {
                context.logger.warning("request failed", metadata: ["detail": .string(problem.detail)])
            }
            return problem.response()
        }
    }
}
