import ArgumentParser
import Humas
import Postgres

struct AffiliationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "affiliation",
        abstract: "Who works where: a contact's role and beat at an organization, with history.",
        discussion: """
            Examples:
              humas affiliation add --contact 42 --organization 7 --title Wartawan --beat pemilu --started-on 2023-01-01
              humas affiliation move --contact 42 --from 7 --to 9 --on 2024-06-01
            """,
        subcommands: [Add.self, End.self, Move.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Affiliate a contact with an organization.",
            discussion: "Example: humas affiliation add --contact 42 --organization 7 --title Redaktur --beat politik --started-on 2021-02-01")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("The contact's id.", valueName: "id")) var contact: Int64
        @Option(help: ArgumentHelp("The organization's id.", valueName: "id")) var organization: Int64
        @Option(help: "Role or jabatan, e.g. Wartawan or Sekretaris.") var title: String?
        @Option(help: "Desk, e.g. politik, pemilu, hukum.") var beat: String?
        @Option(help: ArgumentHelp("First day (YYYY-MM-DD).", valueName: "date")) var startedOn: String?
        @Option(help: ArgumentHelp("Last day, for a past affiliation (YYYY-MM-DD).", valueName: "date")) var endedOn: String?

        func run() async throws {
            let new = NewAffiliation(
                contactID: contact, organizationID: organization, title: title, beat: beat,
                startedOn: try startedOn.map { try PostgresDate(userInput: $0, field: "started_on") },
                endedOn: try endedOn.map { try PostgresDate(userInput: $0, field: "ended_on") })
            let affiliation = try await session.withSession { try await $0.affiliations.add(new) }
            try printAffiliation(affiliation, output)
        }
    }

    struct End: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "End a current affiliation; it stays in the contact's history.",
            discussion: "Example: humas affiliation end 15 --on 2024-05-31")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The affiliation's id (see `humas contact show`).") var id: Int64
        @Option(name: [.customLong("on"), .customLong("ended-on")], help: ArgumentHelp("Last day (YYYY-MM-DD).", valueName: "date"))
        var endedOn: String

        func run() async throws {
            let day = try PostgresDate(userInput: endedOn, field: "ended_on")
            let affiliation = try await session.withSession { try await $0.affiliations.end(id, on: day) }
            try printAffiliation(affiliation, output)
        }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a contact to another organization: ends the current affiliation and starts a new one.",
            discussion: "Example: humas affiliation move --contact 42 --from 7 --to 9 --on 2024-06-01 --title Redaktur")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("The contact's id.", valueName: "id")) var contact: Int64
        @Option(help: ArgumentHelp("The organization the contact leaves.", valueName: "id")) var from: Int64
        @Option(help: ArgumentHelp("The organization the contact joins.", valueName: "id")) var to: Int64
        @Option(help: ArgumentHelp("The day of the move (YYYY-MM-DD): the new affiliation's first day.", valueName: "date")) var on: String
        @Option(help: "New role (default: the old one).") var title: String?
        @Option(help: "New beat (default: the old one).") var beat: String?

        func run() async throws {
            let day = try PostgresDate(userInput: on, field: "on")
            let move = try await session.withSession {
                try await $0.affiliations.move(contact: contact, from: from, to: to, on: day, title: title, beat: beat)
            }
            if output.json { return try output.printJSON(move) }
            print("ended affiliation \(move.ended.id) with \(move.ended.organizationName) on \(day)")
            print("started affiliation \(move.started.id) with \(move.started.organizationName) on \(day)")
        }
    }
}

private func printAffiliation(_ affiliation: Affiliation, _ output: OutputOptions) throws {
    if output.json { return try output.printJSON(affiliation) }
    printFields([
        ("id", String(affiliation.id)), ("contact", String(affiliation.contactID)),
        ("organization", "\(affiliation.organizationName) (\(affiliation.organizationID))"),
        ("title", affiliation.title ?? ""), ("beat", affiliation.beat ?? ""),
        ("started on", affiliation.startedOn?.description ?? ""), ("ended on", affiliation.endedOn?.description ?? "current"),
    ])
}
