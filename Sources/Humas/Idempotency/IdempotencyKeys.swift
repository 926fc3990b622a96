import Foundation
import Postgres

/// The acting user's idempotency keys: the first response to a keyed request, kept so that a
/// retry gets the same answer instead of making a second change.
///
/// Row-level security gives each user their own keys. Keys are kept at least
/// ``retention``; saving a key deletes the user's keys older than that.
public struct IdempotencyKeys: Sendable {
    let session: Session

    /// How long a key is honoured.
    public static let retention: TimeInterval = 24 * 60 * 60

    /// Whether this request was seen before under its key, and if so whether it was the same one.
    public func lookup(_ request: IdempotentRequest) async throws -> IdempotencyLookup {
        try Self.validate(request.key)
        return try await session.transaction { connection in
            let rows = try connection.query("""
                SELECT request_hash = sha256(\(request.fingerprint)) AS same,
                       response_status, response_type, response_body
                FROM humas.idempotency_keys
                WHERE key = \(request.key) AND created_at > now() - make_interval(secs => \(Self.retention))
                """)
            guard let row = rows.first else { return .new }
            guard try row.decode("same", as: Bool.self) else { return .mismatch }
            return .replay(StoredResponse(
                status: try row.decode("response_status"), contentType: try row.decode("response_type"),
                body: try row.decode("response_body")))
        }
    }

    /// Keeps the first response to `request`. When a concurrent retry saved first, its response
    /// stays: both clients then hold an answer to the same single change.
    public func save(_ request: IdempotentRequest, response: StoredResponse) async throws {
        try Self.validate(request.key)
        try await session.transaction { [session] connection in
            try connection.execute("""
                DELETE FROM humas.idempotency_keys
                WHERE created_at <= now() - make_interval(secs => \(Self.retention))
                """)
            try connection.execute("""
                INSERT INTO humas.idempotency_keys (user_id, key, request_hash, response_status, response_type, response_body)
                VALUES (\(session.user.id), \(request.key), sha256(\(request.fingerprint)),
                        \(response.status), \(response.contentType), \(response.body))
                ON CONFLICT (user_id, key) DO NOTHING
                """)
        }
    }

    static func validate(_ key: String) throws {
        guard (1...255).contains(key.utf8.count), key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            throw HumasError.invalid(field: "Idempotency-Key", message: "must be 1–255 printable ASCII characters, e.g. a UUID")
        }
    }
}

extension Session {
    /// The acting user's idempotency keys (HTTP `Idempotency-Key`).
    public var idempotency: IdempotencyKeys { IdempotencyKeys(session: self) }
}
