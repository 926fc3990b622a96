#if canImport(Crypto)
import Crypto
import Foundation
import Postgres

/// The opt-out token of a delivery, made the way Sources/Humas/Mailings/UnsubscribeToken.swift
/// makes it (that type is internal to Humas): base64url of the 8-byte big-endian id and the first
/// 16 bytes of HMAC-SHA256("humas-unsubscribe:" ‖ id) under the database's secret, unpadded.
/// Recomputed here on purpose: a test that asked the server for the token would prove nothing.
enum UnsubscribeLink {
    static func token(for delivery: Int64) throws -> String {
        let connection = try MailingFixture.superuser()
        let secret: Data = try connection.query("SELECT humas.unsubscribe_secret() AS s")[0].decode("s")
        let id = (0..<8).reversed().map { UInt8(truncatingIfNeeded: delivery >> ($0 * 8)) }
        let mac = HMAC<SHA256>.authenticationCode(for: Array("humas-unsubscribe:".utf8) + id, using: SymmetricKey(data: secret))
        return Data(id + Array(Data(mac).prefix(16))).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 of `bytes` in hex, as a mailing's attachment reports it.
    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
#endif
