import Foundation
import Postgres

/// One event in a contact's or an organization's history, in the viewer's zone.
public struct TimelineEntry: Sendable, Codable, Hashable {
    public enum EntryType: String, Sendable, Codable, CaseIterable {
        /// Took part in (or was invited to) an activity.
        case interaction
        case affiliationStarted = "affiliation_started"
        case affiliationEnded = "affiliation_ended"
        /// Was sent (or is to be sent) a mailing: one delivery.
        case mailing
    }

    public var type: EntryType
    /// When: the activity's start, or the first or last day of an affiliation (its midnight).
    public var at: LocalTime
    public var interactionId: Int64?
    public var title: String?
    public var interactionKind: InteractionKind?
    public var status: InteractionStatus?
    public var role: String?
    public var invited: Bool?
    public var attended: Bool?
    /// The unit whose activity it was.
    public var unitCode: String?
    public var affiliationId: Int64?
    public var contactId: Int64?
    public var contactName: String?
    public var organizationId: Int64?
    public var organizationName: String?
    public var mailingId: Int64?
    /// The delivery's state: queued, sent, failed, bounced, skipped, cancelled.
    public var deliveryStatus: String?

    /// Orders entries of the same moment: activities first, then affiliation changes.
    static func rank(_ type: EntryType) -> Int { EntryType.allCases.firstIndex(of: type)! }

    init(row: PostgresRow, zone: UnitZone, units: UnitTable) throws {
        type = EntryType(rawValue: try row.decode("type")) ?? .interaction
        at = LocalTime(try row.decode("at"), in: zone)
        // A delivery's row carries its mailing in interaction_id and its state in status.
        if type == .mailing {
            mailingId = try row.decode("interaction_id")
            deliveryStatus = try row.decode("status")
        } else {
            interactionId = try row.decode("interaction_id")
            status = try row.decode("status", as: String?.self).flatMap(InteractionStatus.init(rawValue:))
        }
        title = try row.decode("title")
        interactionKind = try row.decode("interaction_kind", as: String?.self).flatMap(InteractionKind.init(rawValue:))
        role = try row.decode("role")
        invited = try row.decode("invited")
        attended = try row.decode("attended")
        unitCode = try row.decode("unit_id", as: Int?.self).map { units[$0].code }
        affiliationId = try row.decode("affiliation_id")
        contactId = try row.decode("contact_id")
        contactName = try row.decode("contact_name")
        organizationId = try row.decode("organization_id")
        organizationName = try row.decode("organization_name")
    }
}

/// A page of a timeline, newest first.
public struct TimelinePage: Sendable {
    public var entries: [TimelineEntry]
    public var nextCursor: String?
}

extension TimelinePage: ItemsPageEncodable {
    public var pageItems: [TimelineEntry] { entries }
}
