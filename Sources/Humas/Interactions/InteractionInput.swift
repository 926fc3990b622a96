import Foundation
import Postgres

/// A new activity as a user typed it. Times are text: a bare `2025-10-14 09:00` is read in the
/// owning unit's zone when a person typed it, refused from a program (see ``InputOrigin``).
public struct NewInteraction: Sendable {
    public var kind: String
    public var mode: String
    public var strategy: String
    public var title: String
    public var startsAt: String
    public var endsAt: String?
    public var place: String?
    public var meetingURL: String?
    public var summary: String?
    public var outcome: String?
    /// Default: `done` when it started in the past, `planned` otherwise.
    public var status: String?
    public var cancelReason: String?
    public var documentationURLs: [String] = []
    public var audienceCount: Int?
    /// The owning unit's code; default the user's own.
    public var unit: String?
    /// Codes of the units that held it too.
    public var coorganizers: [String] = []
    public var campaignID: Int64?
    /// The campaign by id or name, as a person names it (used when `campaignID` is nil).
    public var campaign: String?
    /// Participants added in the same transaction as the activity.
    public var participants = ParticipantSelection()
    /// Marks those participants as having attended (for an activity logged after it happened).
    public var participantsAttended = false
    public var origin = InputOrigin.commandLine

    public init(kind: String, mode: String, strategy: String, title: String, startsAt: String) {
        self.kind = kind
        self.mode = mode
        self.strategy = strategy
        self.title = title
        self.startsAt = startsAt
    }
}

/// Changes to an activity: `nil` leaves a field alone; an empty text clears an optional one.
public struct InteractionChanges: Sendable {
    public var kind: String?
    public var mode: String?
    public var strategy: String?
    public var title: String?
    public var startsAt: String?
    public var endsAt: String?
    public var place: String?
    public var meetingURL: String?
    public var summary: String?
    public var outcome: String?
    /// `planned` or `done`; cancelling goes through ``Interactions/cancel(_:reason:)``.
    public var status: String?
    public var documentationURLs: [String]?
    public var audienceCount: Int?
    public var coorganizers: [String]?
    public var origin = InputOrigin.commandLine

    public init() {}

    var isEmpty: Bool {
        [kind, mode, strategy, title, startsAt, endsAt, place, meetingURL, summary, outcome, status].allSatisfy { $0 == nil }
            && documentationURLs == nil && audienceCount == nil && coorganizers == nil
    }
}

/// Who typed an activity's values, which decides how forgiving the reading is.
public enum InputOrigin: Sendable {
    /// A person at a terminal: a bare time is the unit's local time, and `Press-Conference` is
    /// `press_conference`.
    case commandLine
    /// A program: every time carries its offset (a script's clock may be anywhere), and values
    /// are exactly the documented ones.
    case api

