import Foundation
@testable import Humas
import Testing

/// `scripts/bench-http.sh` gives pgbench a copy of the service's contact page query, so the HTTP
/// benchmark compares like with like. This keeps the copy from drifting when the query changes.
@Suite("Benchmark baseline")
struct BenchBaselineTests {
    @Test("the HTTP benchmark's pgbench script runs the service's own contact page query")
    func baselineUsesServiceQuery() throws {
        let script = try String(
            contentsOf: TestEnvironment.repositoryRoot.appendingPathComponent("scripts/bench-http.sh"), encoding: .utf8)
        let folded = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        #expect(folded(script).contains(folded(Contact.select.sql)), "update the SELECT in scripts/bench-http.sh to match Contact.select")
    }
}
