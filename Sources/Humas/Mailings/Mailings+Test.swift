import Foundation
import Mail
import NIOPosix
import Postgres

extension Mailings {
    /// Sends one rendered copy to `address` (for the sender to check), marked [UJI], recorded
    /// nowhere: with `contact`'s merge fields, or a sample recipient's. Returns the server's reply.
    public func sendTest(_ id: Int64, to address: String, contact: Int64? = nil, smtp: SMTPConfiguration) async throws -> String {
        // A writer's tool: a viewer must not make the server mail copies anywhere.
        try session.requireMailingWriter()
        let address = try EmailAddress.normalize(address, field: "to")
        let session = session
        let message = try await session.transaction { connection -> OutgoingMessage in
            _ = try Self.fetch(id, for: session, on: connection)
            let content = try MailingContent(mailing: id, on: connection)
            let stored = try contact.map { try Self.mergeFields(contact: $0, on: connection).0 } ?? ["nama": "Penerima Uji"]
            var message = MessageComposer.message(
                content, to: address, messageID: "uji.\(id).\(UUID().uuidString.lowercased())@\(content.from.address.split(separator: "@").last ?? "humas")",
                stored: stored, unsubscribeToken: "uji", publicURL: PublicURL.base())
            message.subject = "[UJI] " + message.subject
            return message
        }
        let result: SMTPDeliveryResult
        do {
            result = try await NIOThreadPool.singleton.runIfActive {
                let connection = try SMTPSession(configuration: smtp)
                defer { connection.close() }
                return try connection.send(message)
            }
        } catch let error as SMTPConnectionError {
            throw HumasError.unavailable(error.description)
        }
        switch result {
        case .accepted(let reply): return reply
        case .temporaryFailure(let reply): throw HumasError.unavailable("the SMTP server deferred the test message (\(reply)); try again later")
        case .permanentFailure(let reply): throw HumasError.invalid(field: "to", message: "the SMTP server refused \(address): \(reply)")
        }
    }
}
