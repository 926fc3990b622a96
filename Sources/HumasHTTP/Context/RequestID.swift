import Foundation

/// Request ids: a fresh one per request, or the caller's own when it is safe to log.
enum RequestID {
    /// 16 random hex digits: short enough for log lines, unique enough for a day of traffic.
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = UInt64.random(in: .min ... .max, using: &generator)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Whether an incoming `X-Request-Id` may be reused: 1–128 letters, digits, `-`, `_`, `.`, `:`,
    /// so that it cannot forge log lines or headers.
    static func isAcceptable(_ candidate: String) -> Bool {
        (1...128).contains(candidate.utf8.count)
            && candidate.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.:".unicodeScalars.contains($0)) }
    }
}
