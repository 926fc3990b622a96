import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

extension TestClientProtocol {
    /// Sends a request with an optional bearer token and JSON body text.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var fields = headers
        if let token { fields[.authorization] = "Bearer \(token)" }
        if json != nil { fields[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: fields, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(body.readableBytesView))
        guard let object = value as? [String: Any] else { throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: [], debugDescription: "not an object")) }
        return object
    }

    /// The `items` of a page.
    func items() throws -> [[String: Any]] {
        try object()["items"] as? [[String: Any]] ?? []
    }

    var contentType: String? { headers[.contentType] }

    /// The `field` of each entry of a problem's `errors`.
    func problemFields() throws -> [String] {
        (try object()["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }
}
