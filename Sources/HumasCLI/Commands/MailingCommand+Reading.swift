import ArgumentParser
import Foundation
import Humas

extension MailingCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List your scope's mailings, newest first.",
            discussion: "Examples:\n  humas mailing list\n  humas mailing list --status sending --json")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only mailings in this state (draft, scheduled, sending, sent, paused, cancelled).") var status: String?
        @Option(help: ArgumentHelp("Only this campaign's (id or name).", valueName: "campaign")) var campaign: String?

        func run() async throws {
            let mailings = try await session.withSession { try await $0.mailings.list(status: status, campaign: campaign) }
            if output.json { return try output.printJSON(ItemsPage(items: mailings)) }
            var table = TextTable(columns: ["ID", "Name", "Status", "Audience", "Sent", "Failed", "Skipped", "Created"])
            for m in mailings {
                table.add([String(m.id), m.name, m.status.rawValue, m.listName ?? m.segmentName ?? "",
                           String(m.deliveries.sent), String(m.deliveries.failed + m.deliveries.bounced),
                           String(m.deliveries.skipped), formatTimestamp(m.createdAt)])
            }
            print(table.render())
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a mailing.", discussion: "Example: humas mailing show 4")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The mailing's id.") var id: Int64

        func run() async throws {
            let mailing = try await session.withSession { try await $0.mailings.show(id) }
            if output.json { return try output.printJSON(mailing) }
            printMailing(mailing)
        }
    }

    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render the message one recipient would get.",
            discussion: "Examples:\n  humas mailing preview 4 --contact 120\n  humas mailing preview 4 --html > rilis.html")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The mailing's id.") var id: Int64
        @Option(help: ArgumentHelp("Render for this contact (default: a sample recipient).", valueName: "id")) var contact: Int64?
        @Flag(help: "Print only the HTML part.") var html = false

        func run() async throws {
            let preview = try await session.withSession { try await $0.mailings.preview(id, contact: contact) }
            if output.json { return try output.printJSON(preview) }
            if html { return print(preview.rendered.html ?? "") }
            printFields([("To", [preview.contactName, preview.to.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ")),
                         ("Subject", preview.rendered.subject),
                         ("Attachments", preview.attachments.map { "\($0.filename) (\($0.size) bytes)" }.joined(separator: ", "))])
            print()
            print(preview.rendered.text)
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send one rendered copy, marked [UJI], to an address (not recorded as a delivery).",
            discussion: "Example: HUMAS_SMTP_URL=smtp://127.0.0.1:2525 humas mailing test 4 --to saya@kpu-semarang.go.id")

        @OptionGroup var session: SessionOptions
        @Argument(help: "The mailing's id.") var id: Int64
        @Option(help: ArgumentHelp("Where to send the copy.", valueName: "email")) var to: String
        @Option(help: ArgumentHelp("Use this contact's merge fields.", valueName: "id")) var contact: Int64?

        func run() async throws {
            let smtp = try MailWorkerSettings.fromEnvironment().smtp
            let reply = try await session.withSession { try await $0.mailings.sendTest(id, to: to, contact: contact, smtp: smtp) }
            print("test copy of mailing \(id) sent to \(to): \(reply)")
        }
    }

    struct Deliveries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a mailing's deliveries: who, which address, what happened.",
            discussion: "Examples:\n  humas mailing deliveries 4 --status failed\n  humas mailing deliveries 4 --json --limit 500")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The mailing's id.") var id: Int64
        @Option(help: "Only this state (skipped, queued, sending, sent, failed, bounced, cancelled).") var status: String?
        @Option(help: "At most this many (1–500).") var limit = 100
        @Option(help: "Continue after this page (next_cursor).") var cursor: String?

        func run() async throws {
            let page = try await session.withSession { try await $0.mailings.deliveries(id, status: status, limit: limit, cursor: cursor) }
            if output.json { return try output.printJSON(page) }
            var table = TextTable(columns: ["ID", "Contact", "Address", "Status", "Tries", "When", "Reply / reason"])
            for d in page.deliveries {
                let when = d.sentAt ?? d.bouncedAt ?? d.failedAt ?? d.queuedAt
                table.add([String(d.id), d.contactName ?? "", d.address ?? "", d.status.rawValue + (d.unsubscribedAt == nil ? "" : " (opted out)"),
                           String(d.attempts), when.description, d.skipReason ?? d.lastReply ?? ""])
            }
            print(table.render())
            if let next = page.nextCursor { print("more: --cursor \(next)") }
        }
    }
}

/// The mailing as people read it.
func printMailing(_ m: Mailing) {
    let c = m.deliveries
    printFields([
        ("Mailing", "\(m.id) \(m.name)"), ("Unit", m.unitName), ("Status", m.status.rawValue),
        ("From", [m.fromName, "<\(m.fromAddress)>"].compactMap { $0 }.joined(separator: " ")),
        ("Reply-To", m.replyTo ?? ""), ("Subject", m.subject), ("Campaign", m.campaignName ?? ""),
        ("Audience", m.listName.map { "list \($0)" } ?? m.segmentName.map { "segment \($0)" } ?? "(none)"),
        ("Scheduled", m.scheduledAt?.description ?? ""), ("Rate", m.ratePerMinute.map { "\($0)/min" } ?? "unlimited"),
        ("Attachments", m.attachments.map { "\($0.filename) (\($0.size) bytes)" }.joined(separator: ", ")),
        ("Deliveries", "\(c.sent) sent, \(c.queued + c.sending) to go, \(c.failed) failed, \(c.bounced) bounced, \(c.skipped) skipped, \(c.unsubscribed) opted out"),
    ])
}
