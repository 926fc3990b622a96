/// Word lists and helpers for generating realistic but fictional Indonesian directory data:
/// people, media outlets, beats and roles, for development databases, demos and load tests.
///
/// The names are common given names and family or second names from many regions, combined at
/// random, so no generated person is meant to be anyone real. Outlet names are built from
/// generic newspaper words and region names and avoid the mastheads of real national outlets.
/// The lists share no tokens, so the many people the generator makes are told apart by name.
public enum IndonesianNames {
    /// Given names of men, addressed as "Bapak".
    public static let maleGivenNames = [
        // Javanese, Sundanese and general
        "Budi", "Agus", "Eko", "Bambang", "Joko", "Slamet", "Teguh", "Wahyu", "Yudi", "Heru",
        "Sutrisno", "Sugeng", "Sukardi", "Sunarto", "Wawan", "Yanto", "Bagus", "Nanang", "Pandu", "Wisnu",
        "Dimas", "Bayu", "Galih", "Gilang", "Jaka", "Tegar", "Arya", "Candra", "Ardi", "Dedi",
        "Asep", "Ujang", "Cecep", "Dadang", "Jajang", "Yayan", "Iwan", "Rudi", "Dani", "Irwan",
        // Arabic-derived
        "Ahmad", "Muhammad", "Rizky", "Arif", "Fajar", "Fikri", "Ilham", "Irfan", "Reza", "Taufik",
        "Hasan", "Yusuf", "Ismail", "Ibrahim", "Zulkifli", "Imam", "Lukman", "Rahmat", "Ridwan", "Saiful",
        "Sofyan", "Zainal", "Abdul", "Fauzi", "Firman", "Hamdan", "Khairul", "Lutfi", "Usman", "Zaki",
        "Hamzah", "Anwar", "Daud", "Fadli", "Haris", "Ikhsan", "Mansur", "Nasir", "Rasyid", "Umar",
        // Batak, Christian, Papuan, Bugis and Chinese-Indonesian
        "Togar", "Parlindungan", "Binsar", "Maruli", "Sahat", "Tigor", "Bonar", "Yohanes", "Markus", "Petrus",
        "Stefanus", "Agustinus", "Fransiskus", "Kornelius", "Daniel", "Samuel", "Yakob", "Yosua", "Yulianus", "Septinus",
        "Demianus", "Otniel", "Natalis", "Andi", "Tommy", "Hendrik", "Felix", "Kevin", "Steven", "Hengky",
        "Benny", "Jefri", "Robby", "Sandi", "Edo", "Hendra",
    ]

    /// Given names of women, addressed as "Ibu".
    public static let femaleGivenNames = [
        // Javanese, Sundanese and general
        "Sri", "Dewi", "Ayu", "Rina", "Indah", "Putri", "Ratna", "Yuni", "Sari", "Kartika",
        "Maya", "Mega", "Nia", "Novi", "Ani", "Endang", "Tuti", "Wulan", "Intan", "Citra",
        "Dian", "Eka", "Ika", "Lina", "Mira", "Nanda", "Puspita", "Rini", "Sinta", "Tari",
        "Vina", "Winda", "Yanti", "Melati", "Ratih", "Larasati", "Kinanti", "Sekar", "Gendis", "Ningsih",
        "Sumarni", "Suharti", "Wahyuni", "Septiani", "Oktaviani", "Desi", "Evi", "Febri", "Gita", "Hesti",
        "Irma", "Juwita", "Kiki", "Lia", "Marlina", "Nina", "Risma", "Selvi", "Tiara", "Widya",
        "Yola", "Dinda", "Erna", "Utami", "Tania",
        // Arabic-derived
        "Siti", "Fitri", "Rahma", "Umi", "Zahra", "Aisyah", "Fatimah", "Khadijah", "Nurul", "Aminah",
        "Halimah", "Nurhayati", "Ulfa", "Zulaikha", "Farida", "Hilda", "Jihan", "Laila", "Nadia", "Salma",
        // Batak, Christian, Papuan and Chinese-Indonesian
        "Romauli", "Rugun", "Tiurma", "Sondang", "Christina", "Maria", "Magdalena", "Veronika", "Yohana", "Theresia",
        "Agnes", "Elisabeth", "Martha", "Ruth", "Debora", "Grace", "Meiliana", "Susan", "Linda", "Yuliana",
        "Olivia", "Vera", "Amelia", "Bella", "Clara", "Melinda", "Rosa", "Yosina", "Frederika", "Mariance",
        "Antonia", "Yakomina", "Hana",
    ]

