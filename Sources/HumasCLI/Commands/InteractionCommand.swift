import ArgumentParser
import Humas
import Postgres

struct InteractionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interaction",
        abstract: "Activities (kegiatan): log what the office did, plan what it will do, with whom, for which Bakohumas strategy.",
        discussion: """
            Times without an offset are the owning unit's local time (WIB, WITA or WIT).

            Examples:
              humas interaction log --kind press_conference --mode luring \\
                --strategy informasi --title "Konferensi pers rekapitulasi" \\
                --starts "2025-10-14 09:00" --ends "2025-10-14 11:00" \\
                --contact 12 --contact 14 --attended
              humas interaction list --quarter 2025-Q4 --strategy informasi
              humas interaction agenda --from 2025-10-01 --to 2025-10-31 \\
                --format ics > oktober.ics
            """,
        subcommands: [Log.self, List.self, Show.self, Edit.self, Cancel.self, Remove.self, Participants.self, Attend.self, AgendaCommand.self])

    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log an activity that happened, or plan one (a future start is planned).",
            discussion: """
                Examples:
                  humas interaction log --kind press_conference --mode luring \\
                    --strategy informasi --title "Konferensi pers DPT" \\
                    --starts "2025-10-14 09:00" --segment wartawan-semarang --attended
                  humas interaction log --kind socialization --mode luring \\
                    --strategy partisipasi --title "Sosialisasi bersama LO partai" \\
                    --starts "2026-01-20 13:00" --list lo-partai --audience 300
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var fields: InteractionFields
        @OptionGroup var who: ParticipantOptions
        @Option(help: ArgumentHelp("The owning unit's code (default: yours).", valueName: "code")) var unit: String?
        @Option(name: .customLong("coorganizer"), help: ArgumentHelp("A unit that held it too (repeat).", valueName: "code"))
        var coorganizers: [String] = []
        @Flag(help: "The participants attended (for an activity logged afterwards).") var attended = false
        @Option(help: ArgumentHelp("The campaign it belongs to (id or name; see `humas campaign list`).", valueName: "campaign"))
        var campaign: String?

        func run() async throws {
            guard let kind = fields.kind, let mode = fields.mode, let strategy = fields.strategy, let title = fields.title,
                  let starts = fields.starts else {
                throw ValidationError("give --kind, --mode, --strategy, --title and --starts (see --help for the values)")
            }
            var new = NewInteraction(kind: kind, mode: mode, strategy: strategy, title: title, startsAt: starts)
            new.endsAt = fields.ends
            new.place = fields.place
            new.meetingURL = fields.link
            new.summary = fields.summary
            new.outcome = fields.outcome
            new.status = fields.status
            new.documentationURLs = fields.documentation
            new.audienceCount = fields.audience
            new.unit = unit
            new.coorganizers = coorganizers
            new.participants = who.selection
            new.participantsAttended = attended
            new.campaign = campaign
            let interaction = try await session.withSession { try await $0.interactions.log(new) }
            try printInteraction(interaction, output)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the activities you can see, newest first.",
            discussion: """
                Examples:
                  humas interaction list --quarter 2025-Q4 --strategy informasi
                  humas interaction list --under ID-JT --kind socialization \\
                    --from 2025-01-01 --to 2025-06-30
                  humas interaction list --contact 12 --json
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var page: PageOptions
        @OptionGroup var filters: InteractionFilterOptions

        func run() async throws {
            let filter = try filters.value()
            let result = try await session.withSession { try await $0.interactions.list(filter, limit: page.limit, cursor: page.cursor) }
            if output.json { return try output.printJSON(result) }
            printInteractionTable(result.interactions)
            page.printNextHint(result.nextCursor)
        }
    }
}

