import ArgumentParser
import Humas

extension InteractionCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show an activity with its participants and follow-ups.",
            discussion: "Example: humas interaction show 42")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The activity's id.") var id: Int64

        func run() async throws {
            let (interaction, participants, followups) = try await session.withSession { session in
                (try await session.interactions.show(id), try await session.interactions.participants(id),
                 try await session.followups.list(FollowupFilter(interaction: id)))
            }
            if output.json { return try output.printJSON(InteractionDetail(interaction: interaction, participants: participants, followups: followups)) }
            printInteractionFields(interaction)
            if !participants.isEmpty {
                print("")
                printParticipantTable(participants)
            }
            if !followups.isEmpty {
                print("")
                printFollowupTable(followups)
            }
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an activity's fields; the others stay.",
            discussion: """
                Examples:
                  humas interaction edit 42 --status done --outcome "12 media memuat berita"
                  humas interaction edit 42 --starts "2026-01-21 09:00" \\
                    --coorganizer ID-JT-KAB-DEMAK
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The activity's id.") var id: Int64
        @OptionGroup var fields: InteractionFields
        @Option(name: .customLong("coorganizer"), help: ArgumentHelp("Replaces the co-organizers (repeat; --no-coorganizers clears them).", valueName: "code"))
        var coorganizers: [String] = []
        @Flag(help: "Remove every co-organizer.") var noCoorganizers = false

        func run() async throws {
            var changes = InteractionChanges()
            changes.kind = fields.kind
            changes.mode = fields.mode
            changes.strategy = fields.strategy
            changes.title = fields.title
            changes.startsAt = fields.starts
            changes.endsAt = fields.ends
            changes.place = fields.place
            changes.meetingURL = fields.link
            changes.summary = fields.summary
            changes.outcome = fields.outcome
            changes.status = fields.status
            changes.documentationURLs = fields.documentation.isEmpty ? nil : fields.documentation
            changes.audienceCount = fields.audience
            changes.coorganizers = noCoorganizers ? [] : (coorganizers.isEmpty ? nil : coorganizers)
            let interaction = try await session.withSession { try await $0.interactions.edit(id, changes) }
            try printInteraction(interaction, output)
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel an activity, saying why; calendars show it cancelled.",
            discussion: "Example: humas interaction cancel 42 --reason \"Narasumber berhalangan hadir\"")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The activity's id.") var id: Int64
        @Option(help: "Why it is cancelled.") var reason: String

        func run() async throws {
            let interaction = try await session.withSession { try await $0.interactions.cancel(id, reason: reason) }
            try printInteraction(interaction, output)
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete an activity logged by mistake (kept in the audit trail).",
            discussion: "Example: humas interaction delete 42")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The activity's id.") var id: Int64

        func run() async throws {
            try await session.withSession { try await $0.interactions.remove(id) }
            if output.json { return try output.printJSON(Removal(entity: "interaction", removed: id)) }
            print("deleted interaction \(id)")
        }
    }
}

/// `interaction show --json`: the activity, who took part, and its follow-ups.
struct InteractionDetail: Encodable {
    var interaction: Interaction
    var participants: [Participant]
    var followups: [Followup]
}
