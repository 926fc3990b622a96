import ArgumentParser

/// The root `humas` command; each subcommand lives in its own file under `Commands/`.
struct HumasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "humas",
        abstract: "Stakeholder and media CRM for KPU humas teams.",
        discussion: """
            With no DATABASE_URL, humas uses a local PostgreSQL under .humas/ (start it with `humas db up`).

            Examples:
              humas db up
              humas seed
              humas db status
            """,
        subcommands: [DatabaseCommand.self, SeedCommand.self, UnitCommand.self, DevCommand.self]
    )
}
