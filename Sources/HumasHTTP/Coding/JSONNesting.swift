import Foundation

/// How deeply a JSON text nests arrays and objects, counted before it is parsed.
///
/// No request body of the API nests more than three levels (a segment's filter in a body). A
/// body nested hundreds deep is hostile or broken; counting first lets the answer say so instead
/// of the parser's "not valid JSON", and keeps the parser from recursing that deep.
enum JSONNesting {
    static let maximumDepth = 32

    /// True when `data` opens more than `limit` arrays or objects inside one another. Brackets
    /// inside strings do not count; the text need not be valid JSON.
    static func exceeds(_ limit: Int, in data: Data) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in data {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { return true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return false
    }
}
