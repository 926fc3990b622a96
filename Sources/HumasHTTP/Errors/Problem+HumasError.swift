import Foundation
import Humas
import Hummingbird
import NIOCore

/// The one place where errors become HTTP statuses: the service's ``HumasError`` cases,
/// Hummingbird's own errors, and anything unexpected (a 500 that reveals nothing).
extension Problem {
    /// The problem to answer `error` with; `nil` when the error is unexpected (then: 500, logged).
    static func mapping(_ error: any Error) -> Problem? {
        switch error {
        case let problem as Problem:
            return problem
        case let error as HumasError:
            return Problem(humasError: error)
        case let error as NIOTooManyBytesError:
            return .contentTooLarge(limit: error.maxBytes)
        case let error as HTTPError:
            return Problem(httpError: error)
        default:
            return nil
        }
    }

    init(humasError error: HumasError) {
        switch error {
        case .invalid(let field, let message):
            self = .invalidFields([(field, message)])
        case .invalidFields(let fields):
            self = .invalidFields(fields.map { ($0.field, $0.message) })
        case .notFound:
            self = .notFound(error.description)
        case .forbidden(let message):
            self = Problem("forbidden", "Forbidden", .forbidden, message)
        case .conflict(let message, let existingID):
            self = Problem("conflict", "Conflict", .conflict, message)
            existingId = existingID
        case .unauthenticated(let message):
            self = .unauthenticated(message)
            headers[.wwwAuthenticate] = #"Bearer realm="humas", error="invalid_token""#
        case .unavailable(let message):
            self = .unavailable(message)
        }
    }

    init(httpError error: HTTPError) {
        switch error.status {
        case .notFound:
            self = .notFound(error.body ?? "no such route; the routes are listed in /openapi.yaml")
        case .contentTooLarge:
            self = .contentTooLarge()
        default:
            let slug = error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "-")
            self = Problem(slug, error.status.reasonPhrase, error.status, error.body ?? error.status.reasonPhrase)
        }
        for field in error.headers where field.name != .contentType && field.name != .contentLength {
            headers.append(field)
        }
    }
}
