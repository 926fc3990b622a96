import Foundation
import Postgres

/// A mailing: one message (subject, text, HTML, attachments) for an audience, sent by the
/// workers at its rate, with one delivery per recipient. Readable only in its owner's subtree.
public struct Mailing: Sendable, Encodable, Hashable {
    public var id: Int64
    public var unitCode: String
    public var unitName: String
    public var campaignId: Int64?
    public var campaignName: String?
    public var name: String
    public var fromAddress: String
    public var fromName: String?
    public var replyTo: String?
    public var subject: String
    public var text: String
    public var html: String?
    public var listId: Int64?
    public var listName: String?
    public var segmentId: Int64?
    public var segmentName: String?
    public var scheduledAt: LocalTime?
    public var ratePerMinute: Int?
    public var status: MailingStatus
    public var attachments: [MailingAttachment]
    public var deliveries: DeliveryCounts
    public var startedAt: LocalTime?
    public var finishedAt: LocalTime?
    public var createdAt: Date
    public var updatedAt: Date

    var unitID = 0
    var zone = UnitZone.wib

    private enum CodingKeys: String, CodingKey {
        case id, unitCode, unitName, campaignId, campaignName, name, fromAddress, fromName, replyTo, subject, text, html
        case listId, listName, segmentId, segmentName, scheduledAt, ratePerMinute, status, attachments, deliveries
        case startedAt, finishedAt, createdAt, updatedAt
    }

    static let select: PostgresQuery = """
        SELECT m.id, m.unit_id, m.campaign_id, c.name AS campaign_name, m.name, m.from_address, m.from_name, m.reply_to,
               m.subject_template, m.text_template, m.html_template, m.list_id, l.name AS list_name,
               m.segment_id, s.name AS segment_name, m.scheduled_at, m.rate_per_minute, m.status,
               m.started_at, m.finished_at, m.created_at, m.updated_at,
               (SELECT coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'filename', a.filename, 'content_type', a.content_type,
                        'size', octet_length(a.data), 'sha256', encode(a.sha256, 'hex')) ORDER BY a.id), '[]')::text
                FROM humas.mailing_attachments a WHERE a.mailing_id = m.id) AS attachments,
               (SELECT coalesce(jsonb_object_agg(x.status, x.n), '{}')::text
                FROM (SELECT d.status, count(*) AS n FROM humas.deliveries d WHERE d.mailing_id = m.id GROUP BY d.status) x) AS counts,
               (SELECT count(*) FROM humas.deliveries d WHERE d.mailing_id = m.id AND d.unsubscribed_at IS NOT NULL) AS unsubscribed
        FROM humas.mailings m
        LEFT JOIN humas.campaigns c ON c.id = m.campaign_id
        LEFT JOIN humas.lists l ON l.id = m.list_id
        LEFT JOIN humas.segments s ON s.id = m.segment_id
        """

    init(row: PostgresRow, units: UnitTable) throws {
        id = try row.decode("id")
        unitID = try row.decode("unit_id")
        let unit = units[unitID]
        zone = UnitZone(timeZone: unit.timeZone)
        unitCode = unit.code
        unitName = unit.name
        campaignId = try row.decode("campaign_id")
        campaignName = try row.decode("campaign_name")
        name = try row.decode("name")
        fromAddress = try row.decode("from_address")
        fromName = try row.decode("from_name")
        replyTo = try row.decode("reply_to")
        subject = try row.decode("subject_template")
        text = try row.decode("text_template")
        html = try row.decode("html_template")
        listId = try row.decode("list_id")
        listName = try row.decode("list_name")
        segmentId = try row.decode("segment_id")
        segmentName = try row.decode("segment_name")
        let zone = zone
        scheduledAt = try row.decode("scheduled_at", as: Date?.self).map { LocalTime($0, in: zone) }
        ratePerMinute = try row.decode("rate_per_minute")
        status = MailingStatus(rawValue: try row.decode("status")) ?? .draft
        startedAt = try row.decode("started_at", as: Date?.self).map { LocalTime($0, in: zone) }
        finishedAt = try row.decode("finished_at", as: Date?.self).map { LocalTime($0, in: zone) }
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        attachments = try JSONDecoder.snakeCase.decode([MailingAttachment].self, from: Data(try row.decode("attachments", as: String.self).utf8))
        let counts = try JSONDecoder().decode([String: Int].self, from: Data(try row.decode("counts", as: String.self).utf8))
        deliveries = DeliveryCounts(counts, unsubscribed: try row.decode("unsubscribed"))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(unitCode, forKey: .unitCode)
        try c.encode(unitName, forKey: .unitName)
        try c.encode(campaignId, forKey: .campaignId)
        try c.encode(campaignName, forKey: .campaignName)
        try c.encode(name, forKey: .name)
        try c.encode(fromAddress, forKey: .fromAddress)
        try c.encode(fromName, forKey: .fromName)
        try c.encode(replyTo, forKey: .replyTo)
        try c.encode(subject, forKey: .subject)
        try c.encode(text, forKey: .text)
        try c.encode(html, forKey: .html)
        try c.encode(listId, forKey: .listId)
        try c.encode(listName, forKey: .listName)
        try c.encode(segmentId, forKey: .segmentId)
        try c.encode(segmentName, forKey: .segmentName)
        try c.encode(scheduledAt, forKey: .scheduledAt)
        try c.encode(ratePerMinute, forKey: .ratePerMinute)
        try c.encode(status, forKey: .status)
        try c.encode(attachments, forKey: .attachments)
        try c.encode(deliveries, forKey: .deliveries)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(finishedAt, forKey: .finishedAt)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}

/// `draft → scheduled → sending → sent`, or `paused` / `cancelled` on the way.
public enum MailingStatus: String, Sendable, Codable, CaseIterable {
    case draft, scheduled, sending, sent, paused, cancelled
}

public struct MailingAttachment: Sendable, Codable, Hashable {
    public var id: Int64
    public var filename: String
    public var contentType: String
    public var size: Int
    public var sha256: String
}

/// How many of a mailing's deliveries are in each state, and how many recipients opted out
/// through its link.
public struct DeliveryCounts: Sendable, Codable, Hashable {
    public var total = 0
    public var skipped = 0
    public var queued = 0
    public var sending = 0
    public var sent = 0
    public var failed = 0
    public var bounced = 0
    public var cancelled = 0
    public var unsubscribed = 0

    init(_ counts: [String: Int], unsubscribed: Int) {
        skipped = counts["skipped"] ?? 0
        queued = counts["queued"] ?? 0
        sending = counts["sending"] ?? 0
        sent = counts["sent"] ?? 0
        failed = counts["failed"] ?? 0
        bounced = counts["bounced"] ?? 0
        cancelled = counts["cancelled"] ?? 0
        total = counts.values.reduce(0, +)
        self.unsubscribed = unsubscribed
    }

    /// Deliveries that reached an end (sent, failed, bounced, cancelled) out of those to send.
    public var finished: Int { sent + failed + bounced + cancelled }
    public var toSend: Int { total - skipped }
}

extension JSONDecoder {
    static var snakeCase: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
