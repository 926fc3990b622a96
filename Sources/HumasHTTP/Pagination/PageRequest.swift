import Hummingbird

/// `limit` and `cursor` from the query string, checked.
public struct PageRequest: Sendable {
    public static let defaultLimit = 50
    public static let maximumLimit = 500
    /// The query parameters of every paged listing.
    static let parameters = ["limit", "cursor"]

    /// How many items a page holds (1–``maximumLimit``).
    public var limit: Int
    /// `next_cursor` of the previous page as sent, checked by the service; `nil` for the first page.
    public var cursor: String?

    init(query: QueryString) throws {
        if let raw = try query.first(named: "limit") {
            guard let limit = Int(raw), (1...Self.maximumLimit).contains(limit) else {
                throw Problem.invalidFields([("limit", "must be an integer from 1 to \(Self.maximumLimit)")])
            }
            self.limit = limit
        } else {
            limit = Self.defaultLimit
        }
        cursor = try query.first(named: "cursor")
    }
}
