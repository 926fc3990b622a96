/// Makes the activities of one data set: the n-th from the seed and n alone, given the seed's
/// contacts.
///
/// Activities fall on working days in office hours on the owning unit's wall clock, over
/// 2022 to February 2027. The data set describes the world as of ``asOf`` (fixed, so that a seed
/// means the same rows whenever it is generated): before it activities are done (a few
/// cancelled), after it planned.
struct InteractionFactory: Sendable {
    static let firstDay = CivilDate(year: 2022, month: 1, day: 1)
    static let lastDay = CivilDate(year: 2027, month: 2, day: 28)
    static let asOf = CivilDate(year: 2026, month: 12, day: 1)

    let seed: UInt64
    private let units: [GeneratorUnit]
    private let unitsByID: [Int: GeneratorUnit]
    private let childrenByProvince: [Int: [Int]]
    private let picker: UnitPicker
    private let pool: ContactPool
    private let kinds = WeightedChoice(InteractionKind.all.map { ($0, $0.weight) })

    init(seed: UInt64, units: [GeneratorUnit], pool: ContactPool) {
        self.seed = seed
        self.units = units
        unitsByID = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) })
        childrenByProvince = Dictionary(grouping: units.filter { $0.level == .regency || $0.level == .city }) { $0.parentID ?? 0 }
            .mapValues { $0.map(\.id) }
        // Offices report more than they keep contacts for: a province's team runs more
        // activities per head than a kabupaten's, KPU RI's the most of any one unit.
        picker = UnitPicker(units: units, seed: seed, nationalShare: 0.02, provincialShare: 0.18)
        self.pool = pool
    }

    /// The `number`-th activity (1-based). The first of every unit's come first, so any data
    /// set of at least 553 activities has some at every office.
    func interaction(_ number: Int) -> GeneratedInteraction {
        var generator = SeededRandom(seed: (seed ^ 0x696E_7465_7261_6374) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(number))  // "interact"
        let unit = number <= units.count ? units[number - 1] : unitsByID[picker.pick(using: &generator)]!
        let kind = kinds.pick(using: &generator)
        let strategy = Double.random(in: 0..<1, using: &generator) < 0.55
            ? kind.usualStrategies.randomElement(using: &generator)! : InteractionKind.strategies.pick(using: &generator)
        let modeDraw = Double.random(in: 0..<1, using: &generator)
        let mode = modeDraw < kind.daring ? "daring" : modeDraw < kind.daring + kind.hybrid ? "hybrid" : "luring"

        let day = workingDay(kind: kind.code, using: &generator)
        let startMinute = Int.random(in: 16...31, using: &generator) * 30  // 08:00 to 15:30
        let endMinute = startMinute + Int.random(in: 2...8, using: &generator) * 30  // 1 to 4 hours
        let status: String
        let statusDraw = Int.random(in: 0..<100, using: &generator)
        if day < Self.asOf { status = statusDraw < 3 ? "cancelled" : "done" } else { status = statusDraw < 2 ? "cancelled" : "planned" }

        let topic = (kind.code == "hoax_clarification" ? InteractionWords.hoaxes : InteractionWords.topics).randomElement(using: &generator)!
        let place = mode == "daring" ? nil
            : InteractionWords.places.randomElement(using: &generator)! + " " + GeneratedOrganizations.bareName(unit.regionName)
        let online = mode != "luring" && !["press_release", "call", "message"].contains(kind.code)
        var audience = 0
        if status == "done", kind.code == "socialization" { audience = Int.random(in: 30...400, using: &generator) }
        if status == "done", kind.code == "talkshow" { audience = Int.random(in: 200...20_000, using: &generator) }
        let outcome = status == "done" && Int.random(in: 0..<100, using: &generator) < 40
            ? InteractionWords.outcomes.randomElement(using: &generator)! : nil

        return GeneratedInteraction(
            externalRef: "gen-\(seed)-\(number)", unitID: unit.id, kind: kind.code, mode: mode, strategy: strategy,
            status: status, cancelReason: status == "cancelled" ? InteractionWords.cancelReasons.randomElement(using: &generator)! : nil,
            title: kind.title(topic, unit), place: place,
            meetingURL: online ? "https://meet.kpu.example/\(unit.code.lowercased())-\(number)" : nil, outcome: outcome,
            startsAt: Self.timestamp(day, minute: startMinute, unit: unit), endsAt: Self.timestamp(day, minute: endMinute, unit: unit),
            audienceCount: audience,
            participants: participants(kind: kind, status: status, unit: unit, using: &generator),
            coorganizerUnitIDs: coorganizers(of: unit, using: &generator),
            followups: followups(status: status, day: day, using: &generator))
    }

    /// A day from Monday to Friday; socialization now and then on a Saturday, when people are
    /// free. A weekend day is drawn again rather than moved, so no weekday gets more than its share.
    private func workingDay(kind: String, using generator: inout SeededRandom) -> CivilDate {
        let span = Self.lastDay.daysSince1970 - Self.firstDay.daysSince1970
        while true {
            let day = Self.firstDay.adding(days: Int.random(in: 0...span, using: &generator))
            switch (day.daysSince1970 + 4) % 7 {  // 1970-01-01 was a Thursday: 0 is Sunday, 6 Saturday
            case 0: continue
            case 6: if kind == "socialization", Int.random(in: 0..<4, using: &generator) == 0 { return day }
            default: return day
            }
        }
    }

    private func participants(
        kind: InteractionKind, status: String, unit: GeneratorUnit, using generator: inout SeededRandom
    ) -> [GeneratedInteraction.Participant] {
        let drawn = pool.draw(Int.random(in: kind.participants, using: &generator), for: unit, units: unitsByID, using: &generator)
        return drawn.enumerated().map { index, contact in
            let role: String
            if index == 0, let lead = kind.leadRole {
                role = lead
            } else {
                let draw = Int.random(in: 0..<100, using: &generator)
                role = draw < 86 ? "attendee" : draw < 92 ? "guest" : draw < 96 ? "speaker" : "observer"
            }
            let attended: Bool? = status == "done" ? Int.random(in: 0..<100, using: &generator) < 85 : nil
            return .init(contact: contact, role: role, attended: attended)
        }
    }

    /// About 4% of a province's activities are held with one or two of its kabupaten/kota, and as
    /// many of a kabupaten's with its province.
    private func coorganizers(of unit: GeneratorUnit, using generator: inout SeededRandom) -> [Int] {
        guard unit.level != .national, Int.random(in: 0..<100, using: &generator) < 4 else { return [] }
        guard unit.level == .province else { return unit.parentID.map { [$0] } ?? [] }
        let children = childrenByProvince[unit.id] ?? []
        var chosen: [Int] = []
        for _ in 0..<Int.random(in: 1...2, using: &generator) {
            if let child = children.randomElement(using: &generator), !chosen.contains(child) { chosen.append(child) }
        }
        return chosen
    }

    /// A few follow-ups in every hundred activities; most of the past ones are done.
    private func followups(status: String, day: CivilDate, using generator: inout SeededRandom) -> [GeneratedInteraction.Followup] {
        let share = status == "done" ? 6 : status == "planned" ? 2 : 0
        guard Int.random(in: 0..<100, using: &generator) < share else { return [] }
        return (0..<Int.random(in: 1...2, using: &generator)).map { _ in
            let due = day.adding(days: Int.random(in: 3...14, using: &generator))
            let finished = due < Self.asOf && Int.random(in: 0..<100, using: &generator) < 75
            return .init(action: InteractionWords.followupActions.randomElement(using: &generator)!, dueOn: due,
                         doneOn: finished ? max(day, due.adding(days: -Int.random(in: 0...2, using: &generator))) : nil)
        }
    }

    /// `2025-10-14 09:00:00+07`: minutes after midnight on the unit's wall clock.
    static func timestamp(_ day: CivilDate, minute: Int, unit: GeneratorUnit) -> String {
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(day.isoText) \(twoDigits(minute / 60)):\(twoDigits(minute % 60)):00+\(twoDigits(unit.utcOffsetHours))"
    }
}
