import ArgumentParser
import Foundation
import Humas

extension MailingCommand {
    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a mailing now (or at its --at time): one delivery per recipient, sent by the workers.",
            discussion: "Example: humas mailing send 4 && humas mailing status 4 --watch")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The mailing's id.") var id: Int64

        func run() async throws {
            let mailing = try await session.withSession { try await $0.mailings.send(id) }
            if output.json { return try output.printJSON(mailing) }
            let c = mailing.deliveries
            if mailing.status == .scheduled {
                print("mailing \(id) scheduled for \(mailing.scheduledAt?.description ?? "")")
            } else {
                print("mailing \(id) is \(mailing.status.rawValue): \(c.queued) queued, \(c.skipped) skipped; a worker (`humas worker`) sends them")
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Counts of a mailing's deliveries by state; --watch follows it to the end.",
            discussion: "Example: humas mailing status 4 --watch")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The mailing's id.") var id: Int64
        @Flag(help: "Keep showing progress (a bar on a terminal) until nothing is left to send.") var watch = false

        func run() async throws {
            try await session.withSession { session in
                var mailing = try await session.mailings.show(id)
                if watch, !output.json {
                    let bar = ProgressBar(total: mailing.deliveries.toSend, label: "Mailing \(id)")
                    var shown = 0
                    while [.sending, .scheduled].contains(mailing.status) {
                        bar.advance(by: mailing.deliveries.finished - shown)
                        shown = mailing.deliveries.finished
                        try await Task.sleep(for: .milliseconds(500))
                        mailing = try await session.mailings.show(id)
                    }
                    bar.advance(by: mailing.deliveries.finished - shown)
                    bar.finish()
                }
                if output.json { return try output.printJSON(mailing.deliveries) }
                let c = mailing.deliveries
                var table = TextTable(columns: ["State", "Deliveries"])
                for (state, count) in [("queued", c.queued), ("sending", c.sending), ("sent", c.sent), ("failed", c.failed),
                                       ("bounced", c.bounced), ("skipped", c.skipped), ("cancelled", c.cancelled),
                                       ("opted out since", c.unsubscribed)] {
                    table.add([state, String(count)])
                }
                print("mailing \(id): \(mailing.status.rawValue)")
                print(table.render())
            }
        }
    }

    struct Pause: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pause a mailing: workers stop after the batch in hand.", discussion: "Example: humas mailing pause 4")
        @OptionGroup var session: SessionOptions
        @Argument(help: "The mailing's id.") var id: Int64

        func run() async throws {
            let mailing = try await session.withSession { try await $0.mailings.pause(id) }
            print("mailing \(id) paused (\(mailing.deliveries.queued) queued); continue with `humas mailing resume \(id)`")
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Continue a paused mailing.", discussion: "Example: humas mailing resume 4")
        @OptionGroup var session: SessionOptions
        @Argument(help: "The mailing's id.") var id: Int64

        func run() async throws {
            let mailing = try await session.withSession { try await $0.mailings.resume(id) }
            print("mailing \(id) is \(mailing.status.rawValue)")
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel what has not been sent yet (the record of what was sent stays).", discussion: "Example: humas mailing cancel 4")
        @OptionGroup var session: SessionOptions
        @Argument(help: "The mailing's id.") var id: Int64

        func run() async throws {
            let mailing = try await session.withSession { try await $0.mailings.cancel(id) }
            print("mailing \(id) cancelled: \(mailing.deliveries.sent) were sent, \(mailing.deliveries.cancelled) will not be")
        }
    }

    struct RetryFailed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retry-failed", abstract: "Queue the failed deliveries again.", discussion: "Example: humas mailing retry-failed 4")
        @OptionGroup var session: SessionOptions
        @Argument(help: "The mailing's id.") var id: Int64

        func run() async throws {
            let (_, requeued) = try await session.withSession { try await $0.mailings.retryFailed(id) }
            print("mailing \(id): \(requeued) failed deliveries queued again")
        }
    }

    struct Bounces: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bounce reports (RFC 3464 delivery-status notifications).",
            discussion: "Example: humas mailing bounces import bounces.mbox",
            subcommands: [Import.self])

        struct Import: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Read bounce reports (one .eml or an mbox): failures bounce the delivery and suppress the address.",
                discussion: "Example: humas mailing bounces import /var/mail/bounces")
            @OptionGroup var session: SessionOptions
            @OptionGroup var output: OutputOptions
            @Argument(help: "The file.") var file: String

            func run() async throws {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ValidationError("cannot read \(file); check the path")
                }
                let result = try await session.withSession { try await $0.bounces.importReports([UInt8](data)) }
                if output.json { return try output.printJSON(result) }
                print("\(result.reports) reports: \(result.bounced) bounced (addresses suppressed), \(result.delayed) delays counted, \(result.unmatched.count) not matched")
                for id in result.unmatched.prefix(20) { print("  not matched: \(id)") }
            }
        }
    }
}
