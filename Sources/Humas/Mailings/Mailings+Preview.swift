import Foundation
import Postgres

/// One recipient's message as it would go out now.
public struct MailPreview: Sendable, Encodable {
    public var to: String?
    public var contactName: String?
    public var rendered: RenderedMail
    public var attachments: [MailingAttachment]
}

extension Mailings {
    /// Renders the mailing for `contact` (one the user can see), or for a sample recipient.
    public func preview(_ id: Int64, contact: Int64? = nil) async throws -> MailPreview {
        let session = session
        return try await session.transaction { connection in
            let mailing = try Self.fetch(id, for: session, on: connection)
            let templates = try MailTemplates(subject: mailing.subject, text: mailing.text, html: mailing.html)
            var stored = ["nama": "Penerima Contoh"]
            var address: String?
            if let contact {
                (stored, address) = try Self.mergeFields(contact: contact, on: connection)
            }
            let values = MergeValues(stored: stored, unit: mailing.unitName, sentAt: Date(), zone: mailing.zone,
                                     unsubscribeURL: PublicURL.base() + "/u/contoh")
            return MailPreview(to: address, contactName: stored["nama"], rendered: templates.render(values),
                               attachments: mailing.attachments)
        }
    }

    /// A contact's merge fields as a mailing started now would store them, and their address.
    static func mergeFields(contact: Int64, on connection: PostgresConnection) throws -> ([String: String], String?) {
        guard let row = try connection.query("""
            SELECT humas.contact_merge_fields(c.id)::text AS fields, nullif(btrim(c.emails[1]), '') AS address
            FROM humas.contacts c WHERE c.id = \(contact) AND c.deleted_at IS NULL
            """).first else {
            throw HumasError.notFound(entity: "contact", key: String(contact))
        }
        let fields = try JSONDecoder().decode([String: String].self, from: Data(try row.decode("fields", as: String.self).utf8))
        return (fields, try row.decode("address"))
    }
}
