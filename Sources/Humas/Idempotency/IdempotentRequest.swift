import Foundation

/// A write request a client may retry with the same `Idempotency-Key`, and the answer it got.
public struct IdempotentRequest: Sendable, Hashable {
    /// The client's key, unique per user (1–255 bytes).
    public var key: String
    /// `POST`, with the path, so one key cannot be replayed against another route.
    public var method: String
    public var path: String
    /// The request body exactly as received.
    public var body: Data

    public init(key: String, method: String, path: String, body: Data) {
        self.key = key
        self.method = method
        self.path = path
        self.body = body
    }

    /// What the hash covers: method, path and body, separated so that no two requests collide.
    var fingerprint: Data {
        var data = Data("\(method) \(path)\n".utf8)
        data.append(body)
        return data
    }
}

/// The first answer to an idempotent request, replayed for every retry with the same key.
public struct StoredResponse: Sendable, Hashable {
    public var status: Int
    public var contentType: String
    public var body: String

    public init(status: Int, contentType: String, body: String) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

/// What the key says about a request before it runs.
public enum IdempotencyLookup: Sendable, Hashable {
    /// The key is new (or expired, or its first request died): the caller now holds it, runs
    /// the request, then calls ``IdempotencyKeys/complete(_:response:)`` or ``IdempotencyKeys/release(_:)``.
    case new
    /// The same request came before: answer with this.
    case replay(StoredResponse)
    /// The key was used for a different request.
    case mismatch
    /// The first request with this key is still running: retry shortly.
    case inProgress
}
