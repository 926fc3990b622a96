/// The API's page shape, `{"items": […], "next_cursor": … | null}`, for the service's page types
/// (their `--json` output is the API's answer, key for key).
public protocol ItemsPageEncodable: Encodable {
    associatedtype Item: Encodable
    var pageItems: [Item] { get }
    var nextCursor: String? { get }
}

private enum ItemsPageKeys: String, CodingKey { case items, nextCursor }

extension ItemsPageEncodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ItemsPageKeys.self)
        try container.encode(pageItems, forKey: .items)
        // `null` on the last page rather than no key, so clients test for the end one way.
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