/// The fields of an activity, shared by `log` and `edit`.
struct InteractionFields: ParsableArguments {
    @Option(help: "press_conference, press_release, coordination_meeting, media_gathering, interview, talkshow, audience, socialization, visit, focus_group, call, message, hoax_clarification or other.")
    var kind: String?
    @Option(help: "daring (online), luring (in person) or hybrid.") var mode: String?
    @Option(help: "Bakohumas strategy: jejaring, pertemuan, informasi, partisipasi, sarana, citra, evaluasi or sdm.") var strategy: String?
    @Option(help: "What it is, e.g. \"Konferensi pers penetapan DPT\".") var title: String?
    @Option(help: ArgumentHelp("Start: YYYY-MM-DD HH:MM in the unit's zone, or with an offset (+08:00) or WIB/WITA/WIT.", valueName: "time"))
    var starts: String?
    @Option(help: ArgumentHelp("End, written like --starts.", valueName: "time")) var ends: String?
    @Option(help: "Where it is held.") var place: String?
    @Option(help: ArgumentHelp("Meeting link for a daring or hybrid activity (https://…).", valueName: "url")) var link: String?
    @Option(help: "What happened or will happen.") var summary: String?
    @Option(help: "What came of it.") var outcome: String?
    @Option(help: "planned or done (default: done when it started in the past).") var status: String?
    @Option(help: ArgumentHelp("A link to photos, minutes or coverage (repeat).", valueName: "url")) var documentation: [String] = []
    @Option(help: "People reached who are not in the directory (e.g. 300 residents).") var audience: Int?
}

/// Who takes part: contacts, organizations, a list or a segment.
struct ParticipantOptions: ParsableArguments {
    @Option(name: .customLong("contact"), help: ArgumentHelp("A participating contact (repeat).", valueName: "id")) var contacts: [Int64] = []
    @Option(name: .customLong("organization"), help: ArgumentHelp("A participating organization (repeat).", valueName: "id"))
    var organizations: [Int64] = []
    @Option(help: ArgumentHelp("Every member of this list (id or name).", valueName: "list")) var list: String?
    @Option(help: ArgumentHelp("Every contact this segment matches now (id or name).", valueName: "segment")) var segment: String?
    @Option(help: "speaker, attendee, organizer, interviewer, interviewee, host, moderator, guest or observer.") var role = "attendee"

    var selection: ParticipantSelection {
        var selection = ParticipantSelection(contacts: contacts, organizations: organizations, list: list, segment: segment)
        selection.role = role
        return selection
    }
}

/// The filters of `interaction list`, as the API's query parameters.
struct InteractionFilterOptions: ParsableArguments {
    @Option(help: "Only this kind, e.g. press_conference.") var kind: String?
    @Option(help: "Only daring, luring or hybrid.") var mode: String?
    @Option(help: "Only this Bakohumas strategy.") var strategy: String?
    @Option(help: "Only planned, done or cancelled.") var status: String?
    @Option(help: ArgumentHelp("From this local day (YYYY-MM-DD).", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("To this local day, inclusive.", valueName: "date")) var to: String?
    @Option(help: ArgumentHelp("One triwulan, e.g. 2025-Q4.", valueName: "quarter")) var quarter: String?
    @Option(help: "One calendar year.") var year: Int?
    @Option(help: ArgumentHelp("Owned or co-organized by this unit or below.", valueName: "code")) var under: String?
    @Option(help: ArgumentHelp("With this contact taking part.", valueName: "id")) var contact: Int64?
    @Option(help: ArgumentHelp("With this organization (or its people) taking part.", valueName: "id")) var organization: Int64?

    func value() throws -> InteractionFilter {
        var filter = InteractionFilter()
        filter.kind = try kind.map { try InteractionKind.parse($0, field: "kind") }
        filter.mode = try mode.map { try InteractionMode.parse($0, field: "mode") }
        filter.strategy = try strategy.map { try BakohumasStrategy.parse($0, field: "strategy") }
        filter.status = try status.map { try InteractionStatus.parse($0, field: "status") }
        if let year { try filter.setYear(year) }
        if let quarter { try filter.setQuarter(quarter) }
        if let from { filter.from = try PostgresDate(userInput: from, field: "from") }
        if let to { filter.to = try PostgresDate(userInput: to, field: "to") }
        filter.under = under
        filter.contact = contact
        filter.organization = organization
        return filter
    }
}
