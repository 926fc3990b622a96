import Hummingbird

/// The problems the HTTP layer itself raises, one factory per kind.
extension Problem {
    static func badRequest(_ detail: String) -> Problem {
        Problem("bad-request", "Bad request", .badRequest, detail)
    }

    /// 400 for invalid input: each pair names a field and what is wrong with it.
    static func invalidFields(_ fields: [(String, String)]) -> Problem {
        fieldProblem("invalid", "Invalid input", .badRequest, fields)
    }

    static func unauthenticated(_ detail: String) -> Problem {
        var problem = Problem("unauthenticated", "Authentication required", .unauthorized, detail)
        problem.headers[.wwwAuthenticate] = #"Bearer realm="humas""#
        return problem
    }

    static func notFound(_ detail: String) -> Problem {
        Problem("not-found", "Not found", .notFound, detail)
    }

    static func methodNotAllowed(allow: String) -> Problem {
        var problem = Problem("method-not-allowed", "Method not allowed", .methodNotAllowed, "this path answers only \(allow)")
        problem.headers[.allow] = allow
        return problem
    }

    /// `limit` is the route's, when the error knows it (most routes take 1 MiB).
    static func contentTooLarge(limit: Int? = nil) -> Problem {
        let limit = limit ?? APIJSON.maximumBodySize
        return Problem("content-too-large", "Content too large", .contentTooLarge,
                       "the request body exceeds \(limit) bytes (\(limit >> 20) MiB); send less per request")
    }

    /// 422 for a body of the right type whose content cannot be used (a bounce report that is
    /// not RFC 3464): each pair names a field and what is wrong with it.
    static func unprocessable(_ fields: [(String, String)]) -> Problem {
        fieldProblem("unprocessable", "Unprocessable content", .unprocessableContent, fields)
    }

    private static func fieldProblem(_ kind: String, _ title: String, _ status: HTTPResponse.Status, _ fields: [(String, String)]) -> Problem {
        let errors = fields.map { FieldError(field: $0.0, message: $0.1) }
        let detail = errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        return Problem(kind, title, status, detail, errors: errors)
    }

    static func unsupportedMediaType(_ detail: String) -> Problem {
        Problem("unsupported-media-type", "Unsupported media type", .unsupportedMediaType, detail)
    }

    static func idempotencyKeyReused() -> Problem {
        Problem("idempotency-key-reused", "Idempotency key reused", .unprocessableContent,
                "this Idempotency-Key was already used with a different request; use a new key for a new request")
    }

    static func idempotencyKeyInProgress() -> Problem {
        var problem = Problem("idempotency-key-in-progress", "Idempotency key in use", .conflict,
                              "the first request with this Idempotency-Key is still running; retry in a moment for its answer")
        problem.headers[.retryAfter] = "1"
        return problem
    }

    static func rateLimited(retryAfter seconds: Int, limit: Int) -> Problem {
        var problem = Problem("rate-limited", "Too many requests", .tooManyRequests,
                              "this token may make \(limit) requests a minute; retry after \(seconds) s")
        problem.headers[.retryAfter] = String(seconds)
        return problem
    }

    static func unavailable(_ detail: String) -> Problem {
        var problem = Problem("unavailable", "Service unavailable", .serviceUnavailable, detail)
        problem.headers[.retryAfter] = "5"
        return problem
    }

    static func internalError(requestID: String) -> Problem {
        Problem("internal", "Internal server error", .internalServerError,
                "the server failed; report request id \(requestID) to the administrators")
    }
}
