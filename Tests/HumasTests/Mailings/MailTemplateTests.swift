import Foundation
@testable import Humas
import Testing

extension MailingSuites {
    @Suite("Mailings: templates")
    struct MailTemplateTests {
        static let values = MergeValues(
            stored: ["nama": "Siti <Aminah>", "organisasi": "Tempo & Co"], unit: "KPU Kota Semarang",
            sentAt: Date(timeIntervalSince1970: 1_764_633_600), zone: .wib, unsubscribeURL: "https://humas.example/u/abc")

        @Test("fields are filled, HTML values escaped, text values not; a section over an empty field is skipped")
        func rendering() throws {
            let templates = try MailTemplates(
                subject: "Undangan untuk {{nama}}", text: "Yth. {{sapaan}} {{nama}}{{#jabatan}}, {{jabatan}}{{/jabatan}} ({{organisasi}}) {{tanggal}}",
                html: "<p>{{nama}} dari {{organisasi}}</p>")
            let mail = templates.render(Self.values)
            #expect(mail.subject == "Undangan untuk Siti <Aminah>")
            #expect(mail.text.hasPrefix("Yth. Bapak/Ibu Siti <Aminah> (Tempo & Co) 2 Desember 2025"))
            #expect(mail.text.contains("https://humas.example/u/abc"), "the footer carries the opt-out link")
            #expect(mail.html?.hasPrefix("<p>Siti &lt;Aminah&gt; dari Tempo &amp; Co</p>") == true)
            #expect(mail.html?.contains("berhenti berlangganan") == true)
        }

        @Test("an unknown field is refused naming it and the known ones; a syntax error names the line; both at once")
        func refusals() throws {
            let unknown = #expect(throws: HumasError.self) {
                try MailTemplates(subject: "Halo {{nma}}", text: "x", html: nil)
            }
            #expect(unknown?.description.hasPrefix("subject: unknown merge field {{nma}}") == true)
            #expect(unknown?.description.contains("nama") == true)
            let hidden = #expect(throws: HumasError.self) {
                try MailTemplates(subject: "s", text: "{{^jabatan}}{{posisi}}{{/jabatan}}", html: nil)
            }
            #expect(hidden?.description.contains("{{posisi}}") == true, "fields inside inverted sections are checked too")
            let syntax = #expect(throws: HumasError.self) {
                try MailTemplates(subject: "ok", text: "baris satu\nbaris dua {{#nama}} tanpa penutup", html: "<p>{{nama</p>")
            }
            guard case .invalidFields(let fields) = syntax else { Issue.record("expected both fields, got \(String(describing: syntax))"); return }
            #expect(fields.map(\.field) == ["text", "html"])
            #expect(fields[0].message.hasPrefix("line 2:"))
            #expect(!fields[0].message.contains("CONTENT_TYPE"), "the plain-text pragma is ours, not the user's")
        }
    }
}
