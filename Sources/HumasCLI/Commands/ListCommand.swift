import ArgumentParser
import Humas

/// `humas list …`: static contact lists.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Static contact lists: contacts picked by hand.",
        discussion: """
            A list is owned by a unit; you see your unit's lists, those below it and those above it, \
            and change those of your unit and below. Name a list by its id or its name.

            Examples:
              humas list create "Undangan konferensi pers" --description "Media Jateng"
              humas list add "Undangan konferensi pers" 12 15 18
              humas list show "Undangan konferensi pers"
            """,
        subcommands: [Create.self, Ls.self, Show.self, Add.self, Remove.self, Rename.self, Delete.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an empty list.",
            discussion: "Example: humas list create \"Wartawan Semarang\" --unit ID-JT-KOTA-SEMARANG")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The list's name, unique within its unit.") var name: String
        @Option(help: "What the list is for.") var description: String?
        @Option(help: ArgumentHelp("The owning unit (default: yours).", valueName: "code")) var unit: String?

        func run() async throws {
            let list = try await session.withSession {
                try await $0.lists.create(name: name, description: description, unit: unit)
            }
            if output.json { return try output.printJSON(list) }
            print("created list \(list.id) '\(list.name)' of \(list.unitCode)")
        }
    }

    struct Ls: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ls", abstract: "List the lists you can see.", discussion: "Example: humas list ls --json")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let lists = try await session.withSession { try await $0.lists.list() }
            if output.json { return try output.printJSON(lists) }
            var table = TextTable(columns: ["ID", "NAME", "UNIT", "MEMBERS", "DESCRIPTION"])
            for list in lists {
                table.add([String(list.id), list.name, list.unitCode, String(list.memberCount), list.description ?? ""])
            }
            print(table.render())
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a list and the members you can see.", discussion: "Example: humas list show 3")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The list's id or name.") var list: String

        func run() async throws {
            let detail = try await session.withSession { try await $0.lists.show(list) }
            if output.json { return try output.printJSON(detail) }
            printFields([
                ("id", String(detail.list.id)), ("name", detail.list.name), ("description", detail.list.description ?? ""),
                ("unit", "\(detail.list.unitCode) (\(detail.list.unitName))"), ("members", String(detail.list.memberCount)),
            ])
            if !detail.members.isEmpty {
                print("")
                print(memberTable(detail.members).render())
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add contacts to a list (all or nothing).",
            discussion: "Example: humas list add \"Undangan konferensi pers\" 12 15 18")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The list's id or name.") var list: String
        @Argument(help: "Contact ids.") var contacts: [Int64]

        func run() async throws {
            let change = try await session.withSession { try await $0.lists.add(contacts, to: list) }
            if output.json { return try output.printJSON(change) }
            print("added \(change.changed) to list '\(change.list.name)' (\(change.list.memberCount) members)")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove contacts from a list.", discussion: "Example: humas list remove 3 15")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The list's id or name.") var list: String
        @Argument(help: "Contact ids.") var contacts: [Int64]

        func run() async throws {
            let change = try await session.withSession { try await $0.lists.remove(contacts, from: list) }
            if output.json { return try output.printJSON(change) }
            print("removed \(change.changed) from list '\(change.list.name)' (\(change.list.memberCount) members)")
        }
    }

    struct Rename: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rename a list.", discussion: "Example: humas list rename 3 \"Undangan rapat koordinasi\"")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The list's id or name.") var list: String
        @Argument(help: "The new name.") var name: String

        func run() async throws {
            let renamed = try await session.withSession { try await $0.lists.rename(list, to: name) }
            if output.json { return try output.printJSON(renamed) }
            print("renamed list \(renamed.id) to '\(renamed.name)'")
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Delete a list (kept in the audit trail).", discussion: "Example: humas list rm 3")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The list's id or name.") var list: String

        func run() async throws {
            let deleted = try await session.withSession { try await $0.lists.delete(list) }
            if output.json { return try output.printJSON(deleted) }
            print("deleted list \(deleted.id) '\(deleted.name)'")
        }
    }
}

/// Members of a list or a segment, as a table.
func memberTable(_ members: [MemberSummary]) -> TextTable {
    var table = TextTable(columns: ["ID", "NAME", "CATEGORY", "E-MAIL", "UNIT"])
    for member in members {
        table.add([String(member.contactID), member.fullName, member.category, member.email ?? "", member.unitCode])
    }
    return table
}
