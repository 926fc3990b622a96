import Foundation
import Mail
import Postgres

/// A mailing as a worker renders it: templates parsed once, attachments read once.
struct MailingContent: @unchecked Sendable {
    // @unchecked: immutable after init; MustacheTemplate is a value type.
    let id: Int64
    let status: String
    let from: MailAddress
    let replyTo: MailAddress?
    let templates: MailTemplates
    let unitName: String
    let zone: UnitZone
    let attachments: [MailAttachment]

    /// Reads the mailing through the workers' function (they act for no user).
    init(mailing: Int64, on connection: PostgresConnection) throws {
        guard let row = try connection.query("SELECT * FROM humas.mail_content(\(mailing))").first else {
            throw HumasError.notFound(entity: "mailing", key: String(mailing))
        }
        id = mailing
        status = try row.decode("status")
        unitName = try row.decode("unit_name")
        zone = UnitZone(timeZone: try row.decode("time_zone"))
        from = MailAddress(try row.decode("from_address"), name: try row.decode("from_name", as: String?.self) ?? "Humas \(unitName)")
        replyTo = try row.decode("reply_to", as: String?.self).map { MailAddress($0) }
        templates = try MailTemplates(subject: try row.decode("subject_template"), text: try row.decode("text_template"),
                                      html: try row.decode("html_template"))
        attachments = try connection.query("SELECT filename, content_type, data FROM humas.mail_attachments(\(mailing))").map {
            MailAttachment(filename: try $0.decode("filename"), contentType: try $0.decode("content_type"),
                           data: [UInt8](try $0.decode("data", as: Data.self)))
        }
    }
}

/// One recipient's message: rendered templates, the footer and the RFC 8058 opt-out headers.
enum MessageComposer {
    static func message(
        _ content: MailingContent, to address: String, messageID: String, stored: [String: String],
        unsubscribeToken: String, publicURL: String, sentAt: Date = Date()
    ) -> OutgoingMessage {
        let link = "\(publicURL)/u/\(unsubscribeToken)"
        let values = MergeValues(stored: stored, unit: content.unitName, sentAt: sentAt, zone: content.zone, unsubscribeURL: link)
        let rendered = content.templates.render(values)
        let mailto = "mailto:\((content.replyTo ?? content.from).address)?subject=berhenti%20\(unsubscribeToken)"
        return OutgoingMessage(
            from: content.from, to: MailAddress(address, name: stored["nama"]), replyTo: content.replyTo,
            subject: rendered.subject, messageID: messageID, date: sentAt, text: rendered.text, html: rendered.html,
            attachments: content.attachments,
            headers: [(name: "List-Unsubscribe", value: "<\(link)>, <\(mailto)>"),
                      (name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click")])
    }
}
