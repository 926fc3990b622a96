import ArgumentParser
import Humas

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The audit trail: every change, who made it, before and after.",
        discussion: """
            Admins read the changes of their unit and the units below it.

            Example:
              humas audit list --entity contact --id 12
            """,
        subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List recent changes, newest first.",
            discussion: """
                With --json, each entry carries the record's before and after as JSON objects.

                Examples:
                  humas audit list --limit 20
                  humas audit list --entity contact --id 12 --json
                  humas audit list --before 1040
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("Only changes of this kind of record: contact, organization, user, token, …", valueName: "entity"))
        var entity: String?
        @Option(help: ArgumentHelp("Only changes of the record with this id.", valueName: "id")) var id: Int64?
        @Option(help: ArgumentHelp("At most this many entries (1–1000).", valueName: "n")) var limit = 50
        @Option(help: ArgumentHelp("Only entries older than this audit id (the next page).", valueName: "audit-id")) var before: Int64?

        func run() async throws {
            let entries = try await session.withSession {
                try await $0.audit.list(entity: entity, entityID: id, limit: limit, before: before)
            }
            if output.json { return try output.printJSON(entries) }
            var table = TextTable(columns: ["ID", "AT", "ACTOR", "UNIT", "ACTION", "ENTITY", "CHANGED"], maxColumnWidth: 48)
            for entry in entries {
                let record = entry.entity + (entry.entityID.map { " \($0)" } ?? "")
                // A creation or hard delete changes every column: listing them all says nothing.
                let changed = entry.before != nil && entry.after != nil ? entry.changedFields.joined(separator: ", ") : ""
                table.add([
                    String(entry.id), formatTimestamp(entry.at), entry.actorEmail ?? "", entry.unitCode, entry.action, record,
                    changed,
                ])
            }
            print(table.render())
        }
    }
}
