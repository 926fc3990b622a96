import ArgumentParser
import Foundation
import Humas
import Postgres

extension InteractionCommand {
    struct AgendaCommand: AsyncParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, json, ics
        }

        static let configuration = CommandConfiguration(
            commandName: "agenda",
            abstract: "Activities between two days for your unit and those below it: a table, JSON, or an iCalendar file.",
            discussion: """
                The .ics file imports into Google Calendar, Outlook and Thunderbird;
                a calendar app can also subscribe to the API's feed,
                GET /v1/agenda.ics?from=…&to=…&token=… (see the README).
                At most 366 days at a time.

                Examples:
                  humas interaction agenda --from 2025-10-01 --to 2025-10-31
                  humas interaction agenda --from 2025-10-01 --to 2025-10-31 \\
                    --format ics > oktober.ics
                """)

        @OptionGroup var session: SessionOptions
        @Option(help: ArgumentHelp("First local day (YYYY-MM-DD).", valueName: "date")) var from: String
        @Option(help: ArgumentHelp("Last local day, inclusive.", valueName: "date")) var to: String
        @Option(help: ArgumentHelp("Only this unit and those below it.", valueName: "code")) var under: String?
        @Option(help: "table, json or ics.") var format: Format = .table
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let first = try PostgresDate(userInput: from, field: "from")
            let last = try PostgresDate(userInput: to, field: "to")
            let agenda = try await session.withSession { try await $0.interactions.agenda(from: first, to: last, under: under) }
            switch output.json ? .json : format {
            case .ics:
                FileHandle.standardOutput.write(Data(agenda.iCalendar.utf8))
            case .json:
                try output.printJSON(ItemsPage(items: agenda.interactions))
            case .table:
                print("Agenda \(agenda.unitName), \(agenda.from) – \(agenda.to) (\(agenda.zone.abbreviation))")
                var table = TextTable(columns: ["ID", "STARTS", "ENDS", "KIND", "MODE", "STATUS", "UNIT", "TITLE", "PLACE"])
                for interaction in agenda.interactions {
                    let starts = LocalTime(interaction.startsAt.date, in: agenda.zone)
                    table.add([String(interaction.id), starts.description,
                               interaction.endsAt.map { LocalTime($0.date, in: agenda.zone).description } ?? "",
                               interaction.kind.rawValue, interaction.mode.rawValue, interaction.status.rawValue,
                               interaction.unitCode, interaction.title, interaction.place ?? interaction.meetingUrl ?? ""])
                }
                print(table.render())
            }
        }
    }
}
