/// The contacts of one generated data set, grouped by owning unit: where an activity's
/// participants come from.
///
/// An office invites people it can read as its own records or its ancestors' (a kabupaten's
/// activity may have a provincial journalist or a national observer, never a neighbour's
/// contact), so each draw picks one of those units' groups first: its own most often.
struct ContactPool: Sendable {
    /// Contact ids in contact-number order, so a seed draws the same people in every database.
    let ids: [Int64]
    /// The contact's current organization (the one an activity records it came for), if any.
    let organizationIDs: [Int64?]
    private let byUnit: [Int: [Int]]

    init(ids: [Int64], unitIDs: [Int], organizationIDs: [Int64?]) {
        self.ids = ids
        self.organizationIDs = organizationIDs
        var byUnit: [Int: [Int]] = [:]
        for (index, unitID) in unitIDs.enumerated() { byUnit[unitID, default: []].append(index) }
        self.byUnit = byUnit
    }

    var isEmpty: Bool { ids.isEmpty }

    /// Draws up to `count` distinct contacts readable by `unit`, from its own contacts, its
    /// province's and KPU RI's, in the given shares (weights for self, parent and grandparent).
    func draw(
        _ count: Int, for unit: GeneratorUnit, units: [Int: GeneratorUnit], using generator: inout SeededRandom
    ) -> [Int] {
        var groups: [(members: [Int], weight: Double)] = []
        var current: GeneratorUnit? = unit
        // A kabupaten's own people most, its province's some, KPU RI's few; a province likewise.
        var weights = [0.7, 0.22, 0.08][...]
        while let level = current, let weight = weights.popFirst() {
            if let members = byUnit[level.id], !members.isEmpty { groups.append((members, weight)) }
            current = level.parentID.flatMap { units[$0] }
        }
        guard !groups.isEmpty else { return [] }
        let total = groups.reduce(0) { $0 + $1.weight }
        var chosen: [Int] = []
        var attempts = 0
        while chosen.count < count, attempts < count * 3 {
            attempts += 1
            var target = Double.random(in: 0..<total, using: &generator)
            var group = groups[groups.count - 1].members
            for candidate in groups {
                if target < candidate.weight { group = candidate.members; break }
                target -= candidate.weight
            }
            let contact = group.randomElement(using: &generator)!
            if !chosen.contains(contact) { chosen.append(contact) }
        }
        return chosen
    }
}
