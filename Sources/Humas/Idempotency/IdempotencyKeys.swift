import Foundation
import Postgres

/// The acting user's idempotency keys: the first response to a keyed request, kept so that a
/// retry gets the same answer instead of making a second change.
///
/// A request ``claim(_:)``s its key before it runs, then either ``complete(_:response:)``s it
/// or ``release(_:)``s it (a refused request changed nothing, so it may run again). Row-level
/// security gives each user their own keys. Keys are kept at least ``retention``; claiming a
/// key deletes the user's keys older than that.
public struct IdempotencyKeys: Sendable {
    let session: Session

    /// How long a key is honoured.
    public static let retention: TimeInterval = 24 * 60 * 60
    /// How long a claim without a response holds: past that, its request is taken to have died
    /// and a retry takes the key over.
    public static let claimTimeout: TimeInterval = 60

    /// Claims the key for this request, unless the key already answers it.
    /// - Returns: `.new` when the caller now holds the key and must run the request;
    ///   `.replay` with the first answer; `.mismatch` when the key was used for another request;
    ///   `.inProgress` while the first request with this key is still running.
    public func claim(_ request: IdempotentRequest) async throws -> IdempotencyLookup {
        try Self.validate(request.key)
        return try await session.transaction { [session] connection in
            try connection.execute("""
                DELETE FROM humas.idempotency_keys
                WHERE user_id = \(session.user.id) AND created_at <= now() - make_interval(secs => \(Self.retention))
                """)
            let claimed = try connection.query("""
                INSERT INTO humas.idempotency_keys (user_id, key, request_hash)
                VALUES (\(session.user.id), \(request.key), sha256(\(request.fingerprint)))
                ON CONFLICT (user_id, key) DO NOTHING
                RETURNING key
                """)
            if !claimed.isEmpty { return .new }
            let row = try connection.query("""
                SELECT request_hash = sha256(\(request.fingerprint)) AS same, response_status, response_type, response_body,
                       created_at <= now() - make_interval(secs => \(Self.claimTimeout)) AS abandoned
                FROM humas.idempotency_keys
                WHERE user_id = \(session.user.id) AND key = \(request.key)
                FOR UPDATE
                """)[0]
            guard try row.decode("same", as: Bool.self) else { return .mismatch }
            guard let status = try row.decode("response_status", as: Int?.self) else {
                guard try row.decode("abandoned", as: Bool.self) else { return .inProgress }
                try connection.execute("""
                    UPDATE humas.idempotency_keys SET created_at = now()
                    WHERE user_id = \(session.user.id) AND key = \(request.key)
                    """)
                return .new
            }
            return .replay(StoredResponse(
                status: status, contentType: try row.decode("response_type"), body: try row.decode("response_body")))
        }
    }

    /// Stores the answer to a claimed request, for every retry with the same key.
    public func complete(_ request: IdempotentRequest, response: StoredResponse) async throws {
        _ = try await session.transaction { [session] connection in
            try connection.execute("""
                UPDATE humas.idempotency_keys
                SET response_status = \(response.status), response_type = \(response.contentType), response_body = \(response.body)
                WHERE user_id = \(session.user.id) AND key = \(request.key) AND response_status IS NULL
                """)
        }
    }

    /// Gives a claimed key up, when its request changed nothing: a retry then runs afresh.
    public func release(_ request: IdempotentRequest) async throws {
        _ = try await session.transaction { [session] connection in
            try connection.execute("""
                DELETE FROM humas.idempotency_keys
                WHERE user_id = \(session.user.id) AND key = \(request.key) AND response_status IS NULL
                """)
        }
    }

    static func validate(_ key: String) throws {
        guard (1...255).contains(key.utf8.count), key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            throw HumasError.invalid(field: "Idempotency-Key", message: "must be 1–255 printable ASCII characters without spaces, e.g. a UUID")
        }
    }
}

extension Session {
    /// The acting user's idempotency keys (HTTP `Idempotency-Key`).
    public var idempotency: IdempotencyKeys { IdempotencyKeys(session: self) }
}
