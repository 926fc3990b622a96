/// One page of a list: `{ "items": [...], "next_cursor": "..." | null }`.
///
/// Every list endpoint answers with this shape. Lists that are always small return everything
/// with `next_cursor: null`; long ones take `limit` and `cursor` (``PageRequest``) and give the
/// cursor of the next page until the last one; the service layer signs every cursor.
public struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
    public var items: [Item]
    /// Pass as `cursor` to get the next page; `null` on the last page.
    public var nextCursor: String?

    private enum CodingKeys: String, CodingKey {
        case items, nextCursor
    }

    /// Writes `next_cursor: null` on the last page rather than leaving the key out, so clients
    /// can test for the end in one way.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }

    public init(items: [Item], nextCursor: String? = nil) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
