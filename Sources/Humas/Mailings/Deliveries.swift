import Foundation
import Postgres

/// One recipient of a mailing: who, which address, what happened, what the server answered.
public struct Delivery: Sendable, Encodable, Hashable {
    public var id: Int64
    public var mailingId: Int64
    public var contactId: Int64?
    public var contactName: String?
    public var address: String?
    public var status: DeliveryStatus
    public var skipReason: String?
    public var attempts: Int
    public var lastReply: String?
    public var messageId: String
    public var queuedAt: LocalTime
    public var sentAt: LocalTime?
    public var failedAt: LocalTime?
    public var bouncedAt: LocalTime?
    public var unsubscribedAt: LocalTime?
    public var delayReports: Int

    static let select: PostgresQuery = """
        SELECT d.id, d.mailing_id, d.unit_id, d.contact_id, c.full_name AS contact_name, d.address, d.status, d.skip_reason,
               d.attempts, d.last_reply, d.message_id, d.queued_at, d.sent_at, d.failed_at, d.bounced_at,
               d.unsubscribed_at, d.delay_reports
        FROM humas.deliveries d LEFT JOIN humas.contacts c ON c.id = d.contact_id
        """

    init(row: PostgresRow, units: UnitTable) throws {
        let zone = UnitZone(timeZone: units[try row.decode("unit_id", as: Int.self)].timeZone)
        func local(_ column: String) throws -> LocalTime? {
            try row.decode(column, as: Date?.self).map { LocalTime($0, in: zone) }
        }
        id = try row.decode("id")
        mailingId = try row.decode("mailing_id")
        contactId = try row.decode("contact_id")
        contactName = try row.decode("contact_name")
        address = try row.decode("address")
        status = DeliveryStatus(rawValue: try row.decode("status")) ?? .queued
        skipReason = try row.decode("skip_reason")
        attempts = try row.decode("attempts")
        lastReply = try row.decode("last_reply")
        messageId = try row.decode("message_id")
        queuedAt = try local("queued_at")!
        sentAt = try local("sent_at")
        failedAt = try local("failed_at")
        bouncedAt = try local("bounced_at")
        unsubscribedAt = try local("unsubscribed_at")
        delayReports = try row.decode("delay_reports")
    }

    private enum CodingKeys: String, CodingKey {
        case id, mailingId, contactId, contactName, address, status, skipReason, attempts, lastReply, messageId
        case queuedAt, sentAt, failedAt, bouncedAt, unsubscribedAt, delayReports
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(mailingId, forKey: .mailingId)
        try c.encode(contactId, forKey: .contactId)
        try c.encode(contactName, forKey: .contactName)
        try c.encode(address, forKey: .address)
        try c.encode(status, forKey: .status)
        try c.encode(skipReason, forKey: .skipReason)
        try c.encode(attempts, forKey: .attempts)
        try c.encode(lastReply, forKey: .lastReply)
        try c.encode(messageId, forKey: .messageId)
        try c.encode(queuedAt, forKey: .queuedAt)
        try c.encode(sentAt, forKey: .sentAt)
        try c.encode(failedAt, forKey: .failedAt)
        try c.encode(bouncedAt, forKey: .bouncedAt)
        try c.encode(unsubscribedAt, forKey: .unsubscribedAt)
        try c.encode(delayReports, forKey: .delayReports)
    }
}

public enum DeliveryStatus: String, Sendable, Codable, CaseIterable {
    case skipped, queued, sending, sent, failed, bounced, cancelled
}

/// A page of deliveries in id order (the order they were recorded when sending started).
public struct DeliveryPage: Sendable, ItemsPageEncodable {
    public var deliveries: [Delivery]
    public var nextCursor: String?
    public var pageItems: [Delivery] { deliveries }
}

extension Mailings {
    /// The mailing's deliveries, `status` narrowing them, cursor-paged.
    public func deliveries(_ id: Int64, status: String? = nil, limit: Int = 100, cursor: String? = nil) async throws -> DeliveryPage {
        try PageSize.check(limit)
        let status = try status.map { try InputOrigin.commandLine.parse($0, as: DeliveryStatus.self, field: "status") }
        let session = session
        let scope = CursorScope(listing: "deliveries", userID: session.user.id, query: [String(id), status?.rawValue ?? ""])
        return try await session.transaction { connection in
            _ = try Self.fetch(id, for: session, on: connection)
            let signer = try session.cursorSigner(on: connection)
            let after = try cursor.map { try signer.cursor($0, for: scope) }
            var query = Delivery.select + " WHERE d.mailing_id = \(id)"
            if let status { query += " AND d.status = \(status.rawValue)" }
            if let after { query += " AND d.id > \(after.id)" }
            query += " ORDER BY d.id LIMIT \(limit + 1)"
            let units = try session.unitTable(on: connection)
            let rows = try connection.query(query).map { try Delivery(row: $0, units: units) }
            let shown = Array(rows.prefix(limit))
            let next = rows.count > limit ? shown.last.map { signer.token(PageCursor(id: $0.id), for: scope) } : nil
            return DeliveryPage(deliveries: shown, nextCursor: next)
        }
    }
}
