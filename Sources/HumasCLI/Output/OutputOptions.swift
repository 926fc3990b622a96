import ArgumentParser
import Foundation

/// `--json` for scripts; tables for people otherwise.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON (snake_case keys, ISO 8601 times) instead of a table.")
    var json = false

    func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// A moment as people read it in a table: local time of the machine, to the minute.
func formatTimestamp(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: date)
}

/// A record as aligned `label: value` lines, for `show` commands.
func printFields(_ fields: [(String, String)]) {
    let width = fields.map(\.0.count).max() ?? 0
    for (label, value) in fields {
        print(label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
    }
}
