/// One generated person and their affiliations, determined by the data set's seed and the
/// person's number alone, so any slice of a data set can be made (and remade) on its own.
struct GeneratedContact: Sendable {
    struct Affiliation: Sendable {
        /// Index into ``GeneratedOrganizations/all``, or a seeded national party when `partyID` is set.
        let organizationIndex: Int?
        let partyID: Int64?
        let title: String
        let beat: String?
        let startedOn: CivilDate
        let endedOn: CivilDate?
    }

    let externalRef: String
    let fullName: String
    let honorific: String
    let category: String
    let emails: [String]
    let phones: [String]
    /// JSON object text: `{}` or `{"x": "@handle"}`.
    let social: String
    let unitID: Int
    let tags: [String]
    let legalBasis: String
    let optedOutOn: CivilDate?
    /// The current organizations' names, as `humas.contacts_org_names` would compute them.
    let orgNames: String
    let affiliations: [Affiliation]
}

/// Makes the contacts of one data set.
struct ContactFactory: Sendable {
    let seed: UInt64
    let units: [Int: GeneratorUnit]
    let picker: UnitPicker
    let organizations: GeneratedOrganizations
    private let nationalParties: [GeneratorParty]
    private let acehLocalParties: [GeneratorParty]

    /// Categories and their shares: mostly journalists and party officials.
    private static let categories = WeightedChoice([
        ("journalist", 45.0), ("party_official", 30.0), ("agency_official", 8.0), ("observer", 4.0),
        ("academic", 4.0), ("community_leader", 5.0), ("influencer", 3.0), ("other", 1.0),
    ])
    private static let tagPool = ["pemilu-2024", "pilkada-2024", "narasumber", "bakohumas", "vip", "undangan-rakor", "media-sosial"]
    private static let earliestStart = CivilDate(year: 2012, month: 1, day: 1)
    private static let recentStart = CivilDate(year: 2019, month: 6, day: 1)

