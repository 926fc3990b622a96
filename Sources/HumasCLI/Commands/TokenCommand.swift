import ArgumentParser
import Foundation
import Humas

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "API tokens for the HTTP API: issue, list, revoke.",
        discussion: """
            You manage your own tokens; an admin also those of the users of their unit and below.
            Humas stores only a token's SHA-256 hash: the token itself is shown once, when issued.

            Example:
              humas token issue --label ci
            """,
        subcommands: [Issue.self, List.self, Revoke.self])

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a token and print it once.",
            discussion: """
                Examples:
                  humas token issue --label dashboard
                  humas token issue --label ci --for editor.jateng@humas.example --json
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("What the token is for, shown in `humas token list`.", valueName: "text")) var label = ""
        @Option(name: .customLong("for"), help: ArgumentHelp("Issue it for this user (admins; default: you).", valueName: "email"))
        var owner: String?

        static let warning = "This token cannot be shown again: Humas stores only its hash. Copy it now."

        func run() async throws {
            let issued = try await session.withSession { try await $0.tokens.issue(label: label, for: owner) }
            if output.json {
                try output.printJSON(IssuedTokenOutput(issued))
                FileHandle.standardError.write(Data("warning: \(Self.warning)\n".utf8))
                return
            }
            let shownLabel = issued.token.label.isEmpty ? "" : " \"\(issued.token.label)\""
            print("Token \(issued.token.id)\(shownLabel) for \(issued.token.userEmail):")
            print("")
            print("    \(issued.secret)")
            print("")
            print(Self.warning)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the tokens you manage (never their secrets).",
            discussion: "Example: humas token list --json")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let tokens = try await session.withSession { try await $0.tokens.list() }
            if output.json { return try output.printJSON(tokens) }
            var table = TextTable(columns: ["ID", "LABEL", "USER", "CREATED", "LAST USED", "REVOKED"])
            for token in tokens {
                table.add([
                    String(token.id), token.label, token.userEmail, formatTimestamp(token.createdAt),
                    token.lastUsedAt.map(formatTimestamp) ?? "never", token.revokedAt.map(formatTimestamp) ?? "",
                ])
            }
            print(table.render())
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a token: its next use fails.",
            discussion: "Example: humas token revoke 12")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The token's id, from `humas token list`.") var id: Int64

        func run() async throws {
            let token = try await session.withSession { try await $0.tokens.revoke(id: id) }
            if output.json { return try output.printJSON(token) }
            print("Revoked token \(token.id) of \(token.userEmail).")
        }
    }
}

/// `token issue --json`: the token's fields with its secret beside them, flat for scripts
/// (`jq -r .token`).
private struct IssuedTokenOutput: Encodable {
    var id: Int64
    var label: String
    var userEmail: String
    var createdAt: Date
    var token: String

    init(_ issued: IssuedToken) {
        id = issued.token.id
        label = issued.token.label
        userEmail = issued.token.userEmail
        createdAt = issued.token.createdAt
        token = issued.secret
    }
}
