import ArgumentParser
import Humas

extension InteractionCommand {
    struct Participants: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show an activity's participants, or add some (contacts, organizations, a list, a segment).",
            discussion: """
                Examples:
                  humas interaction participants 42
                  humas interaction participants 42 --segment lo-partai-jateng
                  humas interaction participants 42 --contact 12 --role speaker
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The activity's id.") var id: Int64
        @OptionGroup var who: ParticipantOptions

        func run() async throws {
            let selection = who.selection
            if selection.contacts.isEmpty && selection.organizations.isEmpty && selection.list == nil && selection.segment == nil {
                let participants = try await session.withSession { try await $0.interactions.participants(id) }
                if output.json { return try output.printJSON(ItemsPage(items: participants)) }
                return printParticipantTable(participants)
            }
            let change = try await session.withSession { try await $0.interactions.addParticipants(id, selection) }
            if output.json { return try output.printJSON(change) }
            print("added \(change.added) participant(s) to interaction \(id)" + (change.alreadyPresent > 0 ? "; \(change.alreadyPresent) already there" : ""))
            printParticipantTable(change.participants)
        }
    }

    struct Attend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark attendance after the event: who came, who did not.",
            discussion: """
                Someone marked present who was not invited is added as a participant.
                Example: humas interaction attend 42 --contact 12 --contact 14 --absent 15
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The activity's id.") var id: Int64
        @Option(name: .customLong("contact"), help: ArgumentHelp("A contact who came (repeat).", valueName: "id")) var attended: [Int64] = []
        @Option(name: .customLong("absent"), help: ArgumentHelp("A contact who did not come (repeat).", valueName: "id")) var absent: [Int64] = []
        @Option(name: .customLong("organization"), help: ArgumentHelp("An organization that came (repeat).", valueName: "id"))
        var organizations: [Int64] = []
        @Option(name: .customLong("absent-organization"), help: ArgumentHelp("An organization that did not come (repeat).", valueName: "id"))
        var absentOrganizations: [Int64] = []

        func run() async throws {
            let attendance = Attendance(attendedContacts: attended, absentContacts: absent,
                                        attendedOrganizations: organizations, absentOrganizations: absentOrganizations)
            let change = try await session.withSession { try await $0.interactions.markAttendance(id, attendance) }
            if output.json { return try output.printJSON(change) }
            let came = change.participants.filter { $0.attended == true }.count
            print("interaction \(id): \(came) attended")
            printParticipantTable(change.participants)
        }
    }
}

/// A short list in the API's page shape: every item, `next_cursor: null`.
struct ItemsPage<Item: Encodable>: ItemsPageEncodable {
    var pageItems: [Item]
    var nextCursor: String? { nil }

    init(items: [Item]) { pageItems = items }
}
