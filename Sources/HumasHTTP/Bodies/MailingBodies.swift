import Foundation
import Humas

/// The body of `POST /v1/mailings`. The subject, text and HTML are Mustache templates over the
/// merge fields; the campaign, list and segment are named by id or name; `scheduled_at` carries
/// an offset.
struct NewMailingBody: RequestBody {
    var name: String
    var fromAddress: String
    var fromName: String?
    var replyTo: String?
    var subject: String
    var text: String
    var html: String?
    var campaign: String?
    var list: String?
    var segment: String?
    var scheduledAt: String?
    var ratePerMinute: Int?
    var attachments: [AttachmentBody]?
    var unit: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, fromAddress = "from_address", fromName = "from_name", replyTo = "reply_to", subject, text, html
        case campaign, list, segment, scheduledAt = "scheduled_at", ratePerMinute = "rate_per_minute", attachments, unit
    }

    var newMailing: NewMailing {
        var new = NewMailing(name: name, fromAddress: fromAddress, subject: subject, text: text)
        new.fromName = fromName
        new.replyTo = replyTo
        new.html = html
        new.campaign = campaign
        new.list = list
        new.segment = segment
        new.scheduledAt = scheduledAt
        new.ratePerMinute = ratePerMinute
        new.attachments = attachments?.map(\.input) ?? []
        new.unit = unit
        new.origin = .api
        return new
    }
}

/// The body of `PATCH /v1/mailings/{id}`: absent fields stay; `null` clears the optional ones
/// (`rate_per_minute: null` sends as fast as the workers' overall limit allows). `attachments`
/// adds files, `remove_attachments` removes them by file name or id.
struct MailingPatchBody: RequestBody {
    var changes = MailingChanges()

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, fromAddress = "from_address", fromName = "from_name", replyTo = "reply_to", subject, text, html
        case campaign, list, segment, scheduledAt = "scheduled_at", ratePerMinute = "rate_per_minute", attachments
        case removeAttachments = "remove_attachments"
    }

    init(from decoder: any Decoder) throws {
        let body = try decoder.container(keyedBy: CodingKeys.self)
        changes.name = try body.unlessAbsent(String.self, .name)
        changes.fromAddress = try body.unlessAbsent(String.self, .fromAddress)
        changes.fromName = try body.clearableText(.fromName)
        changes.replyTo = try body.clearableText(.replyTo)
        changes.subject = try body.unlessAbsent(String.self, .subject)
        changes.text = try body.unlessAbsent(String.self, .text)
        changes.html = try body.clearableText(.html)
        changes.campaign = try body.clearableText(.campaign)
        changes.list = try body.clearableText(.list)
        changes.segment = try body.clearableText(.segment)
        changes.scheduledAt = try body.clearableText(.scheduledAt)
        changes.ratePerMinute = try body.clearable(Int.self, .ratePerMinute)
        changes.addAttachments = try body.unlessAbsent([AttachmentBody].self, .attachments)?.map(\.input) ?? []
        changes.removeAttachments = try body.unlessAbsent([String].self, .removeAttachments) ?? []
        changes.origin = .api
    }
}

/// A file in a mailing's body: its name, type (from the name's extension when absent) and bytes
/// in base64 (RFC 4648, with padding).
struct AttachmentBody: Decodable, Sendable {
    var input: AttachmentInput

    enum CodingKeys: String, CodingKey, CaseIterable {
        case filename, contentType = "content_type", dataBase64 = "data_base64"
    }

    init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let body = try decoder.container(keyedBy: CodingKeys.self)
        let encoded = try body.decode(String.self, forKey: .dataBase64)
        guard let bytes = Data(base64Encoded: encoded) else {
            throw DecodingError.dataCorruptedError(forKey: .dataBase64, in: body, debugDescription: "not base64 (RFC 4648, with = padding)")
        }
        input = AttachmentInput(filename: try body.decode(String.self, forKey: .filename),
                                contentType: try body.decodeIfPresent(String.self, forKey: .contentType), bytes: [UInt8](bytes))
    }
}

/// The body of `POST /v1/mailings/{id}/test`.
struct MailingTestBody: RequestBody {
    var to: String
    /// A contact whose merge fields fill the message; a sample recipient's when absent.
    var contact: Int64?

    enum CodingKeys: String, CodingKey, CaseIterable { case to, contact }
}
