import ArgumentParser
import Foundation
import Humas

struct ContactCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "Contacts: journalists, party officials, agency officials, …",
        discussion: """
            Examples:
              humas contact search "budi santoso" --beat pemilu --under ID-JT
              humas contact add --name "Budi Santoso" --sapaan Bapak --category journalist --email budi@example.id --phone 0812-3456-7890 --tag pemilu
            """,
        subcommands: [Add.self, List.self, Search.self, Show.self, Edit.self, Remove.self, ContactTimelineCommand.self])

    /// The segment filters, shared by `list` and `search`.
    struct Filters: ParsableArguments {
        @Option(help: "Only this category (journalist, party_official, …).") var category: Contact.Category?
        @Option(help: "Only contacts currently at an organization of this kind.") var organizationKind: Organization.Kind?
        @Option(help: ArgumentHelp("Only contacts currently at this organization or its branches.", valueName: "id"))
        var organization: Int64?
        @Option(help: "Only contacts currently at this party or its branches (ballot number or short name).") var party: String?
        @Option(help: "Only contacts currently at a media outlet of this type.") var mediaType: Organization.MediaType?
        @Option(help: "Only contacts currently on this beat (desk), e.g. pemilu.") var beat: String?
        @Option(help: "Only contacts with this tag.") var tag: String?
        @Option(help: ArgumentHelp("Only contacts owned in this unit's subtree.", valueName: "code")) var under: String?
        @Flag(inversion: .prefixedNo, help: "Only contacts with (or, --no-has-email, without) an e-mail address.") var hasEmail: Bool?
        @Flag(help: "Leave out contacts who opted out of mailings.") var excludeOptedOut = false

        var value: ContactFilters {
            var filters = ContactFilters()
            filters.category = category
            filters.organizationKind = organizationKind
            filters.organization = organization
            filters.party = party
            filters.mediaType = mediaType
            filters.beat = beat
            filters.tag = tag
            filters.under = under
            filters.hasEmail = hasEmail
            filters.excludeOptedOut = excludeOptedOut ? true : nil
            return filters
        }
    }

    /// Fields shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(name: [.customLong("sapaan"), .customLong("honorific")], help: "Sapaan (honorific): Bapak, Ibu, …") var sapaan: String?
        @Option(help: "journalist, party_official, agency_official, observer, academic, community_leader, influencer or other.")
        var category: Contact.Category?
        @Option(name: .customLong("email"), help: "E-mail address (repeat for several; the first is primary).") var emails: [String] = []
        @Option(name: .customLong("phone"), help: "Phone number (repeat for several; the first is primary).") var phones: [String] = []
        @Option(help: ArgumentHelp("Social handle as network=handle, e.g. x=@budi (repeat for several).", valueName: "network=handle"))
        var social: [String] = []
        @Option(help: ArgumentHelp("Owning unit (default: yours).", valueName: "code")) var unit: String?
        @Option(name: .customLong("tag"), help: "Tag (repeat for several).") var tags: [String] = []
        @Option(help: "Legal basis for keeping the data: consent, contract, legal_obligation, vital_interest, public_task, legitimate_interest.")
        var legalBasis: Contact.LegalBasis?
        @Option(help: "How and when consent was given.") var consentNote: String?
        @Option(help: "Free notes.") var notes: String?
        @Flag(help: "Add or save even when another contact has one of these e-mails or phones.") var allowDuplicate = false
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a contact.",
            discussion: """
                E-mails and phones are normalized (0812-3456-7890 → +6281234567890). A contact whose e-mail or phone
                you can already see elsewhere is refused with that contact's id; --allow-duplicate adds it anyway.

                Example: humas contact add --name "Budi Santoso" --sapaan Bapak --category journalist --email budi@example.id --phone 0812-3456-7890 --tag pemilu
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Full name.") var name: String
        @OptionGroup var fields: Fields
        @Flag(help: "The contact asked not to receive mailings.") var optedOut = false

        func run() async throws {
            var new = NewContact(fullName: name)
            new.honorific = fields.sapaan
            new.category = fields.category ?? .other
            new.emails = fields.emails
            new.phones = fields.phones
            new.social = try parseSocial(fields.social)
            new.unitCode = fields.unit
            new.tags = fields.tags
            new.legalBasis = fields.legalBasis
            new.consentNote = fields.consentNote
            new.optedOut = optedOut
            new.notes = fields.notes
            new.allowDuplicate = fields.allowDuplicate
            let contact = try await session.withSession { [new] in try await $0.contacts.add(new) }
            try printContact(contact, output)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List contacts you can see, by name.",
            discussion: """
                Examples:
                  humas contact list --category journalist --under ID-JT-KOTA-SEMARANG
                  humas contact list --party PKB --limit 20
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var page: PageOptions
        @OptionGroup var filters: Filters

        func run() async throws {
            let result = try await session.withSession {
                try await $0.contacts.list(filters.value, limit: page.limit, cursor: page.cursor)
            }
            try printContactPage(result, output, page)
        }
    }

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search contacts by name or organization, forgiving case, accents and typos.",
            discussion: """
                Examples:
                  humas contact search "budi santoso" --beat pemilu --under ID-JT
                  humas contact search "suara jateng" --json
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var page: PageOptions
        @OptionGroup var filters: Filters
        @Argument(help: "Words of the name or of the organization's name.") var query: String

        func run() async throws {
            let result = try await session.withSession {
                try await $0.contacts.search(query, filters: filters.value, limit: page.limit, cursor: page.cursor)
            }
            try printContactPage(result, output, page, query: query)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one contact with its affiliations, current and past.", discussion: "Example: humas contact show 42")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The contact's id.") var id: Int64

        func run() async throws {
            let contact = try await session.withSession { try await $0.contacts.show(id) }
            try printContact(contact, output)
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change some fields of a contact; the others stay.",
            discussion: """
                Repeated options (--email, --phone, --tag, --social) replace the whole list. An empty value clears a text field.

                Example: humas contact edit 42 --phone 0812-3456-7890 --phone "(024) 351 0000" --opted-out
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The contact's id.") var id: Int64
        @Option(help: "New full name.") var name: String?
        @OptionGroup var fields: Fields
        @Flag(name: .customLong("opted-out"), help: "The contact opted out of mailings.") var optedOut = false
        @Flag(name: .customLong("opted-in"), help: "The contact opted in again.") var optedIn = false

        func validate() throws {
            if optedOut && optedIn { throw ValidationError("--opted-out and --opted-in exclude each other") }
        }

        func run() async throws {
            var changes = ContactChanges()
            changes.fullName = name
            changes.honorific = fields.sapaan
            changes.category = fields.category
            changes.emails = fields.emails.isEmpty ? nil : fields.emails
            changes.phones = fields.phones.isEmpty ? nil : fields.phones
            changes.social = fields.social.isEmpty ? nil : try parseSocial(fields.social)
            changes.unitCode = fields.unit
            changes.tags = fields.tags.isEmpty ? nil : fields.tags
            changes.legalBasis = fields.legalBasis
            changes.consentNote = fields.consentNote
            changes.optedOut = optedOut ? true : optedIn ? false : nil
            changes.notes = fields.notes
            changes.allowDuplicate = fields.allowDuplicate
            let contact = try await session.withSession { [changes] in try await $0.contacts.edit(id, changes) }
            try printContact(contact, output)
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Remove a contact (soft delete, audited).", discussion: "Example: humas contact rm 42")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The contact's id.") var id: Int64

        func run() async throws {
            try await session.withSession { try await $0.contacts.remove(id) }
            if output.json { return try output.printJSON(Removal(entity: "contact", removed: id)) }
            print("removed contact \(id)")
        }
    }
}

