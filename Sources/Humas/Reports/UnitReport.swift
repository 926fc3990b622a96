import Foundation

/// A unit's report for a period: its figures for itself, per direct sub-unit and in total, the
/// change against the previous period, party equal access and its mailings. What
/// `humas report show` prints and what a submission freezes.
public struct UnitReport: Sendable, Codable, Hashable {
    public var unit: ReportUnit
    public var period: ReportPeriod
    public var previousPeriod: ReportPeriod
    /// When the figures were read: the moment a submitted report was frozen.
    public var generatedAt: Date
    /// Activities the unit itself organized (as owner or co-organizer).
    public var own: ReportFigures
    /// Each direct sub-unit with its whole subtree, in the tree's order.
    public var subUnits: [ReportPart]
    /// What the parts counted more than once (activities organized together by several of them):
    /// for every additive figure, total = own + sum(sub_units) - overlap.
    public var overlap: ReportFigures
    public var total: ReportFigures
    /// Every headline figure of the total against the previous period.
    public var changes: [FigureChange]
    /// Every party contesting in the unit, engaged or not, in ballot order.
    public var parties: [PartyAccess]
    /// The mailings the unit and its sub-units started in the period.
    public var mailings: [MailingFigures]

    /// The parties no activity of the period invited or had attend.
    public var partiesNeverEngaged: [PartyAccess] { parties.filter { $0.invited == 0 && $0.attended == 0 } }
}

/// The unit a report is about.
public struct ReportUnit: Sendable, Codable, Hashable {
    public var code: String
    public var name: String
    public var level: Unit.Level
    /// WIB, WITA or WIT: the zone of its local days.
    public var zone: String
    public var parentCode: String?
    public var parentName: String?
}

/// One direct sub-unit's figures (its whole subtree).
public struct ReportPart: Sendable, Codable, Hashable {
    public var code: String
    public var name: String
    public var figures: ReportFigures
}

/// A party's engagement in the period: activities it was invited to (not cancelled) and done
/// activities it attended, through the party itself, a branch, or a contact representing it.
public struct PartyAccess: Sendable, Codable, Hashable {
    public var ballotNumber: Int
    public var name: String
    public var shortName: String?
    /// `national` or `aceh_local`.
    public var scope: String
    public var invited: Int
    public var attended: Int
}

/// One mailing of the period with what became of its deliveries.
public struct MailingFigures: Sendable, Codable, Hashable {
    public var id: Int64
    public var unitCode: String
    public var name: String
    public var startedAt: Date
    public var recipients: Int
    public var sent: Int
    public var failed: Int
    public var bounced: Int
    public var optedOut: Int
    public var skipped: Int
}