    func parse<Value: RawRepresentable & CaseIterable>(_ text: String, as type: Value.Type, field: String) throws -> Value
    where Value.RawValue == String {
        if self == .api, Value(rawValue: text) == nil {
            throw HumasError.invalid(field: field, message: "'\(text)' is not one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return try Value.parse(text, field: field)
    }
}

/// The checked values of an activity, ready for SQL.
struct InteractionValues: Sendable {
    var kind: InteractionKind
    var mode: InteractionMode
    var strategy: BakohumasStrategy
    var title: String
    var startsAt: Date
    var endsAt: Date?
    var place: String?
    var meetingURL: String?
    var summary: String?
    var outcome: String?
    var status: InteractionStatus
    var documentationURLs: [String]
    var audienceCount: Int

    static let maximumLinks = 20
    static let maximumAudience = 100_000_000

    /// Checks every field of `new`, gathering all problems before throwing.
    init(_ new: NewInteraction, zone: UnitZone, now: Date = Date()) throws {
        var problems = FieldProblems()
        let kind = problems.check { try new.origin.parse(new.kind, as: InteractionKind.self, field: "kind") }
        let mode = problems.check { try new.origin.parse(new.mode, as: InteractionMode.self, field: "mode") }
        let strategy = problems.check { try new.origin.parse(new.strategy, as: BakohumasStrategy.self, field: "strategy") }
        let title = problems.check { try DirectoryInput.name(new.title, field: "title", maxLength: 300, example: "Konferensi pers penetapan DPT") }
        let timeZone = new.origin == .commandLine ? zone : nil
        let startsAt = problems.check { try LocalTimeInput.parse(new.startsAt, field: "starts_at", zone: timeZone) }
        let endsAt = problems.check { try new.endsAt.flatMap(DirectoryInput.text).map { try LocalTimeInput.parse($0, field: "ends_at", zone: timeZone) } } ?? nil
        let status = problems.check { try new.status.map { try new.origin.parse($0, as: InteractionStatus.self, field: "status") } } ?? nil
        problems.check { try new.origin.parse(new.participants.role, as: ParticipantRole.self, field: "role") }
        if status == .cancelled {
            problems.add("status", "an activity is cancelled with `humas interaction cancel ID --reason …` (POST /v1/interactions/{id}/cancel), which keeps the reason")
        }
        let links = problems.check { try Self.links(new.documentationURLs) }
        let meetingURL = problems.check { try Self.link(new.meetingURL, field: "meeting_url") } ?? nil
        let audience = problems.check { try Self.audience(new.audienceCount) }
        if let startsAt, let endsAt, endsAt < startsAt {
            problems.add("ends_at", "\(zone.display(endsAt)) is before starts_at \(zone.display(startsAt)); an activity cannot end before it starts")
        }
        try problems.throwIfAny()
        self.kind = kind!
        self.mode = mode!
        self.strategy = strategy!
        self.title = title!
        self.startsAt = startsAt!
        self.endsAt = endsAt
        place = DirectoryInput.text(new.place)
        self.meetingURL = meetingURL
        summary = DirectoryInput.text(new.summary)
        outcome = DirectoryInput.text(new.outcome)
        self.status = status ?? (startsAt! <= now ? .done : .planned)
        documentationURLs = links!
        audienceCount = audience!
    }

    /// `current` with `changes` applied, checked as a whole (a new end against the old start).
    init(_ current: Interaction, applying changes: InteractionChanges) throws {
        let zone = current.startsAt.zone
        var new = NewInteraction(
            kind: changes.kind ?? current.kind.rawValue, mode: changes.mode ?? current.mode.rawValue,
            strategy: changes.strategy ?? current.strategy.rawValue, title: changes.title ?? current.title,
            startsAt: changes.startsAt ?? zone.rfc3339(current.startsAt.date))
        new.endsAt = changes.endsAt ?? current.endsAt.map { zone.rfc3339($0.date) }
        new.place = changes.place ?? current.place
        new.meetingURL = changes.meetingURL ?? current.meetingUrl
        new.summary = changes.summary ?? current.summary
        new.outcome = changes.outcome ?? current.outcome
        new.status = changes.status ?? current.status.rawValue
        new.documentationURLs = changes.documentationURLs ?? current.documentationUrls
        new.audienceCount = changes.audienceCount ?? current.audienceCount
        new.origin = changes.origin
        if current.status == .cancelled, changes.status == nil {
            new.status = nil
        }
        try self.init(new, zone: zone)
        if current.status == .cancelled, changes.status == nil { status = .cancelled }
    }

    static func links(_ raw: [String]) throws -> [String] {
        try DirectoryInput.checkCount(raw.count, field: "documentation_urls", maximum: maximumLinks)
        return try raw.enumerated().compactMap { index, text in
            try link(text, field: raw.count == 1 ? "documentation_url" : "documentation_urls[\(index + 1)]")
        }
    }

    /// A link people click: http or https (see ``DirectoryInput/website(_:)``).
    static func link(_ raw: String?, field: String) throws -> String? {
        do {
            return try DirectoryInput.website(raw)
        } catch HumasError.invalid(_, let message) {
            throw HumasError.invalid(field: field, message: message.replacingOccurrences(of: "https://radiodemak.example", with: "https://drive.example/foto-kegiatan"))
        }
    }

    static func audience(_ count: Int?) throws -> Int {
        guard let count else { return 0 }
        guard (0...maximumAudience).contains(count) else {
            throw HumasError.invalid(field: "audience_count", message: "\(count) is not a head count; give 0 to \(maximumAudience) people reached who are not in the directory")
        }
        return count
    }
}
