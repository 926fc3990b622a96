import ArgumentParser
import Humas

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Load reference data (the 553 units, the 2024 parties, the first admin) and the demo data.",
        discussion: """
            Seeding is idempotent: running it again changes nothing.

            Examples:
              humas seed
              humas seed --no-demo     # reference data only, for production
            """)

    @Flag(inversion: .prefixedNo, help: "Include the fictional demo contacts and outlets.")
    var demo = true

    func run() async throws {
        let loaded = try await DatabaseAdmin().seed(includeDemo: demo)
        print("seeded: \(loaded.joined(separator: ", "))")
    }
}
