import Crypto
import Foundation

/// The opt-out link's token: a delivery id and an HMAC-SHA256 over it (truncated to 128 bits),
/// base64url. It opens only that delivery's page; without the key nobody can make one for
/// another delivery, and it holds no contact id.
struct UnsubscribeToken {
    let key: SymmetricKey

    init(secret: Data) {
        key = SymmetricKey(data: secret)
    }

    func token(for delivery: Int64) -> String {
        var bytes = Self.idBytes(delivery)
        bytes += signature(delivery)
        // base64url without padding (24 bytes make exactly 32 characters).
        let standard = Data(bytes).base64EncodedString().utf8
        return String(decoding: standard.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: "-") : $0 == UInt8(ascii: "/") ? UInt8(ascii: "_") : $0 },
                      as: UTF8.self)
    }

    /// 32 base64url characters: what every token looks like, genuine or not.
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 32 && token.utf8.allSatisfy { $0 < 128 && (Character(UnicodeScalar($0)).isLetter || Character(UnicodeScalar($0)).isNumber || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")) }
    }

    /// The delivery a genuine token names; nil for anything else.
    func delivery(_ token: String) -> Int64? {
        guard Self.isWellFormed(token) else { return nil }
        let standard = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard let data = Data(base64Encoded: standard), data.count == 24 else { return nil }
        let bytes = [UInt8](data)
        let id = bytes[0..<8].reduce(Int64(0)) { $0 << 8 | Int64($1) }
        guard id > 0 else { return nil }
        // Compared in constant time: how long a wrong guess takes tells nothing.
        let difference = zip(signature(id), bytes[8...]).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) }
        return difference == 0 ? id : nil
    }

    private func signature(_ delivery: Int64) -> [UInt8] {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("humas-unsubscribe:".utf8) + Self.idBytes(delivery), using: key)
        return Array(Data(mac).prefix(16))
    }

    private static func idBytes(_ id: Int64) -> [UInt8] {
        (0..<8).reversed().map { UInt8(truncatingIfNeeded: id >> ($0 * 8)) }
    }
}

/// Where recipients' links point: `HUMAS_PUBLIC_URL` (the API as the internet reaches it).
public enum PublicURL {
    public static func base(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let configured = environment["HUMAS_PUBLIC_URL"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let base = configured.isEmpty ? "http://127.0.0.1:8080" : configured
        return base.hasSuffix("/") ? String(base.dropLast()) : base
    }
}
