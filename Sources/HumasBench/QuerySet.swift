import HumasDevData

/// The fixed search queries of the benchmark: what people type, seeded so every run asks the
/// same thing.
///
/// From generated people's names (the generator's own vocabulary, so most exist at 1M contacts):
/// each name as written, lowercase, uppercase, with its last word cut short (type-ahead), with a
/// one-letter typo, and with an accent; plus bare given names ("wahyu"), the broadest common case.
enum QuerySet {
    static func make(seed: UInt64 = 20_240_214, people: Int = 48, givenNames: Int = 24) -> [String] {
        var generator = SeededRandom(seed: seed)
        var queries: [String] = []
        for _ in 0..<people {
            let words = plainName(IndonesianNames.person(using: &generator).fullName)
            guard words.count >= 2 else { continue }
            let name = words.joined(separator: " ")
            let last = words[words.count - 1]
            let cut = String(last.prefix(max(3, last.count - 2)))
            queries += [
                name,
                name.lowercased(),
                name.uppercased(),
                (words.dropLast() + [cut]).joined(separator: " ").lowercased(),
                (words.dropLast() + [typo(last, using: &generator)]).joined(separator: " ").lowercased(),
                ([accented(words[0])] + words.dropFirst()).joined(separator: " "),
            ]
        }
        let given = IndonesianNames.maleGivenNames + IndonesianNames.femaleGivenNames
        for _ in 0..<givenNames {
            queries.append(given.randomElement(using: &generator)!.lowercased())
        }
        return queries
    }

    /// Single words that start many outlet names ("Suara Merapi", "Radio Gema Sumba 98,4 FM"): a
    /// search that finds contacts mostly through their organizations, thousands of them at 1M.
    static let organizationWords = ["suara", "radio", "harian", "warta", "gema", "kabar", "berita", "swara"]

    /// The name without academic titles: "Dr. Budi Santoso, M.Si." -> ["Budi", "Santoso"].
    private static func plainName(_ fullName: String) -> [String] {
        let beforeDegrees = fullName.split(separator: ",").first ?? ""
        return beforeDegrees.split(separator: " ").filter { !$0.hasSuffix(".") }.map(String.init)
    }

    /// One slip of the finger: two neighbouring letters swapped, one dropped, or one doubled.
    private static func typo(_ word: String, using generator: inout SeededRandom) -> String {
        var letters = Array(word.lowercased())
        guard letters.count >= 4 else { return word }
        let at = Int.random(in: 1..<(letters.count - 1), using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: letters.swapAt(at, at + 1)
        case 1: letters.remove(at: at)
        default: letters.insert(letters[at], at: at)
        }
        return String(letters)
    }

    /// The first vowel written with an acute accent, as a phone keyboard or a copied text does.
    private static func accented(_ word: String) -> String {
        let accents: [Character: Character] = ["a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"]
        guard let index = word.firstIndex(where: { accents[$0] != nil }) else { return word }
        var result = word
        result.replaceSubrange(index...index, with: String(accents[word[index]]!))
        return result
    }
}
