import Foundation
import Hummingbird
import NIOCore

/// A JSON request body. Its `CodingKeys` spell the snake_case field names and list them all, so
/// that a field the API does not know is refused instead of silently ignored (a typo such as
/// `ful_name` would otherwise drop the value).
public protocol RequestBody: Decodable, Sendable {
    associatedtype CodingKeys: CodingKey & CaseIterable
}

extension Request {
    /// Reads and decodes a JSON body: 413 beyond 1 MiB, 400 for malformed JSON, a body that is
    /// not an object, an unknown field, or a field of the wrong type or missing.
    func decodeBody<Body: RequestBody>(as type: Body.Type, context: HumasRequestContext) async throws -> Body {
        var request = self
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let data = Data(buffer.readableBytesView)
        if JSONNesting.exceeds(JSONNesting.maximumDepth, in: data) {
            throw Problem.badRequest("the body nests arrays or objects more than \(JSONNesting.maximumDepth) levels deep; no request of this API nests more than three")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw Problem.badRequest("the body is not valid JSON; send one JSON object with Content-Type: application/json (each request's fields are in /openapi.yaml)")
        }
        guard let fields = object as? [String: Any] else {
            throw Problem.badRequest("the body must be a JSON object")
        }
        if let field = Self.fieldWithNUL(in: fields, path: "") {
            throw Problem.invalidFields([(field, "must not contain a NUL character")])
        }
        let known = Set(Body.CodingKeys.allCases.map(\.stringValue))
        let unknown = fields.keys.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw Problem.invalidFields(unknown.map { ($0, "is not a field of this request; known fields: \(known.sorted().joined(separator: ", "))") })
        }
        do {
            return try context.requestDecoder.decode(Body.self, from: data)
        } catch let error as DecodingError {
            throw Problem(decodingError: error)
        }
    }

    /// The path of the first string holding U+0000: PostgreSQL text cannot store it, so it is
    /// refused here with the field's name rather than deep in the database.
    static func fieldWithNUL(in value: Any, path: String) -> String? {
        switch value {
        case let text as String:
            return text.contains("\u{0}") ? (path.isEmpty ? "body" : path) : nil
        case let object as [String: Any]:
            for (key, child) in object {
                if key.contains("\u{0}") { return path.isEmpty ? "body" : path }
                if let found = fieldWithNUL(in: child, path: path.isEmpty ? key : "\(path).\(key)") { return found }
            }
            return nil
        case let array as [Any]:
            for (index, child) in array.enumerated() {
                if let found = fieldWithNUL(in: child, path: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return nil
        }
    }
}
