import Foundation

/// Opaque cursors: the position to resume after, base64url-encoded so that clients pass it back
/// unchanged rather than build it.
enum PageCursor {
    static let prefix = "v1:"

    static func encode(_ position: String) -> String {
        Data((prefix + position).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The position a cursor holds, or 400 naming `cursor` when it is not one of ours.
    static func decode<Key: LosslessStringConvertible>(_ cursor: String, as type: Key.Type) throws -> Key {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
              text.hasPrefix(prefix), let position = Key(String(text.dropFirst(prefix.count)))
        else {
            throw Problem.invalidFields([("cursor", "is not a cursor this API gave out; pass next_cursor from the previous page unchanged")])
        }
        return position
    }
}
