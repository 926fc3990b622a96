import Foundation

/// The API's one JSON dialect: snake_case keys both ways, ISO 8601 dates, and a body cap.
enum APIJSON {
    /// 1 MiB: the largest request body the API reads; larger ones get 413.
    static let maximumBodySize = 1 << 20

    /// 32 MiB where files travel in the body (``UploadLimitMiddleware``): two attachments at the
    /// 10 MB maximum, a third larger in base64, with the message around them.
    static let maximumUploadSize = 32 << 20

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Request bodies name their snake_case keys explicitly (``RequestBody``), so no key conversion here.
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
