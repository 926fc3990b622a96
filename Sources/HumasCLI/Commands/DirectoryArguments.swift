import ArgumentParser
import Foundation
import Humas

// The directory's enums as option values: `--kind media_outlet`, `--category journalist`, …
// (Declared here, not in Humas: only the command line parses them from arguments.)
extension Organization.Kind: ExpressibleByArgument {}
extension Organization.MediaType: ExpressibleByArgument {}
extension Organization.PartyScope: ExpressibleByArgument {}
extension Contact.Category: ExpressibleByArgument {}
extension Contact.LegalBasis: ExpressibleByArgument {}

/// `--limit` and `--cursor` for listings that come a page at a time.
struct PageOptions: ParsableArguments {
    @Option(help: "Rows per page (1–500).") var limit = 50
    @Option(help: ArgumentHelp("Continue after the previous page (its next_cursor).", valueName: "cursor"))
    var cursor: String?

    /// Tells a person how to get the next page; on stderr so piped output stays clean.
    func printNextHint(_ nextCursor: String?) {
        guard let nextCursor else { return }
        FileHandle.standardError.write(Data("more: add --cursor \(nextCursor)\n".utf8))
    }
}

/// Parses repeated `--social network=handle` options.
func parseSocial(_ pairs: [String]) throws -> [String: String] {
    var result: [String: String] = [:]
    for pair in pairs {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw ValidationError("--social expects network=handle, e.g. x=@budi, got '\(pair)'")
        }
        result[parts[0]] = parts[1]
    }
    return result
}

/// `removed contact 12`, or `{"removed": 12, "entity": "contact"}` with --json.
struct Removal: Encodable {
    var entity: String
    var removed: Int64
}
