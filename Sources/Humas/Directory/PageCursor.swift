import Foundation

/// Where the next page of a listing starts: the sort key of the last row shown.
///
/// Handed to users as an opaque string (base64url of `score:id`) so that scripts pass it back
/// unchanged and the ordering behind it can change without breaking them.
public struct PageCursor: Sendable, Hashable {
    /// The search rank of the last row (0 for listings that are not ranked).
    public var score: Float
    public var id: Int64

    public init(score: Float = 0, id: Int64) {
        self.score = score
        self.id = id
    }

    /// The opaque form printed as `next_cursor`.
    public var token: String {
        Data("\(score):\(id)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a token printed by an earlier page.
    /// - Throws: ``HumasError/invalid(field:message:)`` for `cursor` when it was not.
    public init(token: String) throws {
        var base64 = token.trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let parts = Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) }?.split(separator: ":")
        guard let parts, parts.count == 2, let score = Float(parts[0]), score.isFinite, let id = Int64(parts[1]), id > 0 else {
            throw HumasError.invalid(field: "cursor", message: "'\(token)' is not a cursor printed by an earlier page; pass the next_cursor value unchanged")
        }
        self.init(score: score, id: id)
    }
}

/// Page sizes the directory accepts: enough for a screen or a script's batch, small enough to
/// keep one request cheap.
enum PageSize {
    static let range = 1...500

    static func check(_ limit: Int) throws {
        guard range.contains(limit) else {
            throw HumasError.invalid(field: "limit", message: "must be between \(range.lowerBound) and \(range.upperBound), got \(limit)")
        }
    }
}
