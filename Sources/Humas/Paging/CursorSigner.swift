import Crypto
import Foundation

/// What a cursor is good for: one listing, one user, one query. A cursor presented anywhere
/// else is refused, so a cursor can only continue the very listing that printed it.
struct CursorScope: Sendable {
    /// The listing's name (`contacts`, `segment 12`, `organizations`, `audit`).
    var listing: String
    var userID: Int64
    /// Everything that decides which rows the listing holds and in what order (free text,
    /// filters), in a fixed order and spelling.
    var query: [String]
}

/// Signs and checks page cursors: `base64url(payload) "." base64url(HMAC-SHA256)`, the MAC taken
/// over the payload and its ``CursorScope`` with the server's key (``CursorKeyCache``).
///
/// Signing is what makes it safe for a cursor to carry a sort key: a client can only hand back a
/// position the server itself produced for that user and query, never one it made up to probe
/// where a hidden record sorts.
struct CursorSigner: Sendable {
    /// The key's bytes (`SymmetricKey` is not `Sendable`; making one is cheap).
    let secret: Data

    private var key: SymmetricKey { SymmetricKey(data: secret) }

    /// Cursors are short; anything much longer is not one of ours and is not worth hashing.
    static let maximumLength = 1024

    func token(_ cursor: PageCursor, for scope: CursorScope) -> String {
        let payload = cursor.payload
        let tag = HMAC<SHA256>.authenticationCode(for: Self.message(payload, scope), using: key)
        return Base64URL.encode(payload) + "." + Base64URL.encode(Data(tag))
    }

    /// The cursor a token holds, if this server signed it for `scope`.
    /// - Throws: ``HumasError/invalid(field:message:)`` for `cursor` otherwise, echoing only a
    ///   short prefix of what was sent.
    func cursor(_ token: String, for scope: CursorScope) throws -> PageCursor {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.utf8.count <= Self.maximumLength, parts.count == 2,
              let payload = Base64URL.decode(parts[0]), let tag = Base64URL.decode(parts[1]),
              // Constant time: how long a refusal takes says nothing about how close a forgery came.
              HMAC<SHA256>.isValidAuthenticationCode(tag, authenticating: Self.message(payload, scope), using: key),
              let cursor = PageCursor(payload: payload)
        else {
            throw HumasError.invalid(
                field: "cursor",
                message: "'\(Self.echo(token))' is not a cursor this listing gave you for this query; pass next_cursor from the previous page unchanged, with the same filters, or start again without a cursor")
        }
        return cursor
    }

    /// Each part length-prefixed, so no two different scopes can run together into one message.
    private static func message(_ payload: Data, _ scope: CursorScope) -> Data {
        var message = Data()
        for part in ["humas page cursor 1", scope.listing, String(scope.userID)] + scope.query {
            append(Data(part.utf8), to: &message)
        }
        append(payload, to: &message)
        return message
    }

    private static func append(_ part: Data, to message: inout Data) {
        withUnsafeBytes(of: UInt64(part.count).bigEndian) { message.append(contentsOf: $0) }
        message.append(part)
    }

    /// At most the first 12 characters, and only those a cursor can hold: an error message is no
    /// place to reflect whatever a client sent.
    private static func echo(_ token: String) -> String {
        let safe = token.prefix(12).filter { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        return token.count > 12 ? safe + "…" : safe
    }
}

/// Base64 with the URL-safe alphabet and no padding (RFC 4648 §5): a cursor goes into query
/// strings and command lines unquoted.
enum Base64URL {
    static func encode(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: Substring) -> Data? {
        guard !text.contains(where: { "+/=".contains($0) }) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
