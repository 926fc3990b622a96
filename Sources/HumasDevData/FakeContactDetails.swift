/// E-mail addresses and phone numbers for generated people and organizations: valid in form,
/// fictional in fact.
///
/// E-mail domains all end in `.example` (RFC 2606), so no mailing can ever reach a real inbox.
/// Phone numbers are Indonesian mobile numbers in E.164 under real operator prefixes; the first
/// number of the n-th record is a permutation of n, so numbers within one data set never repeat.
enum FakeContactDetails {
    /// Mobile prefixes after +62 (Telkomsel, Indosat, XL, Axis, Tri, Smartfren).
    static let mobilePrefixes = [
        "811", "812", "813", "821", "822", "823", "851", "852", "853", "814", "815", "816", "855", "856", "857", "858",
        "817", "818", "819", "859", "877", "878", "831", "832", "833", "838", "895", "896", "897", "898", "899", "881",
        "882", "883", "887", "888",
    ]

    static let personalDomains = ["surel.example", "posel.example", "mail.example", "inbox.example", "kotakpos.example"]

    /// `+62 8xx` and eight digits: the `index`-th number of a data set (distinct for distinct
    /// indices below 10^8), under a random operator prefix.
    static func mobileNumber(_ index: Int, salt: UInt64, using generator: inout SeededRandom) -> String {
        let prefix = mobilePrefixes.randomElement(using: &generator)!
        // 61,803,399 shares no factor with 10^8 (it is odd and does not end in 5), so this walks
        // all 10^8 numbers, neighbours far apart.
        let offset = (salt &* 0x9E37_79B9_7F4A_7C15) % 100_000_000
        let subscriber = (UInt64(index) % 100_000_000 &* 61_803_399 &+ offset) % 100_000_000
        return "+62" + prefix + eightDigits(subscriber)
    }

    /// A second number, drawn at random.
    static func randomMobileNumber(using generator: inout SeededRandom) -> String {
        "+62" + mobilePrefixes.randomElement(using: &generator)! + eightDigits(UInt64.random(in: 0..<100_000_000, using: &generator))
    }

    /// `budi.santoso.4821@surel.example`: the person's name without titles, lowercase, and a number.
    static func personalEmail(fullName: String, number: Int, domain: String) -> String {
        let words = fullName.split(separator: ",").first.map { $0.split(separator: " ") } ?? []
        let local = words.filter { !$0.hasSuffix(".") }.map { slug($0) }.filter { !$0.isEmpty }.joined(separator: ".")
        return "\(local.isEmpty ? "kontak" : local).\(number)@\(domain)"
    }

    /// Lowercase ASCII letters and digits only: "Radio Gema Demak 98,4 FM" -> "radiogemademak984fm".
    static func slug(_ text: some StringProtocol) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }))
    }

    private static func eightDigits(_ value: UInt64) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
