import ArgumentParser
import Foundation
import Humas

struct MailingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailing",
        abstract: "Mailings: press releases and invitations by e-mail, with a record per recipient.",
        discussion: """
            Templates are Mustache with the fields {{sapaan}} {{nama}} {{jabatan}} {{organisasi}}
            {{unit}} {{tanggal}} {{unsubscribe_url}}; every message gets an Indonesian footer with
            the opt-out link. `humas worker` (or `humas serve --worker`) sends through HUMAS_SMTP_URL.

            Examples:
              humas mailing create --name "Rilis Pleno" --from humas@kpu-semarang.go.id \\
                --subject "Siaran Pers: {{unit}}" --text-file rilis.txt --html-file rilis.html \\
                --attach rilis.pdf --segment "Wartawan pemilu"
              humas mailing preview 4 --contact 120
              humas mailing send 4 && humas mailing status 4 --watch
            """,
        subcommands: [Create.self, Edit.self, List.self, Show.self, Preview.self, Test.self, Send.self, Status.self,
                      Pause.self, Resume.self, Cancel.self, RetryFailed.self, Deliveries.self, Bounces.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a mailing (a draft until `send`).",
            discussion: """
                Example:
                  humas mailing create --name "Undangan Rakor" --from humas@kpu.go.id \\
                    --subject "Undangan: Rapat Koordinasi" --text "Yth. {{sapaan}} {{nama}}, ..." \\
                    --list "Wartawan pemilu" --rate 120
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var message: MailingMessageOptions
        @Option(help: "A name for the mailing (for you; recipients do not see it).") var name: String
        @Option(help: ArgumentHelp("Owning unit's code (default: yours).", valueName: "code")) var unit: String?

        func run() async throws {
            guard let from = message.from, let subject = message.subject else {
                throw ValidationError("--from and --subject are required")
            }
            guard let text = try message.textBody() else { throw ValidationError("give the message text with --text or --text-file") }
            var new = NewMailing(name: name, fromAddress: from, subject: subject, text: text)
            new.fromName = message.fromName
            new.replyTo = message.replyTo
            new.html = try message.htmlBody()
            new.campaign = message.campaign
            new.list = message.list
            new.segment = message.segment
            new.scheduledAt = message.at
            new.ratePerMinute = message.rate
            new.attachments = message.attach.map(AttachmentInput.init(path:))
            new.unit = unit
            let mailing = try await session.withSession { try await $0.mailings.create(new) }
            if output.json { return try output.printJSON(mailing) }
            print("mailing \(mailing.id) saved as a draft; check it with `humas mailing preview \(mailing.id)`, send it with `humas mailing send \(mailing.id)`")
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a mailing: its message before it is sent, its rate at any time.",
            discussion: """
                Examples:
                  humas mailing edit 4 --subject "Siaran Pers (ralat)" --attach rilis-v2.pdf --remove-attachment rilis.pdf
                  humas mailing edit 4 --rate 60
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var message: MailingMessageOptions
        @Argument(help: "The mailing's id.") var id: Int64
        @Option(help: "A new name.") var name: String?
        @Option(help: ArgumentHelp("Remove this attachment (file name or id); repeatable.", valueName: "name"))
        var removeAttachment: [String] = []

        func run() async throws {
            var changes = MailingChanges()
            changes.name = name
            changes.fromAddress = message.from
            changes.fromName = message.fromName
            changes.replyTo = message.replyTo
            changes.subject = message.subject
            changes.text = try message.textBody()
            changes.html = try message.htmlBody()
            changes.campaign = message.campaign
            changes.list = message.list
            changes.segment = message.segment
            changes.scheduledAt = message.at
            if let rate = message.rate { changes.ratePerMinute = .some(rate) }
            changes.addAttachments = message.attach.map(AttachmentInput.init(path:))
            changes.removeAttachments = removeAttachment
            let mailing = try await session.withSession { try await $0.mailings.edit(id, changes) }
            if output.json { return try output.printJSON(mailing) }
            printMailing(mailing)
        }
    }
}

/// The message options `create` and `edit` share.
struct MailingMessageOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Sender address.", valueName: "email")) var from: String?
    @Option(help: ArgumentHelp("Sender name (default: Humas <unit>).", valueName: "name")) var fromName: String?
    @Option(help: ArgumentHelp("Reply-To address.", valueName: "email")) var replyTo: String?
    @Option(help: "Subject template.") var subject: String?
    @Option(help: "Text template (or --text-file).") var text: String?
    @Option(help: ArgumentHelp("Read the text template from a file.", valueName: "path")) var textFile: String?
    @Option(help: ArgumentHelp("Read the HTML template from a file.", valueName: "path")) var htmlFile: String?
    @Option(help: ArgumentHelp("Attach a file (at most 10 MB); repeatable.", valueName: "path")) var attach: [String] = []
    @Option(help: ArgumentHelp("Campaign id or name.", valueName: "campaign")) var campaign: String?
    @Option(help: ArgumentHelp("Audience: a list (id or name).", valueName: "list")) var list: String?
    @Option(help: ArgumentHelp("Audience: a segment (id or name).", valueName: "segment")) var segment: String?
    @Option(help: ArgumentHelp("Send at this time (YYYY-MM-DD HH:MM, the unit's zone).", valueName: "time")) var at: String?
    @Option(help: ArgumentHelp("At most this many messages a minute.", valueName: "count")) var rate: Int?

    func textBody() throws -> String? {
        if let textFile { return try Self.read(textFile, option: "--text-file") }
        return text
    }

    func htmlBody() throws -> String? {
        try htmlFile.map { try Self.read($0, option: "--html-file") }
    }

    private static func read(_ path: String, option: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("\(option): cannot read \(path); check the path")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("\(option): \(path) is not UTF-8 text; save it as UTF-8")
        }
        return text
    }
}
