import Humas
import Hummingbird

/// `POST /v1/bounces`: one delivery-status notification (RFC 3464) as it arrived, the raw
/// message as the body, for a mail system that pipes bounces to the API.
struct BounceController {
    /// What a bounce can arrive as: the message itself, or bytes or text a script read from a mailbox.
    /// A missing type is read as `application/octet-stream` (RFC 9110, section 8.3).
    static let mediaTypes: Set<String> = ["message/rfc822", "application/octet-stream", "text/plain"]

    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.post("bounces", use: importReport)
    }

    @Sendable func importReport(_ request: Request, context: HumasRequestContext) async throws -> BounceImport {
        if let type = request.headers[.contentType], !Self.mediaTypes.contains(Self.mediaType(type)) {
            throw Problem.unsupportedMediaType(
                "send the report as the body with Content-Type \(Self.mediaTypes.sorted().joined(separator: ", ")); not \(type)")
        }
        let session = try context.requireSession()
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        do {
            return try await session.bounces.importReports(Array(body.readableBytesView))
        } catch HumasError.invalid(_, let message) {
            // The service reads a file; here the report is the body, and a malformed one is of
            // the right type but unusable: 422.
            throw Problem.unprocessable([("body", message)])
        } catch HumasError.invalidFields(let fields) {
            throw Problem.unprocessable(fields.map { ("body", $0.message) })
        }
    }

    /// `Message/RFC822; charset=utf-8` → `message/rfc822`.
    static func mediaType(_ header: String) -> String {
        header.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }
}
