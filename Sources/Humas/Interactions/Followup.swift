import Foundation
import Postgres

/// A follow-up (tindak lanjut) of an activity: what to do, who does it, by when.
/// Encoded with every optional field present (`null` when empty), as the API documents it.
public struct Followup: Sendable, Encodable, Hashable {
    public var id: Int64
    public var interactionId: Int64
    public var interactionTitle: String
    public var unitCode: String
    public var action: String
    public var assigneeEmail: String?
    public var assigneeName: String?
    public var dueOn: PostgresDate?
    public var doneOn: PostgresDate?
    public var isDone: Bool { doneOn != nil }
    public var createdAt: Date

    static let select: PostgresQuery = """
        SELECT f.id, f.interaction_id, i.title AS interaction_title, un.code AS unit_code, f.action,
               u.email AS assignee_email, u.full_name AS assignee_name, f.due_on, f.done_on, f.created_at
        FROM humas.followups f
        JOIN humas.interactions i ON i.id = f.interaction_id
        JOIN humas.units un ON un.id = f.unit_id
        LEFT JOIN humas.users u ON u.id = f.assignee_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        interactionId = try row.decode("interaction_id")
        interactionTitle = try row.decode("interaction_title")
        unitCode = try row.decode("unit_code")
        action = try row.decode("action")
        assigneeEmail = try row.decode("assignee_email")
        assigneeName = try row.decode("assignee_name")
        dueOn = try row.decode("due_on")
        doneOn = try row.decode("done_on")
        createdAt = try row.decode("created_at")
    }

    private enum CodingKeys: String, CodingKey {
        case id, interactionId, interactionTitle, unitCode, action, assigneeEmail, assigneeName, dueOn, doneOn, isDone, createdAt
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(interactionId, forKey: .interactionId)
        try c.encode(interactionTitle, forKey: .interactionTitle)
        try c.encode(unitCode, forKey: .unitCode)
        try c.encode(action, forKey: .action)
        try c.encode(assigneeEmail, forKey: .assigneeEmail)
        try c.encode(assigneeName, forKey: .assigneeName)
        try c.encode(dueOn, forKey: .dueOn)
        try c.encode(doneOn, forKey: .doneOn)
        try c.encode(isDone, forKey: .isDone)
        try c.encode(createdAt, forKey: .createdAt)
    }
}

/// A new follow-up of an activity.
public struct NewFollowup: Sendable {
    public var interactionID: Int64
    public var action: String
    /// The assignee's e-mail: a user of the activity's unit or below.
    public var assignee: String?
    public var dueOn: PostgresDate?

    public init(interactionID: Int64, action: String, assignee: String? = nil, dueOn: PostgresDate? = nil) {
        self.interactionID = interactionID
        self.action = action
        self.assignee = assignee
        self.dueOn = dueOn
    }
}

/// Which follow-ups a listing holds.
public struct FollowupFilter: Sendable {
    /// Only open ones due today or earlier (in the user's unit's zone).
    public var due = false
    /// Only the user's own.
    public var mine = false
    /// Only open ones (not done).
    public var open = false
    public var interaction: Int64?

    public init(due: Bool = false, mine: Bool = false, open: Bool = false, interaction: Int64? = nil) {
        self.due = due
        self.mine = mine
        self.open = open
        self.interaction = interaction
    }
}
