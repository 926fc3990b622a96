import Foundation
@testable import Humas
import Testing

/// `scripts/bench-http.sh` gives pgbench a copy of the service's contact search statement, so the
/// HTTP benchmark compares like with like. This keeps the copy from drifting when the query changes.
@Suite("Benchmark baseline")
struct BenchBaselineTests {
    @Test("the HTTP benchmark's pgbench script runs the service's own contact search statement")
    func baselineUsesServiceQuery() throws {
        let script = try String(
            contentsOf: TestEnvironment.repositoryRoot.appendingPathComponent("scripts/bench-http.sh"), encoding: .utf8)
        let folded = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        // The service's statement with the values pgbench uses in place of its bound parameters:
        // a benchmark query, no filters, the first page of 50.
        var statement = ContactDirectory.searchPage("", filters: ContactFilters(), after: nil, limit: 50).sql
        let values = ["(SELECT q FROM bench.search_queries WHERE i = :i)", "'{}'", "NULL", "NULL", "NULL", "51", "50"]
        for (index, value) in values.enumerated().reversed() {
            statement = statement.replacingOccurrences(of: "$\(index + 1)", with: value)
        }
        #expect(folded(script).contains(folded(statement)), "update the search statement in scripts/bench-http.sh to match ContactDirectory.searchPage")
    }
}
