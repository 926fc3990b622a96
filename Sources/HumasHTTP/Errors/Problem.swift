import Foundation
import Hummingbird
import NIOCore

/// An error as the API reports it: an RFC 9457 problem document (`application/problem+json`).
///
/// Handlers and middleware throw these for HTTP-level faults (malformed JSON, a missing token, a
/// rate limit); the service's ``HumasError`` is mapped to one in `Problem+HumasError.swift`.
public struct Problem: Error, Sendable, Encodable, Equatable {
    /// One invalid input, named as the client sent it.
    public struct FieldError: Sendable, Codable, Hashable {
        public var field: String
        public var message: String
    }

    /// A URI naming the kind of problem (`urn:humas:problem:invalid`); stable for clients to switch on.
    public var type: String
    /// The kind's short, fixed summary.
    public var title: String
    public var status: Int
    /// What went wrong this time and what to do, in one line.
    public var detail: String
    /// For invalid input: every field at fault.
    public var errors: [FieldError]?
    /// For a conflict: the id of the record that already exists.
    public var existingId: Int64?
    /// Headers the answer carries besides the body (`WWW-Authenticate`, `Retry-After`).
    var headers: HTTPFields = [:]

    private enum CodingKeys: String, CodingKey {
        case type, title, status, detail, errors, existingId
    }

    init(_ kind: String, _ title: String, _ status: HTTPResponse.Status, _ detail: String, errors: [FieldError]? = nil) {
        self.type = "urn:humas:problem:\(kind)"
        self.title = title
        self.status = status.code
        self.detail = detail
        self.errors = errors
    }

    /// The problem as an `application/problem+json` response with its extra headers.
    func response() -> Response {
        let body = encoded
        var fields = headers
        fields[.contentType] = "application/problem+json"
        fields[.contentLength] = String(body.count)
        return Response(status: .init(code: status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The problem document's JSON.
    var encoded: Data {
        (try? APIJSON.encoder().encode(self)) ?? Data(#"{"title":"Internal Server Error","status":500}"#.utf8)
    }
}
