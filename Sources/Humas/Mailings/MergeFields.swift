import Foundation
import Postgres

/// The names a mailing's templates may use, in Bahasa Indonesia as the recipients read them.
public enum MergeField: String, CaseIterable, Sendable {
    /// Bapak / Ibu, or the contact's own honorific.
    case sapaan
    case nama
    /// The contact's title at their current organization.
    case jabatan
    case organisasi
    /// The sending office (KPU Kota Semarang).
    case unit
    /// The day the message is sent, in the office's zone: 2 Desember 2026.
    case tanggal
    case unsubscribeURL = "unsubscribe_url"

    static let names = Set(allCases.map(\.rawValue))
}

/// One recipient's values for the ``MergeField``s.
public struct MergeValues: Sendable, Hashable, Codable {
    public var sapaan: String
    public var nama: String
    public var jabatan: String
    public var organisasi: String
    public var unit: String
    public var tanggal: String
    public var unsubscribeURL: String

    /// The values to render with; empty ones are left out, so `{{#jabatan}}…{{/jabatan}}` is
    /// skipped for a contact without a title.
    var dictionary: [String: String] {
        allValues.filter { !$0.value.isEmpty }
    }

    private var allValues: [String: String] {
        [MergeField.sapaan.rawValue: sapaan, MergeField.nama.rawValue: nama, MergeField.jabatan.rawValue: jabatan,
         MergeField.organisasi.rawValue: organisasi, MergeField.unit.rawValue: unit, MergeField.tanggal.rawValue: tanggal,
         MergeField.unsubscribeURL.rawValue: unsubscribeURL]
    }

    /// From a delivery's stored fields (taken when sending started) and the sending moment.
    init(stored: [String: String], unit: String, sentAt: Date, zone: UnitZone, unsubscribeURL: String) {
        sapaan = stored["sapaan"] ?? "Bapak/Ibu"
        nama = stored["nama"] ?? ""
        jabatan = stored["jabatan"] ?? ""
        organisasi = stored["organisasi"] ?? ""
        self.unit = unit
        tanggal = IndonesianDate.long(zone.day(of: sentAt))
        self.unsubscribeURL = unsubscribeURL
    }
}

/// `2 Desember 2026`: how a date is written in an Indonesian letter.
enum IndonesianDate {
    static let months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                         "Oktober", "November", "Desember"]

    static func long(_ day: PostgresDate) -> String {
        "\(day.day) \(months[day.month - 1]) \(day.year)"
    }
}

/// The footer every message carries (UU 27/2022 on personal data asks that recipients know who
/// holds their address and how to stop): who sent it, why the recipient gets it, how to opt out.
enum MailFooter {
    static func lines(_ fields: MergeValues) -> [String] {
        ["Surel ini dikirim oleh Bagian Humas \(fields.unit).",
         "Anda menerimanya karena alamat Anda tercatat sebagai kontak media dan pemangku kepentingan \(fields.unit).",
         "Jika tidak ingin menerima surel dari kami lagi, klik: \(fields.unsubscribeURL)"]
    }

    static func text(_ fields: MergeValues) -> String {
        "\n\n-- \n" + lines(fields).joined(separator: "\n") + "\n"
    }

    static func appendHTML(to body: String, _ fields: MergeValues) -> String {
        let url = HTMLText.escape(fields.unsubscribeURL)
        let footer = """
            <hr><p style="font-size:12px;color:#555">Surel ini dikirim oleh Bagian Humas \(HTMLText.escape(fields.unit)).<br>
            Anda menerimanya karena alamat Anda tercatat sebagai kontak media dan pemangku kepentingan \(HTMLText.escape(fields.unit)).<br>
            Jika tidak ingin menerima surel dari kami lagi, <a href="\(url)">berhenti berlangganan</a>.</p>
            """
        guard let cut = lastBodyClose(in: body) else { return body + "\n" + footer + "\n" }
        return String(body.utf8[..<cut])! + footer + "\n" + String(body.utf8[cut...])!
    }

    /// Where the last `</body>` (any case) starts, searched on the UTF-8 bytes: every message
    /// of a mailing passes here.
    private static func lastBodyClose(in html: String) -> String.UTF8View.Index? {
        let tag = Array("</body>".utf8)
        let bytes = html.utf8
        var index = bytes.endIndex
        while let found = bytes[..<index].lastIndex(of: UInt8(ascii: "<")) {
            let candidate = bytes[found...].prefix(tag.count)
            if candidate.count == tag.count, zip(candidate, tag).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) }) { return found }
            index = found
        }
        return nil
    }
}

/// Escaping for text placed in HTML (the footer and the unsubscribe page).
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
