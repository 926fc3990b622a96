/// One value of a breakdown (activities of one kind, contacts of one category). Breakdowns list
/// every value of their vocabulary, zeros included, in the vocabulary's order.
public struct FigureCount: Sendable, Codable, Hashable {
    public var key: String
    public var value: Int

    public init(key: String, value: Int) {
        self.key = key
        self.value = value
    }
}

/// The figures of one part of a report (the unit itself, a sub-unit) or of its total.
///
/// Activity, follow-up and mailing figures are additive: a total is its parts' sum less what
/// they counted twice (``UnitReport/overlap``). Contacts, organizations, outlets, journalists
/// and parties are distinct within this part and are not.
public struct ReportFigures: Sendable, Codable, Hashable {
    public var activitiesPlanned = 0
    public var activitiesDone = 0
    public var activitiesCancelled = 0
    /// People reached who are not in the directory, over done activities.
    public var audienceReached = 0
    public var byKind: [FigureCount] = []
    public var byMode: [FigureCount] = []
    public var byStrategy: [FigureCount] = []
    public var byMonth: [FigureCount] = []
    public var pressReleases = 0
    public var pressConferences = 0

    public var contactsEngaged = 0
    public var contactsByCategory: [FigureCount] = []
    public var organizationsEngaged = 0
    public var organizationsByKind: [FigureCount] = []
    public var outletsEngaged = 0
    public var journalistsEngaged = 0
    public var partiesEngaged = 0

    public var mailings = 0
    public var mailSent = 0
    public var mailFailed = 0
    public var mailBounced = 0
    public var mailOptedOut = 0

    public var followupsOpened = 0
    public var followupsDone = 0
    public var followupsOverdue = 0

    public init() {}
}

/// A figure the report compares with the previous period.
public struct HeadlineFigure: Sendable, Hashable {
    /// The JSON and CSV name (`activities_done`).
    public let name: String
    /// Whether a total is the sum of its parts (less the overlap).
    public let additive: Bool
    public let value: @Sendable (ReportFigures) -> Int

    public static func == (lhs: HeadlineFigure, rhs: HeadlineFigure) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    public static let all: [HeadlineFigure] = [
        .init(name: "activities_done", additive: true) { $0.activitiesDone },
        .init(name: "activities_planned", additive: true) { $0.activitiesPlanned },
        .init(name: "activities_cancelled", additive: true) { $0.activitiesCancelled },
        .init(name: "audience_reached", additive: true) { $0.audienceReached },
        .init(name: "press_releases", additive: true) { $0.pressReleases },
        .init(name: "press_conferences", additive: true) { $0.pressConferences },
        .init(name: "contacts_engaged", additive: false) { $0.contactsEngaged },
        .init(name: "organizations_engaged", additive: false) { $0.organizationsEngaged },
        .init(name: "outlets_engaged", additive: false) { $0.outletsEngaged },
        .init(name: "journalists_engaged", additive: false) { $0.journalistsEngaged },
        .init(name: "parties_engaged", additive: false) { $0.partiesEngaged },
        .init(name: "mailings", additive: true) { $0.mailings },
        .init(name: "mail_sent", additive: true) { $0.mailSent },
        .init(name: "mail_failed", additive: true) { $0.mailFailed },
        .init(name: "mail_bounced", additive: true) { $0.mailBounced },
        .init(name: "mail_opted_out", additive: true) { $0.mailOptedOut },
        .init(name: "followups_opened", additive: true) { $0.followupsOpened },
        .init(name: "followups_done", additive: true) { $0.followupsDone },
        .init(name: "followups_overdue", additive: true) { $0.followupsOverdue },
    ]
}

/// A headline figure now and in the previous period.
public struct FigureChange: Sendable, Codable, Hashable {
    public var name: String
    public var current: Int
    public var previous: Int
    /// current - previous.
    public var change: Int
    /// The change in percent of the previous value, when it is not 0.
    public var percent: Double?

    public init(name: String, current: Int, previous: Int) {
        self.name = name
        self.current = current
        self.previous = previous
        change = current - previous
        percent = previous == 0 ? nil : (Double(current - previous) * 1000 / Double(previous)).rounded() / 10
    }
}
