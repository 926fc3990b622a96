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
              humas dev generate --contacts 100000 --seed 7
            """,
        subcommands: [Generate.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a deterministic, fictional national directory and load it with COPY.",
            discussion: """
                Adds media outlets in every province and at KPU RI, a provincial board of every national \
                party, and N contacts spread over all 553 units, with e-mails (all @*.example), phones, \
                tags and affiliations. The same seed always gives the same data; the rows are marked \
                gen-<seed>-…, so generating a seed again does nothing (or is refused when N differs).
                Loads as the database owner, in one transaction: all or nothing.

                Examples:
                  humas dev generate --contacts 2000
                  humas dev generate --contacts 1000000 --seed 2024
                """)

        @OptionGroup var output: OutputOptions
        @Option(help: "How many contacts to generate (1 to 10,000,000).") var contacts: Int
        @Option(help: "The data set's seed: the same seed gives the same data.") var seed: UInt64 = 1

        func run() async throws {
            let generator = try NationalDataGenerator(contacts: contacts, seed: seed)
            let (updates, continuation) = AsyncStream.makeStream(of: NationalDataGenerator.Progress.self)
            let work = Task {
                defer { continuation.finish() }
                return try await generator.generate { continuation.yield($0) }
            }
            // The bar belongs to this task; the loader's thread only sends it updates.
            let bar = ProgressBar(total: contacts, label: "Generating contacts")
            var shown = 0
            for await update in updates {
                bar.advance(by: update.contactsLoaded - shown)
                shown = update.contactsLoaded
            }
            let result = await work.result
            bar.finish()
            let summary = try result.get()
            if output.json { return try output.printJSON(summary) }
            if summary.alreadyPresent {
                print("seed \(summary.seed) is already generated (\(summary.contacts) contacts, \(summary.organizations) organizations): nothing to do")
            } else {
                let seconds = (summary.seconds * 10).rounded() / 10
                print("generated seed \(summary.seed): \(summary.contacts) contacts, \(summary.organizations) organizations, \(summary.affiliations) affiliations in \(seconds) s")
            }
        }
    }
}
