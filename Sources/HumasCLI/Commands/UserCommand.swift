import ArgumentParser
import Humas

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Users: add them to a unit with a role, list them, disable them.",
        discussion: """
            Admins manage the users of their unit and the units below it.

            Example:
              humas user add siti@kpu-semarangkota.go.id --name "Siti Rahayu" --role editor --unit ID-JT-KOTA-SEMARANG
            """,
        subcommands: [Add.self, List.self, Disable.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user (admins only).",
            discussion: """
                The unit defaults to your own; it must be your unit or one below it.
                Roles: admin (users and every write), editor (directory, interactions, mailings), viewer (read).

                Example:
                  humas user add budi@kpu-demakkab.go.id --name "Budi Santoso" --role viewer --unit ID-JT-KAB-DEMAK
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The user's e-mail, which is their login.") var email: String
        @Option(help: ArgumentHelp("The user's full name.", valueName: "name")) var name: String
        @Option(help: ArgumentHelp("admin, editor or viewer.", valueName: "role")) var role: String
        @Option(help: ArgumentHelp("The user's unit (default: yours).", valueName: "code")) var unit: String?

        func run() async throws {
            guard let role = Role(rawValue: role.lowercased()) else {
                throw HumasError.invalid(field: "role", message: "'\(role)' is not a role; use admin, editor or viewer")
            }
            let user = try await session.withSession {
                try await $0.users.add(email: email, fullName: name, unit: unit, role: role)
            }
            if output.json { return try output.printJSON(user) }
            print("Added \(user.email) (\(user.fullName)) as \(user.role) of \(user.unitName) [\(user.unitCode)], id \(user.id).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the users you can see: your unit's and those below it.",
            discussion: """
                Examples:
                  humas user list --under ID-JT
                  humas user list --all --json
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("Only users of this unit and the units below it.", valueName: "code")) var under: String?
        @Flag(name: .customLong("all"), help: "Include disabled users.") var includeDisabled = false

        func run() async throws {
            let users = try await session.withSession {
                try await $0.users.list(under: under, includeDisabled: includeDisabled)
            }
            if output.json { return try output.printJSON(users) }
            var table = TextTable(columns: ["ID", "EMAIL", "NAME", "ROLE", "UNIT", "STATUS"])
            for user in users {
                let status = user.disabledAt.map { "disabled \(formatTimestamp($0))" } ?? "active"
                table.add([String(user.id), user.email, user.fullName, user.role.rawValue, user.unitCode, status])
            }
            print(table.render())
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a user (admins only): they can no longer log in or use their tokens.",
            discussion: "Example: humas user disable budi@kpu-demakkab.go.id")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The user's e-mail.") var email: String

        func run() async throws {
            let user = try await session.withSession { try await $0.users.disable(email: email) }
            if output.json { return try output.printJSON(user) }
            print("Disabled \(user.email) (\(user.fullName)) of \(user.unitName).")
        }
    }
}