    init(seed: UInt64, units: [GeneratorUnit], organizations: GeneratedOrganizations) {
        self.seed = seed
        self.units = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) })
        picker = UnitPicker(units: units, seed: seed)
        self.organizations = organizations
        nationalParties = organizations.parties.filter { !$0.isAcehLocal }
        acehLocalParties = organizations.parties.filter(\.isAcehLocal)
    }

    /// The `number`-th contact (1-based) of the data set.
    func contact(_ number: Int) -> GeneratedContact {
        // SplitMix inside SeededRandom scatters neighbouring seeds, so each person draws from an
        // unrelated sequence.
        var generator = SeededRandom(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(number))
        let person = IndonesianNames.person(using: &generator)
        let unitID = picker.pick(using: &generator)
        let category = Self.categories.pick(using: &generator)

        var emails: [String] = []
        let emailDraw = Int.random(in: 0..<100, using: &generator)
        if emailDraw < 85 {
            emails.append(FakeContactDetails.personalEmail(
                fullName: person.fullName, number: number,
                domain: FakeContactDetails.personalDomains.randomElement(using: &generator)!))
        }
        var phones = [FakeContactDetails.mobileNumber(number, salt: seed, using: &generator)]
        if Int.random(in: 0..<100, using: &generator) < 10 { phones = [] }
        if !phones.isEmpty, Int.random(in: 0..<100, using: &generator) < 30 {
            phones.append(FakeContactDetails.randomMobileNumber(using: &generator))
        }

        var tags: [String] = []
        for _ in 0..<Int.random(in: 0...2, using: &generator) {
            let tag = Self.tagPool.randomElement(using: &generator)!
            if !tags.contains(tag) { tags.append(tag) }
        }

        let affiliations = self.affiliations(category: category, unitID: unitID, using: &generator)
        if let current = affiliations.first(where: { $0.endedOn == nil }), let index = current.organizationIndex,
           emailDraw < 25, category == "journalist" {
            // A quarter of journalists also give their newsroom address.
            let domain = organizations.all[index].website.map { String($0.dropFirst("https://".count)) } ?? "redaksi.example"
            emails.append(FakeContactDetails.personalEmail(fullName: person.fullName, number: number, domain: domain))
        }

        var social = "{}"
        if category == "journalist" || category == "influencer", Int.random(in: 0..<100, using: &generator) < 40 {
            let handle = FakeContactDetails.slug(person.fullName.split(separator: ",")[0]).prefix(12)
            social = "{\"x\": \"@\(handle)\(number % 1000)\"}"
        }
        let optedOut = Int.random(in: 0..<100, using: &generator) == 0
            ? Self.recentStart.adding(days: Int.random(in: 0..<1800, using: &generator)) : nil

        return GeneratedContact(
            externalRef: "gen-\(seed)-\(number)", fullName: person.fullName, honorific: person.honorific,
            category: category, emails: emails, phones: phones, social: social, unitID: unitID, tags: tags,
            legalBasis: category == "journalist" || category == "influencer" ? "legitimate_interest" : "public_task",
            optedOutOn: optedOut, orgNames: orgNames(of: affiliations), affiliations: affiliations)
    }

    /// About 60% of journalists work at an outlet of their province (national outlets for KPU RI's),
    /// a quarter of those after an earlier, ended job at another; 85% of party officials sit on
    /// their party's board in their province.
    private func affiliations(category: String, unitID: Int, using generator: inout SeededRandom) -> [GeneratedContact.Affiliation] {
        let provinceID = units[unitID]?.provinceID
        switch category {
        case "journalist":
            let outlets = organizations.outletsByUnit[provinceID ?? unitID] ?? []
            guard !outlets.isEmpty, Int.random(in: 0..<100, using: &generator) < 60 else { return [] }
            let outlet = outlets.randomElement(using: &generator)!
            let beat = IndonesianNames.beats.randomElement(using: &generator)!
            var start = Self.earliestStart.adding(days: Int.random(in: 0..<4000, using: &generator))
            var result: [GeneratedContact.Affiliation] = []
            if Int.random(in: 0..<100, using: &generator) < 25, let earlier = outlets.randomElement(using: &generator), earlier != outlet {
                let ended = start.adding(days: Int.random(in: 200..<1500, using: &generator))
                result.append(.init(organizationIndex: earlier, partyID: nil,
                                    title: IndonesianNames.mediaRoles.randomElement(using: &generator)!,
                                    beat: IndonesianNames.beats.randomElement(using: &generator)!, startedOn: start, endedOn: ended))
                start = ended.adding(days: Int.random(in: 1..<90, using: &generator))
            }
            result.append(.init(organizationIndex: outlet, partyID: nil,
                                title: IndonesianNames.mediaRoles.randomElement(using: &generator)!, beat: beat,
                                startedOn: start, endedOn: nil))
            return result
        case "party_official":
            guard Int.random(in: 0..<100, using: &generator) < 85 else { return [] }
            let title = IndonesianNames.organizationRoles.randomElement(using: &generator)!
            let start = Self.recentStart.adding(days: Int.random(in: 0..<1500, using: &generator))
            let isAceh = units[provinceID ?? 0]?.code == "ID-AC"
            if isAceh, !acehLocalParties.isEmpty, Int.random(in: 0..<100, using: &generator) < 35 {
                // Aceh's local parties have no generated branches: their officials link to the party itself.
                return [.init(organizationIndex: nil, partyID: acehLocalParties.randomElement(using: &generator)!.id, title: title,
                              beat: nil, startedOn: start, endedOn: nil)]
            }
            guard let party = nationalParties.randomElement(using: &generator) else { return [] }
            if let provinceID, let branch = organizations.branches[provinceID]?[party.id] {
                return [.init(organizationIndex: branch, partyID: nil, title: title, beat: nil, startedOn: start, endedOn: nil)]
            }
            return [.init(organizationIndex: nil, partyID: party.id, title: title, beat: nil, startedOn: start, endedOn: nil)]
        default:
            return []
        }
    }

    private func orgNames(of affiliations: [GeneratedContact.Affiliation]) -> String {
        guard let current = affiliations.first(where: { $0.endedOn == nil }) else { return "" }
        if let index = current.organizationIndex { return organizations.all[index].searchableName }
        guard let party = organizations.parties.first(where: { $0.id == current.partyID }) else { return "" }
        return "\(party.name) \(party.shortName)"
    }
}
