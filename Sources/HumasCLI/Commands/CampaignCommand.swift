import ArgumentParser
import Humas
import Postgres

struct CampaignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Campaigns: outreach efforts that group activities and mailings.",
        discussion: """
            A campaign of KPU RI or a province is visible to every office below it, which attaches
            its own activities (humas interaction log --campaign) and mailings to it.

            Examples:
              humas campaign create "Sosialisasi Pilkada 2029" --starts 2029-01-01 --ends 2029-11-30
              humas campaign list
              humas campaign show "Sosialisasi Pilkada 2029"
            """,
        subcommands: [Create.self, List.self, Show.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a campaign for your unit (or one below it).",
            discussion: "Example: humas campaign create \"Gerakan Coklit Serentak\" --starts 2029-02-01 --ends 2029-03-15")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The campaign's name.") var name: String
        @Option(help: "What it is for.") var description: String?
        @Option(help: ArgumentHelp("First day (YYYY-MM-DD).", valueName: "date")) var starts: String?
        @Option(help: ArgumentHelp("Last day (YYYY-MM-DD).", valueName: "date")) var ends: String?
        @Option(help: ArgumentHelp("Owning unit's code (default: yours).", valueName: "code")) var unit: String?

        func run() async throws {
            let new = NewCampaign(name: name, description: description,
                                  startsOn: try starts.map { try PostgresDate(userInput: $0, field: "starts_on") },
                                  endsOn: try ends.map { try PostgresDate(userInput: $0, field: "ends_on") }, unit: unit)
            let campaign = try await session.withSession { try await $0.campaigns.create(new) }
            if output.json { return try output.printJSON(campaign) }
            print("campaign \(campaign.id) created: \(campaign.name) (\(campaign.unitName))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the campaigns you can see: your units' and those handed down.",
            discussion: "Example: humas campaign list --json")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let campaigns = try await session.withSession { try await $0.campaigns.list() }
            if output.json { return try output.printJSON(ItemsPage(items: campaigns)) }
            var table = TextTable(columns: ["ID", "Name", "Unit", "Starts", "Ends"])
            for c in campaigns {
                table.add([String(c.id), c.name, c.unitName, c.startsOn?.description ?? "", c.endsOn?.description ?? ""])
            }
            print(table.render())
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a campaign and which offices took part, with how many activities and mailings.",
            discussion: "Example: humas campaign show 3")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The campaign's id or name.") var campaign: String

        func run() async throws {
            let detail = try await session.withSession { try await $0.campaigns.show(campaign) }
            if output.json { return try output.printJSON(detail) }
            let c = detail.campaign
            printFields([("Campaign", "\(c.id) \(c.name)"), ("Unit", c.unitName),
                         ("Period", "\(c.startsOn?.description ?? "…") – \(c.endsOn?.description ?? "…")"),
                         ("Description", c.description ?? "")])
            print()
            var table = TextTable(columns: ["Unit", "Name", "Activities", "Mailings"])
            for p in detail.participation {
                table.add([p.unitCode, p.unitName, String(p.interactions), String(p.mailings)])
            }
            print(detail.participation.isEmpty ? "No activities or mailings yet in your scope." : table.render())
        }
    }
}
