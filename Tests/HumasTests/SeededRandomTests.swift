import HumasDevData
import Testing

@Suite("SeededRandomTests")
struct SeededRandomTests {
    /// Outputs of the reference C implementations of SplitMix64 and xoshiro256** for these seeds;
    /// if they change, every generated development database changes with them.
    @Test("The sequence matches the reference xoshiro256** for a seed", arguments: [
        (UInt64(0), [UInt64(0x99EC_5F36_CB75_F2B4), 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0, 0x6AA5_94F1_262D_2D2C, 0xBBA5_AD4A_1F84_2E59]),
        (UInt64(42), [UInt64(0x1578_0B2E_0C2E_C716), 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1, 0xECB8_AD47_03B3_60A1, 0xFDE6_DC7F_E2EC_5E64]),
        (UInt64.max, [UInt64(0x8F55_20D5_2A7E_AD08), 0xC476_A018_CAA1_802D, 0x81DE_31C0_D260_469E, 0xBF65_8D7E_065F_3C2F, 0x9135_93FD_A1BC_A32A]),
    ])
    func matchesReference(seed: UInt64, expected: [UInt64]) {
        var random = SeededRandom(seed: seed)
        #expect((0..<expected.count).map { _ in random.next() } == expected)
    }

    @Test("The same seed gives the same sequence, another seed a different one")
    func deterministic() {
        var first = SeededRandom(seed: 2024), second = SeededRandom(seed: 2024), other = SeededRandom(seed: 2025)
        let a = (0..<1000).map { _ in first.next() }
        #expect((0..<1000).map { _ in second.next() } == a)
        #expect((0..<1000).map { _ in other.next() } != a)
    }

    @Test("The same seed gives the same people and outlets")
    func reproduciblePeople() {
        func sample(_ seed: UInt64) -> [String] {
            var random = SeededRandom(seed: seed)
            return (0..<50).map { index in
                let person = IndonesianNames.person(using: &random)
                let kind = IndonesianNames.OutletKind.allCases[index % 4]
                return "\(person.honorific) \(person.fullName) / \(IndonesianNames.mediaOutlet(kind, using: &random))"
            }
        }
        #expect(sample(7) == sample(7))
        #expect(sample(7) != sample(8))
    }

    @Test("The word lists are non-empty, cover the required names and share no tokens")
    func wordLists() {
        let lists = [
            IndonesianNames.maleGivenNames, IndonesianNames.femaleGivenNames, IndonesianNames.familyNames,
            IndonesianNames.balineseBirthOrderNames, IndonesianNames.balineseSecondNames,
        ]
        #expect(lists.allSatisfy { !$0.isEmpty && $0.allSatisfy { !$0.isEmpty } })
        #expect(IndonesianNames.maleGivenNames.count + IndonesianNames.femaleGivenNames.count >= 200)
        #expect(IndonesianNames.familyNames.count + IndonesianNames.balineseSecondNames.count >= 200)
        #expect(IndonesianNames.maleGivenNames.contains("Budi"))
        #expect(IndonesianNames.familyNames.contains("Santoso"))
        let all = lists.flatMap { $0 }
        #expect(Set(all).count == all.count, "a name appears twice: \(Dictionary(grouping: all) { $0 }.filter { $1.count > 1 }.keys.sorted())")
        #expect(IndonesianNames.beats == ["politik", "pemilu", "hukum", "pemerintahan", "ekonomi", "daerah", "nasional"])
        #expect(!IndonesianNames.mediaRoles.isEmpty && !IndonesianNames.organizationRoles.isEmpty && !IndonesianNames.regions.isEmpty)
        #expect(IndonesianNames.OutletKind.allCases.allSatisfy { !IndonesianNames.outletWords(for: $0).isEmpty })
    }

    @Test("Generated people have the expected mix of shapes")
    func personShapes() {
        var random = SeededRandom(seed: 1)
        let people = (0..<4000).map { _ in IndonesianNames.person(using: &random) }
        #expect(people.allSatisfy { ["Bapak", "Ibu"].contains($0.honorific) })
        #expect(people.allSatisfy { name in
            !name.fullName.isEmpty && !name.fullName.contains("  ") && name.fullName.first != " " && name.fullName.last != " "
        })
        let singleNames = people.filter { !$0.fullName.contains(" ") }.count
        #expect((100...320).contains(singleNames), "about 5% single names, got \(singleNames) of 4000")
        #expect(people.contains { $0.fullName.hasPrefix("I ") } && people.contains { $0.fullName.hasPrefix("Ni ") })
        #expect(people.contains { $0.fullName.hasPrefix("Dr. ") } && people.contains { $0.fullName.contains(", S.") })
        let women = people.filter { $0.honorific == "Ibu" }.count
        #expect((1700...2300).contains(women))
        #expect(Set(people.map(\.fullName)).count > 3600, "names should rarely repeat")
    }

    @Test("Outlet names follow their kind's pattern")
    func outlets() {
        var random = SeededRandom(seed: 3)
        for _ in 0..<100 {
            #expect(IndonesianNames.mediaOutlet(.radio, using: &random).hasPrefix("Radio "))
            #expect(IndonesianNames.mediaOutlet(.radio, using: &random).hasSuffix(" FM"))
            #expect(IndonesianNames.mediaOutlet(.television, using: &random).hasSuffix(" TV"))
            #expect(!IndonesianNames.mediaOutlet(.online, using: &random).contains(" "))
            #expect(IndonesianNames.mediaOutlet(.print, using: &random).contains(" "))
        }
    }
}
