import ArgumentParser
import Foundation
import Humas

struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Start, stop and migrate the database.",
        discussion: """
            Examples:
              humas db up        # create (first time) and start .humas/, then migrate
              humas db status    # applied and pending migrations
              humas db down
            """,
        subcommands: [Up.self, Down.self, Migrate.self, Status.self, URL.self]
    )

    struct Up: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create and start the local database (when no DATABASE_URL is set), then migrate.",
            discussion: "Example: humas db up")

        func run() async throws {
            let admin = DatabaseAdmin()
            let applied = try await admin.up()
            print("database ready: \(admin.target.summary)")
            print(applied.isEmpty ? "migrations: up to date" : "migrations applied: \(applied.joined(separator: ", "))")
        }
    }

    struct Down: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the local database.", discussion: "Example: humas db down")

        func run() async throws {
            try await DatabaseAdmin().down()
            print("local database stopped")
        }
    }

    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Apply pending migrations from sql/.", discussion: "Example: humas db migrate")

        func run() async throws {
            let applied = try await DatabaseAdmin().migrate()
            print(applied.isEmpty ? "up to date" : "applied: \(applied.joined(separator: ", "))")
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List applied and pending migrations.", discussion: "Example: humas db status --json")

        @OptionGroup var output: OutputOptions

        func run() async throws {
            let migrations = try await DatabaseAdmin().status()
            if output.json {
                try output.printJSON(migrations.map { MigrationJSON(name: $0.name, status: $0.appliedAt == nil ? "pending" : "applied", appliedAt: $0.appliedAt) })
                return
            }
            var table = TextTable(columns: ["MIGRATION", "STATUS", "APPLIED AT"])
            for migration in migrations {
                table.add([migration.name, migration.appliedAt == nil ? "pending" : "applied", migration.appliedAt.map(formatTimestamp) ?? ""])
            }
            print(table.render())
        }

        struct MigrationJSON: Encodable {
            var name: String
            var status: String
            var appliedAt: Date?
        }
    }

    struct URL: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the conninfo of the database, e.g. for psql.",
            discussion: "Example: psql \"$(humas db url)\"")

        @Flag(help: "The admin connection (migrations, seed) instead of the service's.")
        var admin = false

        func run() async throws {
            let target = DatabaseTarget()
            print(admin ? target.adminConninfo : target.appConninfo)
        }
    }
}
