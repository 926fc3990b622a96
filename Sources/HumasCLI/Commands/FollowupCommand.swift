import ArgumentParser
import Humas
import Postgres

struct FollowupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Follow-ups (tindak lanjut) of activities: what to do, who, by when.",
        discussion: """
            Examples:
              humas followup add --interaction 42 --action "Kirim rilis ke media" \\
                --assignee editor.kota-semarang@humas.example --due 2025-10-16
              humas followup list --due --mine
              humas followup done 7
            """,
        subcommands: [Add.self, List.self, Done.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a follow-up to an activity.",
            discussion: """
                Example:
                  humas followup add --interaction 42 --action "Unggah foto kegiatan" \\
                    --assignee viewer.kota-semarang@humas.example --due 2025-10-15
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("The activity's id.", valueName: "id")) var interaction: Int64
        @Option(help: "What to do.") var action: String
        @Option(help: ArgumentHelp("Who does it: a user of the activity's unit or below.", valueName: "email")) var assignee: String?
        @Option(help: ArgumentHelp("Due day (YYYY-MM-DD).", valueName: "date")) var due: String?

        func run() async throws {
            let new = NewFollowup(interactionID: interaction, action: action, assignee: assignee,
                                  dueOn: try due.map { try PostgresDate(userInput: $0, field: "due_on") })
            let followup = try await session.withSession { try await $0.followups.add(new) }
            if output.json { return try output.printJSON(followup) }
            printFollowupTable([followup])
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List follow-ups, open ones by due day first.",
            discussion: """
                Examples:
                  humas followup list --due --mine
                  humas followup list --interaction 42
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Flag(help: "Only open ones due today or earlier.") var due = false
        @Flag(help: "Only those assigned to you.") var mine = false
        @Flag(help: "Only open ones.") var open = false
        @Option(help: ArgumentHelp("Only this activity's.", valueName: "id")) var interaction: Int64?

        func run() async throws {
            let filter = FollowupFilter(due: due, mine: mine, open: open, interaction: interaction)
            let followups = try await session.withSession { try await $0.followups.list(filter) }
            if output.json { return try output.printJSON(ItemsPage(items: followups)) }
            printFollowupTable(followups)
        }
    }

    struct Done: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a follow-up done (today, unless --on).",
            discussion: "Example: humas followup done 7")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The follow-up's id.") var id: Int64
        @Option(help: ArgumentHelp("The day it was done (YYYY-MM-DD).", valueName: "date")) var on: String?

        func run() async throws {
            let day = try on.map { try PostgresDate(userInput: $0, field: "on") }
            let followup = try await session.withSession { try await $0.followups.done(id, on: day) }
            if output.json { return try output.printJSON(followup) }
            print("follow-up \(id) done on \(followup.doneOn?.description ?? "")")
        }
    }
}