    /// Family names and second names, grouped by where they are common.
    public static let familyNames = [
        // Javanese second names
        "Santoso", "Wibowo", "Susilo", "Prasetyo", "Nugroho", "Purnomo", "Handoko", "Suryanto", "Hartono", "Setiawan",
        "Kurniawan", "Wicaksono", "Pranoto", "Sasongko", "Hadiwijaya", "Suryadi", "Wardoyo", "Sulistyo", "Harjono", "Utomo",
        "Budiman", "Darmawan", "Mulyono", "Hermanto", "Raharjo", "Kuncoro", "Saputro", "Cahyono", "Pamungkas", "Wirawan",
        "Suprapto", "Haryanto", "Gunadi", "Subroto", "Trisnanto",
        // Sundanese second names
        "Suganda", "Permana", "Sudrajat", "Kusnadi", "Sumarna", "Hermawan", "Supriatna", "Hidayat", "Ruhiyat", "Nugraha",
        "Mulyana", "Saepudin", "Rukmana", "Kartawijaya", "Wiranata", "Somantri", "Sukmana", "Setiadi", "Gumilar", "Sobandi",
        "Kusumah",
        // Batak, Karo and Simalungun marga
        "Siregar", "Nasution", "Simanjuntak", "Hutapea", "Sitompul", "Pardede", "Lubis", "Harahap", "Sinaga", "Situmorang",
        "Panjaitan", "Tampubolon", "Manurung", "Sihombing", "Simatupang", "Hutagalung", "Silalahi", "Napitupulu", "Pasaribu", "Siahaan",
        "Marpaung", "Sembiring", "Ginting", "Tarigan", "Sitepu", "Purba", "Saragih", "Damanik", "Hasibuan", "Batubara",
        // Minangkabau suku and second names
        "Chaniago", "Piliang", "Tanjung", "Koto", "Sikumbang", "Jambak", "Guci", "Panyalai", "Syafrizal", "Yusrizal",
        "Afrizal", "Zulhendri", "Efendi", "Bachtiar",
        // Bugis and Makassar
        "Mattalitti", "Pawallangi", "Mappiasse", "Massaile", "Paturusi", "Pallawa", "Mangkona", "Beddu", "Lallo", "Parenrengi",
        "Mappatunru", "Sompa",
        // Papuan
        "Wenda", "Kogoya", "Tabuni", "Wonda", "Rumbiak", "Mandowen", "Rumaropen", "Ayamiseba", "Yoku", "Wanggai",
        "Mofu", "Numberi", "Karubaba", "Rumbewas", "Awom", "Kambu", "Sawaki", "Womsiwor", "Tebay", "Yikwa",
        "Murib",
        // Minahasa
        "Sondakh", "Lumenta", "Rumengan", "Tumbelaka", "Wowor", "Mandagi", "Pangemanan", "Lengkong", "Kalalo", "Mamahit",
        "Rondonuwu", "Lapian", "Supit", "Walewangko",
        // Maluku
        "Pattinama", "Latuconsina", "Tuhumury", "Pattiasina", "Sahetapy", "Leiwakabessy", "Tanamal", "Lekatompessy", "Pelupessy",
        // Nusa Tenggara Timur and Toraja
        "Fernandez", "Pello", "Ndoen", "Bire", "Lado", "Tallo", "Manafe", "Benu", "Nenobais", "Mbete",
        "Pasande", "Tandirerung", "Rante", "Palayukan", "Tangdilintin",
        // Chinese-Indonesian
        "Wijaya", "Halim", "Gunawan", "Tanuwidjaja", "Tjahjadi", "Liem", "Tan", "Lim", "Gozali", "Sutanto",
        "Wibisono", "Susanto", "Kusuma", "Hartanto", "Salim", "Widjaja", "Tedjakusuma", "Lukito", "Hendrawan", "Oei",
        // Arabic-derived: Hadhrami family names and common second names
        "Alatas", "Assegaf", "Alhabsyi", "Shahab", "Basalamah", "Alaydrus", "Bafadal", "Bahasuan", "Bamualim", "Alhadad",
        "Aljufri", "Bahalwan", "Albar", "Baraqbah", "Alkaff", "Rahman", "Hakim", "Ramadhan", "Maulana", "Firmansyah",
        "Syahputra", "Saputra", "Kurniadi", "Hamid", "Fauzan", "Pratama",
    ]

