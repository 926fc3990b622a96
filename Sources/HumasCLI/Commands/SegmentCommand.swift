import ArgumentParser
import Humas

/// `humas segment …`: saved filters over the directory, resolved live.
struct SegmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Saved segments: filters over the contacts, resolved each time they are used.",
        discussion: """
            A segment stores the question, not the answer: `humas segment contacts` finds the \
            matching contacts as the directory is now, within what you may see.

            Examples:
              humas segment create "Wartawan pemilu Jateng" --category journalist --beat pemilu --under ID-JT --has-email
              humas segment contacts "Wartawan pemilu Jateng"
            """,
        subcommands: [Create.self, List.self, Show.self, Contacts.self, Delete.self])

    /// `--has-email` / `--no-email`.
    enum EmailPresence: String, EnumerableFlag {
        case hasEmail, noEmail

        static func help(for value: EmailPresence) -> ArgumentHelp? {
            value == .hasEmail ? "Only contacts with an e-mail." : "Only contacts without an e-mail."
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save a segment.",
            discussion: """
                Every filter is optional; together they must all hold. The organization filters \
                (--organization-kind, --organization, --party, --media-type, --beat) must hold on one \
                current affiliation.

                Examples:
                  humas segment create "Wartawan pemilu Jateng" --category journalist --beat pemilu --under ID-JT --has-email
                  humas segment create "Pengurus PKB" --party 1 --exclude-opted-out
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The segment's name, unique within its unit.") var name: String
        @Option(help: "What the segment is for.") var description: String?
        @Option(help: ArgumentHelp("The owning unit (default: yours).", valueName: "code")) var unit: String?
        @Option(name: .customLong("query"), help: ArgumentHelp("Free text over names and organization names.", valueName: "text"))
        var q: String?
        @Option(help: "journalist, party_official, agency_official, observer, academic, community_leader, influencer or other.")
        var category: String?
        @Option(help: "media_outlet, political_party, government_agency, election_observer, civil_society, university or other.")
        var organizationKind: String?
        @Option(help: ArgumentHelp("An organization's id (its branches included).", valueName: "id")) var organization: Int64?
        @Option(help: ArgumentHelp("A party's ballot number or name (its branches included).", valueName: "party"))
        var party: String?
        @Option(help: "print, online, tv, radio or news_agency.") var mediaType: String?
        @Option(help: "The affiliation's beat (desk), e.g. pemilu.") var beat: String?
        @Option(help: "A tag the contact has.") var tag: String?
        @Option(help: ArgumentHelp("Only contacts of this unit and below.", valueName: "code")) var under: String?
        @Flag var email: EmailPresence?
        @Flag(help: "Leave out contacts who opted out.") var excludeOptedOut = false

        func run() async throws {
            let filter = SegmentFilter(
                q: q, category: category, organizationKind: organizationKind, organization: organization, party: party,
                mediaType: mediaType, beat: beat, tag: tag, under: under, hasEmail: email.map { $0 == .hasEmail },
                excludeOptedOut: excludeOptedOut ? true : nil)
            let segment = try await session.withSession {
                try await $0.segments.create(name: name, description: description, filter: filter, unit: unit)
            }
            if output.json { return try output.printJSON(segment) }
            print("created segment \(segment.id) '\(segment.name)' of \(segment.unitCode): \(segment.filter.summary)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the segments you can see.", discussion: "Example: humas segment list")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let segments = try await session.withSession { try await $0.segments.list() }
            if output.json { return try output.printJSON(segments) }
            var table = TextTable(columns: ["ID", "NAME", "UNIT", "FILTER"], maxColumnWidth: 60)
            for segment in segments {
                table.add([String(segment.id), segment.name, segment.unitCode, segment.filter.summary])
            }
            print(table.render())
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a segment's filter.", discussion: "Example: humas segment show \"Wartawan pemilu Jateng\"")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The segment's id or name.") var segment: String

        func run() async throws {
            let found = try await session.withSession { try await $0.segments.show(segment) }
            if output.json { return try output.printJSON(found) }
            printFields([
                ("id", String(found.id)), ("name", found.name), ("description", found.description ?? ""),
                ("unit", "\(found.unitCode) (\(found.unitName))"), ("filter", found.filter.summary),
            ])
        }
    }

    struct Contacts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The contacts a segment matches now.",
            discussion: """
                Examples:
                  humas segment contacts "Wartawan pemilu Jateng"
                  humas segment contacts 4 --limit 100 --cursor <next page cursor>
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The segment's id or name.") var segment: String
        @Option(help: "Contacts per page, 1–1000.") var limit = 50
        @Option(help: "The next-page cursor a previous call printed.") var cursor: String?

        func run() async throws {
            let page = try await session.withSession { try await $0.segments.resolve(segment, limit: limit, cursor: cursor) }
            if output.json { return try output.printJSON(page) }
            print(memberTable(page.contacts).render())
            let total = page.totalIsAtLeast ? "more than \(page.total)" : String(page.total)
            print("\(total) contact(s) match '\(page.segment.name)'")
            if let next = page.nextCursor { print("next page: --cursor \(next)") }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Delete a segment (kept in the audit trail).", discussion: "Example: humas segment rm 4")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The segment's id or name.") var segment: String

        func run() async throws {
            let deleted = try await session.withSession { try await $0.segments.delete(segment) }
            if output.json { return try output.printJSON(deleted) }
            print("deleted segment \(deleted.id) '\(deleted.name)'")
        }
    }
}

extension SegmentFilter {
    /// `category=journalist beat=pemilu under=ID-JT has_email`, for tables.
    var summary: String {
        var parts: [String] = []
        if let q { parts.append("q=\"\(q)\"") }
        if let category { parts.append("category=\(category)") }
        if let organizationKind { parts.append("organization_kind=\(organizationKind)") }
        if let organization { parts.append("organization=\(organization)") }
        if let party { parts.append("party=\(party)") }
        if let mediaType { parts.append("media_type=\(mediaType)") }
        if let beat { parts.append("beat=\(beat)") }
        if let tag { parts.append("tag=\(tag)") }
        if let under { parts.append("under=\(under)") }
        if let hasEmail { parts.append(hasEmail ? "has_email" : "no_email") }
        if excludeOptedOut == true { parts.append("not_opted_out") }
        return parts.isEmpty ? "(all contacts you can see)" : parts.joined(separator: " ")
    }
}
