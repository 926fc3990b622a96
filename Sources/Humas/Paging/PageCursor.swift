import Foundation

/// Where the next page of a listing starts: the whole sort key of the last row shown.
///
/// A cursor carries every part of its row's sort key (rank, name, id), so continuing a page
/// reads nothing from the row behind the id: that row may have left the caller's scope since,
/// or never been in it, and what the database would tell about it is exactly the leak to avoid.
/// Users only ever see a cursor signed and bound to them and their query (``CursorSigner``).
package struct PageCursor: Sendable, Hashable {
    /// The search rank of the last row (0 for listings that are not ranked).
    var score: Float = 0
    /// The last row's normalized name, for listings in name order ("" otherwise).
    var name: String = ""
    var id: Int64

    /// `bits:id:name` (the name last, so it may hold any character). The score goes as its bit
    /// pattern: a rank must come back exactly, not rounded through a decimal.
    var payload: Data { Data("\(score.bitPattern):\(id):\(name)".utf8) }

    init(score: Float = 0, name: String = "", id: Int64) {
        self.score = score
        self.name = name
        self.id = id
    }

    init?(payload: Data) {
        let parts = String(decoding: payload, as: UTF8.self).split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let bits = UInt32(parts[0]), let id = Int64(parts[1]), id > 0 else { return nil }
        self.init(score: Float(bitPattern: bits), name: String(parts[2]), id: id)
        guard score.isFinite else { return nil }
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
