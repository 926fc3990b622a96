import ArgumentParser

/// The root `humas` command; each subcommand lives in its own file under `Commands/`.
struct HumasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "humas",
        abstract: "Stakeholder and media CRM for KPU humas teams.",
        discussion: """
            With no DATABASE_URL, humas uses a local PostgreSQL under .humas/ (start it with `humas db up`).

            Examples:
              humas db up && humas seed
              export HUMAS_AS=admin@kpu.go.id
              humas contact search "budi santoso" --under ID-JT
            """,
        subcommands: [
            DatabaseCommand.self, SeedCommand.self, ServeCommand.self, UnitCommand.self, UserCommand.self,
            TokenCommand.self, OrgCommand.self, ContactCommand.self, AffiliationCommand.self, ListCommand.self,
            SegmentCommand.self, InteractionCommand.self, FollowupCommand.self, CampaignCommand.self, MailingCommand.self,
            WorkerCommand.self, AuditCommand.self, DevCommand.self,
        ]
    )
}
