import ArgumentParser
import Humas
import HumasDevData

/// Tools for developers: fictional data at national scale.
struct DevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Developer tools: generate fictional national data for demos and load tests.",
        discussion: """
            Example:
              humas dev generate --contacts 100000 --interactions 100000 --seed 7
            """,
        subcommands: [Generate.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a deterministic, fictional national directory and activity log, and load them with COPY.",
            discussion: """
                --contacts adds media outlets in every province and at KPU RI, a provincial board of every \
                national party, and N contacts spread over all 553 units, with e-mails (all @*.example), \
                phones, tags and affiliations.
                --interactions adds N activities of all 553 offices over 2022 to early 2027 (done before \
                December 2026, planned after), with participants drawn from the seed's contacts, \
                co-organizing units and follow-ups; the seed's contacts must exist or be asked for too.
                The same seed always gives the same data; the rows are marked gen-<seed>-…, so generating \
                a seed again does nothing (or is refused when N differs). Each part loads as the database \
                owner in one transaction: all or nothing.

                Examples:
                  humas dev generate --contacts 2000
                  humas dev generate --contacts 1000000 --interactions 1000000 --seed 2024
                """)

        @OptionGroup var output: OutputOptions
        @Option(help: "How many contacts to generate (1 to 10,000,000).") var contacts: Int?
        @Option(help: "How many activities to generate (1 to 10,000,000), after the contacts.") var interactions: Int?
        @Option(help: "The data set's seed: the same seed gives the same data.") var seed: UInt64 = 1

        func validate() throws {
            guard contacts != nil || interactions != nil else {
                throw ValidationError("give --contacts N, --interactions N or both")
            }
        }

        func run() async throws {
            // Both counts are checked before anything is loaded.
            let contactGenerator = try contacts.map { try NationalDataGenerator(contacts: $0, seed: seed) }
            let interactionGenerator = try interactions.map { try InteractionGenerator(interactions: $0, seed: seed) }
            var report = GenerationReport(contacts: nil, interactions: nil)
            if let contactGenerator {
                report.contacts = try await withProgressBar(total: contactGenerator.contacts, label: "Generating contacts", \.contactsLoaded) {
                    try await contactGenerator.generate(progress: $0)
                }
            }
            if let interactionGenerator {
                report.interactions = try await withProgressBar(
                    total: interactionGenerator.interactions, label: "Generating interactions", \.interactionsLoaded
                ) {
                    try await interactionGenerator.generate(progress: $0)
                }
            }
            if output.json { return try output.printJSON(report) }
            if let summary = report.contacts { print(Self.describe(summary)) }
            if let summary = report.interactions { print(Self.describe(summary)) }
        }

        private static func describe(_ summary: NationalDataGenerator.Summary) -> String {
            if summary.alreadyPresent {
                return "seed \(summary.seed) is already generated (\(summary.contacts) contacts, \(summary.organizations) organizations): nothing to do"
            }
            return "generated seed \(summary.seed): \(summary.contacts) contacts, \(summary.organizations) organizations, "
                + "\(summary.affiliations) affiliations in \(tenths(summary.seconds)) s"
        }

        private static func describe(_ summary: InteractionGenerator.Summary) -> String {
            let parts = "\(summary.interactions) interactions (\(summary.coorganized) co-organized), \(summary.participants) participants, "
                + "\(summary.followups) follow-ups"
            if summary.alreadyPresent { return "seed \(summary.seed) already has its activities (\(parts)): nothing to do" }
            return "generated activities of seed \(summary.seed): \(parts) in \(tenths(summary.seconds)) s"
        }

        private static func tenths(_ seconds: Double) -> Double { (seconds * 10).rounded() / 10 }
    }
}

/// Runs `work` while a progress bar shows how far it has got. The bar belongs to this task; the
/// loader's thread only sends it updates.
private func withProgressBar<Update: Sendable, Result: Sendable>(
    total: Int, label: String, _ loaded: @escaping @Sendable (Update) -> Int,
    _ work: @escaping @Sendable (_ progress: @escaping @Sendable (Update) -> Void) async throws -> Result
) async throws -> Result {
    let (updates, continuation) = AsyncStream.makeStream(of: Update.self)
    let task = Task {
        defer { continuation.finish() }
        return try await work { continuation.yield($0) }
    }
    let bar = ProgressBar(total: total, label: label)
    var shown = 0
    for await update in updates {
        bar.advance(by: loaded(update) - shown)
        shown = loaded(update)
    }
    let result = await task.result
    bar.finish()
    return try result.get()
}
