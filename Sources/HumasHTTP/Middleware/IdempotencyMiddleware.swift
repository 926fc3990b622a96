import Foundation
import Humas
import Hummingbird
import NIOCore

/// `Idempotency-Key` on POST: the first successful answer to (caller, key) is stored and
/// replayed for a retry with the same body; the same key with another body gets 422, and a
/// retry while the first request still runs gets 409 (so the change is never made twice).
///
/// Only 2xx answers are stored: a refused request changed nothing, so running it again is as
/// safe as replaying the refusal, and a client that fixed its input does not need a new key.
/// Runs after ``AuthMiddleware``: keys belong to a user.
struct IdempotencyMiddleware: RouterMiddleware {
    typealias Context = HumasRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, let key = request.headers[.idempotencyKey], let session = context.session else {
            return try await next(request, context)
        }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let keyed = IdempotentRequest(key: key, method: request.method.rawValue, path: request.uri.path, body: Data(body.readableBytesView))
        switch try await session.idempotency.claim(keyed) {
        case .replay(let stored):
            return stored.replayed()
        case .mismatch:
            throw Problem.idempotencyKeyReused()
        case .inProgress:
            throw Problem.idempotencyKeyInProgress()
        case .new:
            let response: Response
            do {
                response = try await next(request, context)
            } catch {
                try? await session.idempotency.release(keyed)
                throw error
            }
            guard (200..<300).contains(response.status.code) else {
                try await session.idempotency.release(keyed)
                return response
            }
            let (stored, replayable) = try await StoredResponse.capture(response)
            do {
                try await session.idempotency.complete(keyed, response: stored)
            } catch {
                // The change is made: the client gets its answer; only a replay is lost (the
                // claim lapses after IdempotencyKeys.claimTimeout).
                context.logger.warning("could not store the idempotent response", metadata: ["error": .string("\(error)")])
            }
            return replayable
        }
    }
}

extension StoredResponse {
    /// Reads a response's body to store it, and gives back an equivalent response to send.
    static func capture(_ response: Response) async throws -> (StoredResponse, Response) {
        let collector = BodyCollector()
        try await response.body.write(collector)
        let buffer = collector.buffer
        let stored = StoredResponse(
            status: response.status.code, contentType: response.headers[.contentType] ?? "application/json",
            body: String(buffer: buffer))
        var replayable = response
        replayable.body = .init(byteBuffer: buffer)
        return (stored, replayable)
    }

    /// The stored answer again, marked as a replay.
    func replayed() -> Response {
        let buffer = ByteBuffer(string: body)
        return Response(
            status: .init(code: status),
            headers: [.contentType: contentType, .contentLength: String(buffer.readableBytes), .idempotentReplayed: "true"],
            body: .init(byteBuffer: buffer))
    }
}

/// Collects a response body in memory. `@unchecked Sendable`: one task writes it, then reads it,
/// strictly in sequence (`ResponseBody.write` returns only after the last write).
private final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        self.buffer.writeBuffer(&buffer)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
