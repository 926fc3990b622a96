/// A unit as the generator needs it: where contacts and organizations are owned.
struct GeneratorUnit: Sendable {
    enum Level: String, Sendable {
        case national, province, regency, city
    }

    let id: Int
    let parentID: Int?
    let code: String
    let level: Level
    /// "Jawa Tengah", "Kota Semarang": what outlet names and addresses are built on.
    let regionName: String
    /// Hours ahead of UTC on the unit's wall clock: WIB 7, WITA 8, WIT 9 (fixed since 1988, as
    /// sql/0900's humas.unit_local_time relies on too).
    var utcOffsetHours: Int = 7

    /// The province a contact of this unit belongs to; `nil` for KPU RI.
    var provinceID: Int? {
        switch level {
        case .national: nil
        case .province: id
        case .regency, .city: parentID
        }
    }
}

/// A national party of the 2024 ballot, as seeded by `seed/02_parties.sql`.
struct GeneratorParty: Sendable {
    let id: Int64
    let ballotNumber: Int
    let name: String
    let shortName: String
    let isAcehLocal: Bool
}

/// Picks the owning unit of each generated contact or activity, weighted like a real directory:
/// most contacts belong to the 514 kabupaten/kota (about 83% in all, each a little different),
/// about 14% to the 38 provinces and 3% to KPU RI. Each unit's weight depends on the seed alone,
/// so a unit with many contacts is also a busy one.
struct UnitPicker: Sendable {
    private let nationalID: Int
    private let provinces: WeightedChoice<Int>
    private let localUnits: WeightedChoice<Int>
    private let nationalShare: Double
    private let provincialShare: Double

    init(units: [GeneratorUnit], seed: UInt64, nationalShare: Double = 0.03, provincialShare: Double = 0.14) {
        self.nationalShare = nationalShare
        self.provincialShare = provincialShare
        var generator = SeededRandom(seed: seed ^ 0x756E_6974_7765_6967)  // "unitweig"
        nationalID = units.first { $0.level == .national }?.id ?? 1
        // Cities and big regencies keep more contacts than remote ones: weights 0.4 to 2.0.
        func weighted(_ level: (GeneratorUnit.Level) -> Bool) -> WeightedChoice<Int> {
            let chosen = units.filter { level($0.level) }
            return WeightedChoice(chosen.map { ($0.id, Double.random(in: 0.4...2.0, using: &generator)) })
        }
        provinces = weighted { $0 == .province }
        localUnits = weighted { $0 == .regency || $0 == .city }
    }

    func pick(using generator: inout SeededRandom) -> Int {
        let draw = Double.random(in: 0..<1, using: &generator)
        if draw < nationalShare { return nationalID }
        if draw < nationalShare + provincialShare { return provinces.pick(using: &generator) }
        return localUnits.pick(using: &generator)
    }
}

/// A choice among items with weights, by binary search over the running totals.
struct WeightedChoice<Item: Sendable>: Sendable {
    private let items: [Item]
    private let cumulative: [Double]

    init(_ weighted: [(Item, Double)]) {
        precondition(!weighted.isEmpty, "a weighted choice needs at least one item")
        items = weighted.map(\.0)
        var total = 0.0
        cumulative = weighted.map { total += $0.1; return total }
    }

    func pick(using generator: inout SeededRandom) -> Item {
        let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &generator)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return items[low]
    }
}