    /// Balinese birth-order names, which follow "I" (men) or "Ni" (women): I Made Sudarsana.
    /// "Gede" is for men only; ``person(using:)`` writes "Luh" for women instead.
    public static let balineseBirthOrderNames = ["Putu", "Wayan", "Gede", "Made", "Kadek", "Nyoman", "Komang", "Ketut"]

    /// Balinese second names that follow the birth-order name.
    public static let balineseSecondNames = [
        "Sudarsana", "Astawa", "Suardana", "Mahendra", "Arsana", "Sukadana", "Wiryawan", "Suarjaya", "Darmayasa", "Sudiarta",
        "Merta", "Adnyana", "Widiana", "Parwata", "Sutama", "Antara",
    ]

    /// Academic titles written before the name.
    public static let titlesBeforeName = ["Dr.", "Ir.", "Drs."]

    /// Bachelor's degrees written after the name, after a comma.
    public static let bachelorDegrees = ["S.Sos.", "S.I.Kom.", "S.H.", "S.E.", "S.Pd.", "S.T.", "S.IP."]

    /// Master's degrees written after the bachelor's degree.
    public static let masterDegrees = ["M.Si.", "M.H.", "M.A.", "M.I.Kom.", "M.M.", "M.Sc."]

    /// Subjects a journalist covers.
    public static let beats = ["politik", "pemilu", "hukum", "pemerintahan", "ekonomi", "daerah", "nasional"]

    /// Job titles at media outlets.
    public static let mediaRoles = [
        "Wartawan", "Reporter", "Redaktur", "Redaktur Pelaksana", "Pemimpin Redaksi", "Wakil Pemimpin Redaksi",
        "Kepala Biro", "Koordinator Liputan", "Koresponden", "Kontributor", "Fotografer", "Juru Kamera",
        "Produser", "Penyiar", "Editor",
    ]

    /// Titles in parties, campaign teams and civil-society organizations.
    public static let organizationRoles = [
        "Ketua DPD", "Sekretaris DPD", "Ketua DPW", "Sekretaris DPW", "Ketua DPC", "Bendahara DPC",
        "Ketua Umum", "Sekretaris Jenderal", "Juru Bicara", "Kepala Bagian Humas", "Koordinator Wilayah",
        "Direktur Eksekutif", "Peneliti", "Ketua Tim Pemenangan", "Wakil Ketua", "Staf Ahli",
    ]

    /// Historic and geographic region names that outlet names are built on.
    public static let regions = [
        "Nusantara", "Andalas", "Borneo", "Kapuas", "Mahakam", "Barito", "Celebes", "Minahasa", "Toraja", "Mandar",
        "Priangan", "Pasundan", "Parahyangan", "Banten", "Betawi", "Kedu", "Banyumas", "Mataram", "Blambangan", "Madura",
        "Tapal Kuda", "Sriwijaya", "Musi", "Batanghari", "Siak", "Kampar", "Toba", "Tapanuli", "Deli", "Gayo",
        "Lampung", "Bengkulu", "Natuna", "Bangka", "Belitung", "Lombok", "Sumbawa", "Flores", "Sumba", "Timor",
        "Alor", "Halmahera", "Ternate", "Seram", "Cenderawasih", "Merauke", "Jayawijaya", "Raja Ampat", "Khatulistiwa",
    ]

    /// The kinds of media outlet, each with its own naming pattern.
    public enum OutletKind: String, CaseIterable, Sendable {
        case print = "cetak"
        case online
        case radio
        case television = "tv"
    }