private func printContactPage(_ page: ContactPage, _ output: OutputOptions, _ options: PageOptions, query: String? = nil) throws {
    if output.json { return try output.printJSON(page) }
    // A person at a terminal gets a sentence, not an empty table; a pipe still gets the header.
    if page.contacts.isEmpty, options.cursor == nil, isatty(STDOUT_FILENO) == 1 {
        return print(query.map { "no contacts match \"\($0)\"" } ?? "no contacts")
    }
    var table = TextTable(columns: ["ID", "NAME", "SAPAAN", "CATEGORY", "UNIT", "PRIMARY E-MAIL", "PRIMARY PHONE", "CURRENT ORGANIZATION"])
    for contact in page.contacts {
        table.add([String(contact.id), contact.fullName, contact.honorific ?? "", contact.category.rawValue, contact.unitCode,
                   contact.primaryEmail ?? "", contact.primaryPhone ?? "", contact.currentOrganization ?? ""])
    }
    print(table.render())
    options.printNextHint(page.nextCursor)
}

private func printContact(_ contact: Contact, _ output: OutputOptions) throws {
    if output.json { return try output.printJSON(contact) }
    printFields([
        ("id", String(contact.id)), ("name", contact.fullName), ("sapaan", contact.honorific ?? ""),
        ("category", contact.category.rawValue), ("e-mails", contact.emails.joined(separator: ", ")),
        ("phones", contact.phones.joined(separator: ", ")),
        ("social", contact.social.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")),
        ("unit", "\(contact.unitCode) (\(contact.unitName))"), ("tags", contact.tags.joined(separator: ", ")),
        ("legal basis", contact.legalBasis?.rawValue ?? ""), ("consent note", contact.consentNote ?? ""),
        ("opted out", contact.optedOutAt.map(formatTimestamp) ?? "no"), ("notes", contact.notes ?? ""),
    ])
    guard let affiliations = contact.affiliations, !affiliations.isEmpty else { return }
    print("")
    var table = TextTable(columns: ["AFFILIATION", "ORGANIZATION", "TITLE", "BEAT", "FROM", "TO"])
    for affiliation in affiliations {
        table.add([String(affiliation.id), "\(affiliation.organizationName) (\(affiliation.organizationID))",
                   affiliation.title ?? "", affiliation.beat ?? "", affiliation.startedOn?.description ?? "",
                   affiliation.endedOn?.description ?? "now"])
    }
    print(table.render())
}
