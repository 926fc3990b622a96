import Foundation
import Mail
import Testing

@Suite("RFC 2047 encoded words")
struct EncodedWordTests {
    @Test("printable ASCII is left as it is, however long")
    func asciiUntouched() {
        let subject = String(repeating: "Siaran pers KPU tentang tahapan pemilu ", count: 5)
        #expect(EncodedWord.fieldValue(subject, fieldName: "Subject") == subject)
        #expect(EncodedWord.fieldValue("Rapat pukul 10:00 (WIB)", fieldName: "Subject") == "Rapat pukul 10:00 (WIB)")
    }

    @Test("ASCII that looks like an encoded word is encoded, so it reads back literally")
    func encodedWordLookalike() {
        #expect(EncodedWord.fieldValue("=?x?", fieldName: "Subject") == "=?UTF-8?Q?=3D=3Fx=3F?=")
    }

    @Test("a long non-ASCII subject becomes words of at most 75 characters, split between characters")
    func longSubjectSplits() throws {
        let subject = String(repeating: "Undangan Rapat Koordinasi — Pemilu 2029 · Ketua KPU é ü 🇮🇩 ", count: 4)
        let words = EncodedWord.encode(subject)
        #expect(words.count > 4)
        #expect(words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?Q?") && $0.hasSuffix("?=") })
        // Each word alone is valid UTF-8: no character is cut in two.
        for word in words {
            let bytes = QuotedPrintable.decode(Array(word.dropFirst(10).dropLast(2).replacingOccurrences(of: "_", with: " ").utf8)[...])
            #expect(String(validating: bytes, as: UTF8.self) != nil, "\(word)")
        }
        let first = try #require(EncodedWord.fieldValue(subject, fieldName: "Subject").components(separatedBy: "\r\n").first)
        #expect("Subject: \(first)".count <= 76)
    }

    @Test("a long non-ASCII subject and display name, sent, decode exactly in Python's email package")
    func pythonDecodesLongSubject() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let subject = String(repeating: "Undangan Rapat Koordinasi — Pemilu 2029 · Ketua KPU (Bapak Müller, café) ", count: 3)
        let name = "Komisi Pemilihan Umum — Biro Teknis & Hubungan Masyarakat · Jakarta Pusat (é)"
        var message = Messages.plain(to: "redaksi@media.example", number: 1, subject: subject)
        message.from = MailAddress("humas@kpu.go.id", name: name)
        let session = try server.session()
        #expect(try session.send(message) == SMTPTestServer.queued(1))
        let mail = try PeerTools.readMail(server.message(1))
        #expect(mail["subject"] as? String == subject)
        #expect(mail["from"] as? [String: String] == ["name": name, "address": "humas@kpu.go.id"])
        let raw = try #require(mail["raw_subject"] as? String)
        let words = raw.split(whereSeparator: \.isWhitespace)
        #expect(words.count > 3)
        #expect(words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?Q?") })
        #expect(mail["defects"] as? [String] == [])
    }
}