    /// The words an outlet name of `kind` starts with, before the region.
    public static func outletWords(for kind: OutletKind) -> [String] {
        switch kind {
        case .print: ["Harian", "Suara", "Warta", "Kabar", "Koran", "Mingguan", "Berita", "Swara", "Gema", "Fajar"]
        case .online: ["Kabar", "Info", "Lintas", "Sorot", "Detak", "Jejak", "Warta", "Ulas", "Pantau", "Cakra"]
        case .radio: ["Suara", "Swara", "Gema", "Citra", "Irama", "Nada", "Pelangi", "Bahana"]
        case .television: ["Citra", "Nusa", "Cahaya", "Mega", "Gemilang", "Pesona"]
        }
    }

    /// Makes a fictional person's name, sometimes with a middle name or academic titles.
    ///
    /// About 5% of people have a single name, as many Javanese do; about 4% get a Balinese
    /// name (I Made Sudarsana); about 15% a middle name; 1 in 10 carry degrees (Dr. Budi Santoso, M.Si.).
    /// - Parameter generator: The source of randomness; pass a ``SeededRandom`` to reproduce data.
    /// - Returns: The name as it is written, and "Bapak" or "Ibu" to address the person with.
    public static func person(using generator: inout some RandomNumberGenerator) -> (fullName: String, honorific: String) {
        let isWoman = Bool.random(using: &generator)
        let givenNames = isWoman ? femaleGivenNames : maleGivenNames
        let honorific = isWoman ? "Ibu" : "Bapak"
        let given = pick(givenNames, &generator)
        let shape = Int.random(in: 0..<100, using: &generator)
        if shape < 5 { return (given, honorific) }
        let name: String
        if shape < 9 {
            let birthOrder = pick(balineseBirthOrderNames, &generator)
            // Gede marks a first-born son; a first-born daughter is Luh.
            let womansBirthOrder = birthOrder == "Gede" ? "Luh" : birthOrder
            name = isWoman ? "Ni \(womansBirthOrder) \(given)" : "I \(birthOrder) \(pick(balineseSecondNames, &generator))"
        } else {
            var middle = ""
            if shape < 24 {
                let second = pick(givenNames, &generator)
                if second != given { middle = " " + second }
            }
            name = "\(given)\(middle) \(pick(familyNames, &generator))"
        }
        return (withTitles(name, &generator), honorific)
    }

    /// Makes a fictional outlet name of `kind`: "Warta Kapuas", "LintasToba.id",
    /// "Radio Gema Sumba 98,4 FM", "Nusa Borneo TV".
    public static func mediaOutlet(_ kind: OutletKind, using generator: inout some RandomNumberGenerator) -> String {
        let word = pick(outletWords(for: kind), &generator)
        let region = pick(regions, &generator)
        switch kind {
        case .print:
            return "\(word) \(region)"
        case .online:
            let domain = pick([".id", ".com", ".co.id", "News"], &generator)
            return word + region.filter { $0 != " " } + domain
        case .radio:
            // Indonesian FM band in tenths of MHz, written with a decimal comma.
            let frequency = Int.random(in: 876...1079, using: &generator)
            return "Radio \(word) \(region) \(frequency / 10),\(frequency % 10) FM"
        case .television:
            return "\(word) \(region) TV"
        }
    }

    /// Adds academic titles to about one name in ten, as Indonesians write them: Name, S.Sos., M.Si.
    private static func withTitles(_ name: String, _ generator: inout some RandomNumberGenerator) -> String {
        switch Int.random(in: 0..<100, using: &generator) {
        case 0..<3: "\(pick(titlesBeforeName, &generator)) \(name), \(pick(masterDegrees, &generator))"
        case 3..<7: "\(name), \(pick(bachelorDegrees, &generator))"
        case 7..<10: "\(name), \(pick(bachelorDegrees, &generator)), \(pick(masterDegrees, &generator))"
        default: name
        }
    }

    private static func pick<Element>(_ items: [Element], _ generator: inout some RandomNumberGenerator) -> Element {
        items[Int.random(in: 0..<items.count, using: &generator)]
    }
}
