import Foundation
import Mail

/// Messages the tests send: a mailing's invitation with everything a real one carries.
enum Messages {
    static let subject = "Undangan Rapat Koordinasi — Pemilu 2029 · Ketua KPU (café, Müller)"
    static let text = "Yth. Bapak/Ibu,\n\nDengan hormat, kami mengundang Anda ke rapat koordinasi.\n.baris yang diawali titik\nSalam,\nHumas KPU\n"
    static let html = "<p>Yth. Bapak/Ibu,</p>\n<p>Dengan hormat, kami mengundang Anda ke <b>rapat koordinasi</b> — ruang é.</p>\n"

    /// 200 KB of bytes that are not text, behind a PDF signature.
    static let pdf: [UInt8] = Array("%PDF-1.7\n".utf8) + (0..<200_000).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }

    static func invitation(to recipient: String, number: Int = 1) -> OutgoingMessage {
        OutgoingMessage(
            from: MailAddress("humas@kpu.go.id", name: "Humas KPU — Biro Komunikasi"),
            to: MailAddress(recipient, name: "Dr. Siti Nurhaliza, M.Si."),
            replyTo: MailAddress("balas@kpu.go.id"),
            subject: subject,
            messageID: "d\(number).m45@humas.kpu.go.id",
            date: Date(timeIntervalSince1970: 1_893_456_000),
            text: text,
            html: html,
            attachments: [MailAttachment(filename: "undangan-rapat.pdf", contentType: "application/pdf", data: pdf)],
            headers: [
                ("List-Unsubscribe", "<https://humas.kpu.go.id/berhenti?t=abc123>, <mailto:berhenti@humas.kpu.go.id?subject=d\(number)>"),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ],
            envelopeFrom: "bounce+d\(number)@humas.kpu.go.id"
        )
    }

    static func plain(to recipient: String, number: Int, subject: String = "Siaran pers") -> OutgoingMessage {
        OutgoingMessage(
            from: MailAddress("humas@kpu.go.id"), to: MailAddress(recipient), subject: subject,
            messageID: "p\(number)@humas.kpu.go.id", text: "Pesan \(number)\n")
    }
}
