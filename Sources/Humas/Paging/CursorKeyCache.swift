import Foundation
import Postgres

/// The cursor-signing key, read from the database once per process and kept in memory.
///
/// The key lives in the database (`humas.cursor_secret`, sql/0811) so that every API instance
/// behind a load balancer signs and checks with the same one; it is never logged or printed.
final class CursorKeyCache: @unchecked Sendable {
    // @unchecked: `secret` is only read and written while holding `lock`.
    private let lock = NSLock()
    private var secret: Data?

    /// The key's bytes, reading them on `connection` the first time.
    func secret(on connection: PostgresConnection) throws -> Data {
        if let cached = lock.withLock({ secret }) { return cached }
        let read: Data = try connection.query("SELECT humas.cursor_secret() AS secret")[0].decode("secret")
        lock.withLock { secret = read }
        return read
    }
}

extension Session {
    /// The signer of this process's cursors, for use inside one of the session's transactions.
    func cursorSigner(on connection: PostgresConnection) throws -> CursorSigner {
        CursorSigner(secret: try database.cursorKeys.secret(on: connection))
    }
}
