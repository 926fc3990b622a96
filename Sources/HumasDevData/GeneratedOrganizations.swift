/// An organization the generator adds: a media outlet or a party's provincial branch.
struct GeneratedOrganization: Sendable {
    let externalRef: String
    let name: String
    let shortName: String?
    let kind: String
    let mediaType: String?
    let region: String
    /// The national party a branch belongs to (already in the database, from the seed).
    let parentID: Int64?
    let emails: [String]
    let phones: [String]
    let website: String?
    let tags: [String]
    let unitID: Int

    /// What `humas.contacts_org_names` (sql/0009) writes for a contact currently affiliated
    /// here, so generated contacts arrive with it and the affiliation trigger changes nothing.
    var searchableName: String { shortName.map { "\(name) \($0)" } ?? name }
}

/// The outlets and party branches of one generated data set, and where contacts find them.
///
/// Every province gets its own outlets (owned by the province unit, so its kabupaten/kota read
/// them as an ancestor's records) named after the province or one of its towns, and a branch of
/// every national party (DPW or DPD, as each party calls it) whose parent is the national party
/// seeded under KPU RI. KPU RI gets a few national outlets and news agencies.
struct GeneratedOrganizations: Sendable {
    private(set) var all: [GeneratedOrganization] = []
    /// Outlet indices into ``all`` by owning unit: KPU RI (national outlets) and each province.
    private(set) var outletsByUnit: [Int: [Int]] = [:]
    /// Branch indices into ``all`` by province, then by national party id.
    private(set) var branches: [Int: [Int64: Int]] = [:]
    let parties: [GeneratorParty]

    /// Parties whose provincial boards are called DPD (Dewan Pimpinan Daerah); the others say DPW.
    private static let dpdParties: Set<String> = ["Gerindra", "PDI Perjuangan", "Golkar", "Hanura", "Demokrat"]

    init(seed: UInt64, units: [GeneratorUnit], parties: [GeneratorParty]) {
        self.parties = parties
        var generator = SeededRandom(seed: seed ^ 0x6F72_6761_6E69_7A65)  // "organize"
        let nationalID = units.first { $0.level == .national }?.id ?? 1
        addNationalOutlets(unitID: nationalID, seed: seed, using: &generator)
        for province in units where province.level == .province {
            let towns = units.filter { $0.parentID == province.id }.map { Self.bareName($0.regionName) }
            addProvincialOutlets(province, towns: towns, seed: seed, using: &generator)
            for party in parties where !party.isAcehLocal {
                let board = Self.dpdParties.contains(party.shortName) ? "DPD" : "DPW"
                branches[province.id, default: [:]][party.id] = all.count
                all.append(GeneratedOrganization(
                    externalRef: "gen-\(seed)-branch-\(party.ballotNumber)-\(province.code)",
                    name: "\(board) \(party.name) \(province.regionName)",
                    shortName: "\(board) \(party.shortName) \(province.regionName)",
                    kind: "political_party", mediaType: nil, region: province.regionName, parentID: party.id,
                    emails: [], phones: [FakeContactDetails.mobileNumber(all.count, salt: ~seed, using: &generator)],
                    website: nil, tags: ["partai", "pemilu-2024"], unitID: province.id))
            }
        }
    }

    /// "Kota Semarang" -> "Semarang", "Kabupaten Kepulauan Seribu" -> "Kepulauan Seribu".
    static func bareName(_ regionName: String) -> String {
        for prefix in ["Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "] where regionName.hasPrefix(prefix) {
            return String(regionName.dropFirst(prefix.count))
        }
        return regionName
    }

    private mutating func addNationalOutlets(unitID: Int, seed: UInt64, using generator: inout SeededRandom) {
        var names = Set<String>()
        let kinds: [IndonesianNames.OutletKind] = [.print, .online, .online, .television, .radio]
        while names.count < 20 {
            let kind = kinds[names.count % kinds.count]
            let name = IndonesianNames.mediaOutlet(kind, using: &generator)
            guard names.insert(name).inserted else { continue }
            addOutlet(name: name, mediaType: Self.mediaType(kind), region: "Indonesia", tags: ["media-nasional"],
                      unitID: unitID, seed: seed, using: &generator)
        }
        for agency in ["Kantor Berita Nusantara", "Kantor Berita Khatulistiwa"] {
            addOutlet(name: agency, mediaType: "news_agency", region: "Indonesia", tags: ["media-nasional"],
                      unitID: unitID, seed: seed, using: &generator)
        }
    }

    /// About 8 outlets per province plus one for every two kabupaten/kota, named after the
    /// province or one of its towns: "Harian Jawa Tengah", "KabarSemarang.id", "Radio Gema Demak 98,4 FM".
    private mutating func addProvincialOutlets(
        _ province: GeneratorUnit, towns: [String], seed: UInt64, using generator: inout SeededRandom
    ) {
        let count = 8 + towns.count / 2
        var names = Set<String>()
        let kinds: [IndonesianNames.OutletKind] = [.print, .online, .online, .radio, .online, .television, .print, .radio]
        while names.count < count {
            let kind = kinds[names.count % kinds.count]
            let place = towns.isEmpty || Bool.random(using: &generator) ? province.regionName : towns.randomElement(using: &generator)!
            let word = IndonesianNames.outletWords(for: kind).randomElement(using: &generator)!
            let name: String
            switch kind {
            case .print: name = "\(word) \(place)"
            case .online: name = word + place.filter { $0 != " " } + [".id", ".com", "News"].randomElement(using: &generator)!
            case .radio:
                let frequency = Int.random(in: 876...1079, using: &generator)
                name = "Radio \(word) \(place) \(frequency / 10),\(frequency % 10) FM"
            case .television: name = "\(word) \(place) TV"
            }
            guard names.insert(name).inserted else { continue }
            addOutlet(name: name, mediaType: Self.mediaType(kind), region: province.regionName, tags: ["media-lokal"],
                      unitID: province.id, seed: seed, using: &generator)
        }
    }

    private mutating func addOutlet(
        name: String, mediaType: String, region: String, tags: [String], unitID: Int, seed: UInt64,
        using generator: inout SeededRandom
    ) {
        // "LintasToba.id" keeps its own name as the domain: lintastoba.example.
        let domain = FakeContactDetails.slug(name.prefix { $0 != "." }) + ".example"
        outletsByUnit[unitID, default: []].append(all.count)
        all.append(GeneratedOrganization(
            externalRef: "gen-\(seed)-outlet-\(all.count + 1)", name: name, shortName: nil, kind: "media_outlet",
            mediaType: mediaType, region: region, parentID: nil, emails: ["redaksi@\(domain)"],
            // ~seed: organizations draw from other numbers than the contacts (salted by seed).
            phones: [FakeContactDetails.mobileNumber(all.count, salt: ~seed, using: &generator)],
            website: "https://\(domain)", tags: tags, unitID: unitID))
    }

    private static func mediaType(_ kind: IndonesianNames.OutletKind) -> String {
        switch kind {
        case .print: "print"
        case .online: "online"
        case .radio: "radio"
        case .television: "tv"
        }
    }
}
