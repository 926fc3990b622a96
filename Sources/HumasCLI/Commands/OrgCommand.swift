import ArgumentParser
import Humas

struct OrgCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Organizations: media outlets, parties, agencies, observers, …",
        discussion: """
            Examples:
              humas org list --kind media_outlet --under ID-JT
              humas org add --name "Harian Kota" --kind media_outlet --media-type print
            """,
        subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self, OrganizationTimelineCommand.self])

    /// Fields shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "Short name or acronym, e.g. PKB or NTV.") var shortName: String?
        @Option(help: "For media outlets: print, online, tv, radio or news_agency.") var mediaType: Organization.MediaType?
        @Option(help: "For political parties: the ballot number (1–99).") var ballotNumber: Int?
        @Option(help: "For political parties: national or aceh_local.") var partyScope: Organization.PartyScope?
        @Option(help: "Region covered, e.g. Jawa Tengah.") var region: String?
        @Option(help: ArgumentHelp("Parent organization (this one is its branch or bureau).", valueName: "id")) var parent: Int64?
        @Option(help: ArgumentHelp("For a party branch: the national party (ballot number or short name).", valueName: "party"))
        var party: String?
        @Option(name: .customLong("email"), help: "E-mail address (repeat for several; the first is primary).") var emails: [String] = []
        @Option(name: .customLong("phone"), help: "Phone number (repeat for several; the first is primary).") var phones: [String] = []
        @Option(help: "Website URL.") var website: String?
        @Option(help: "Postal address.") var address: String?
        @Option(name: .customLong("tag"), help: "Tag (repeat for several).") var tags: [String] = []
        @Option(help: "Free notes.") var notes: String?
        @Option(help: ArgumentHelp("Owning unit (default: yours).", valueName: "code")) var unit: String?
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an organization.",
            discussion: """
                Examples:
                  humas org add --name "Semarang Pos" --kind media_outlet --media-type print --email redaksi@semarangpos.id
                  humas org add --name "DPD PKB Kota Semarang" --kind political_party --party PKB
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Name as the organization writes it.") var name: String
        @Option(help: "media_outlet, political_party, government_agency, election_observer, civil_society, university or other.")
        var kind: Organization.Kind
        @OptionGroup var fields: Fields

        func run() async throws {
            var new = NewOrganization(name: name, kind: kind)
            new.shortName = fields.shortName
            new.mediaType = fields.mediaType
            new.ballotNumber = fields.ballotNumber
            new.partyScope = fields.partyScope
            new.region = fields.region
            new.parentID = fields.parent
            new.party = fields.party
            new.emails = fields.emails
            new.phones = fields.phones
            new.website = fields.website
            new.address = fields.address
            new.tags = fields.tags
            new.notes = fields.notes
            new.unitCode = fields.unit
            let organization = try await session.withSession { try await $0.organizations.add(new) }
            try printOrganization(organization, output)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List organizations you can see.",
            discussion: """
                Examples:
                  humas org list --kind political_party
                  humas org list --kind media_outlet --media-type radio --under ID-JT --name gema
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var page: PageOptions
        @Option(help: "Only this kind.") var kind: Organization.Kind?
        @Option(help: "Only media outlets of this type.") var mediaType: Organization.MediaType?
        @Option(help: ArgumentHelp("Only organizations owned in this unit's subtree.", valueName: "code")) var under: String?
        @Option(help: "Only names containing this text (case- and accent-insensitive).") var name: String?
        @Option(help: "Only this national party and its branches (ballot number or short name).") var party: String?
        @Option(help: ArgumentHelp("Only organizations with a greater id (listings are in id order).", valueName: "id")) var after: Int64?

        func run() async throws {
            var filter = OrganizationFilter()
            filter.kind = kind
            filter.mediaType = mediaType
            filter.under = under
            filter.text = name
            filter.party = party
            filter.limit = page.limit
            filter.cursor = page.cursor
            filter.after = after
            let result = try await session.withSession { try await $0.organizations.list(filter) }
            if output.json { return try output.printJSON(result) }
            var table = TextTable(columns: ["ID", "NAME", "KIND", "TYPE", "PARENT", "UNIT"])
            for organization in result.organizations {
                let type = organization.mediaType?.rawValue ?? organization.ballotNumber.map { "no. \($0)" } ?? ""
                table.add([String(organization.id), organization.name, organization.kind.rawValue, type,
                           organization.parentName ?? "", organization.unitCode])
            }
            print(table.render())
            page.printNextHint(result.nextCursor)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one organization.", discussion: "Example: humas org show 25")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The organization's id.") var id: Int64

        func run() async throws {
            let organization = try await session.withSession { try await $0.organizations.show(id) }
            try printOrganization(organization, output)
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change some fields of an organization; the others stay.",
            discussion: """
                Repeated options (--email, --phone, --tag) replace the whole list. An empty value clears a text field.

                Example: humas org edit 25 --website https://semarangpos.id --tag media-lokal --tag cetak
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The organization's id.") var id: Int64
        @Option(help: "New name.") var name: String?
        @Option(help: "New kind.") var kind: Organization.Kind?
        @OptionGroup var fields: Fields

        func run() async throws {
            var changes = OrganizationChanges()
            changes.name = name
            changes.kind = kind
            changes.shortName = fields.shortName
            changes.mediaType = fields.mediaType
            changes.ballotNumber = fields.ballotNumber
            changes.partyScope = fields.partyScope
            changes.region = fields.region
            changes.parentID = fields.parent
            changes.party = fields.party
            changes.emails = fields.emails.isEmpty ? nil : fields.emails
            changes.phones = fields.phones.isEmpty ? nil : fields.phones
            changes.website = fields.website
            changes.address = fields.address
            changes.tags = fields.tags.isEmpty ? nil : fields.tags
            changes.notes = fields.notes
            changes.unitCode = fields.unit
            let organization = try await session.withSession { [changes] in try await $0.organizations.edit(id, changes) }
            try printOrganization(organization, output)
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Remove an organization (soft delete, audited).",
            discussion: "Example: humas org rm 25")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The organization's id.") var id: Int64

        func run() async throws {
            try await session.withSession { try await $0.organizations.remove(id) }
            if output.json { return try output.printJSON(Removal(entity: "organization", removed: id)) }
            print("removed organization \(id)")
        }
    }
}

private func printOrganization(_ organization: Organization, _ output: OutputOptions) throws {
    if output.json { return try output.printJSON(organization) }
    var fields: [(String, String)] = [
        ("id", String(organization.id)), ("name", organization.name), ("short name", organization.shortName ?? ""),
        ("kind", organization.kind.rawValue),
    ]
    if let mediaType = organization.mediaType { fields.append(("media type", mediaType.rawValue)) }
    if let ballotNumber = organization.ballotNumber { fields.append(("ballot number", String(ballotNumber))) }
    if let partyScope = organization.partyScope { fields.append(("party scope", partyScope.rawValue)) }
    if let parentID = organization.parentID {
        fields.append(("parent", "\(organization.parentName ?? "?") (id \(parentID))"))
    }
    fields += [
        ("region", organization.region ?? ""), ("e-mails", organization.emails.joined(separator: ", ")),
        ("phones", organization.phones.joined(separator: ", ")), ("website", organization.website ?? ""),
        ("address", organization.address ?? ""), ("tags", organization.tags.joined(separator: ", ")),
        ("notes", organization.notes ?? ""), ("unit", organization.unitCode),
    ]
    printFields(fields)
}
