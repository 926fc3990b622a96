import Mail
import Testing

@Suite("RFC 3464 delivery status notifications")
struct DeliveryStatusParserTests {
    @Test("a Postfix bounce: one failed recipient, 5.1.1, the diagnostic unfolded, the returned message's Message-ID")
    func postfixBounce() throws {
        let report = try DeliveryStatusParser.parse(message: Array(DeliveryStatusFixtures.postfixBounce.utf8))
        #expect(report.originalMessageID == "d123.m45@humas.kpu.go.id")
        #expect(report.recipients == [
            .init(finalRecipient: "wartawan.lama@media.example", action: "failed", status: "5.1.1",
                  diagnostic: "550 5.1.1 <wartawan.lama@media.example>: Recipient address rejected: User unknown in virtual mailbox table"),
        ])
        #expect(report.recipients[0].isPermanent)
    }

    @Test("a delay warning: base64 status part, lower-case names, LF lines, unquoted boundary, text/rfc822-headers")
    func delayed() throws {
        let report = try DeliveryStatusParser.parse(message: Array(DeliveryStatusFixtures.delayed.utf8))
        #expect(report.originalMessageID == "d124.m45@humas.kpu.go.id")
        #expect(report.recipients == [
            .init(finalRecipient: "redaksi@lambat.example", action: "delayed", status: "4.4.1", diagnostic: "421 4.4.1 Connection timed out"),
        ])
        #expect(!report.recipients[0].isPermanent)
    }

    @Test("an mbox of three, the third without Status: two reports and an error naming message 3")
    func mailbox() throws {
        let results = DeliveryStatusParser.parseMailbox(Array(DeliveryStatusFixtures.mailbox.utf8))
        try #require(results.count == 3)
        #expect(try results[0].get().originalMessageID == "d123.m45@humas.kpu.go.id")
        #expect(try results[1].get().recipients.map(\.status) == ["4.4.1"])
        guard case .failure(let error) = results[2] else {
            Issue.record("message 3 parsed: \(results[2])")
            return
        }
        #expect(error.description == "message 3 in the mbox: per-recipient block without Status")
        #expect(error.position == 3)
    }

    @Test("a single message given as a mailbox is parsed as one")
    func singleMessageMailbox() throws {
        let results = DeliveryStatusParser.parseMailbox(Array(DeliveryStatusFixtures.delayed.utf8))
        #expect(results.count == 1)
        #expect(try results[0].get().recipients.first?.finalRecipient == "redaksi@lambat.example")
    }

    @Test("garbage and an ordinary message are refused saying why")
    func notAReport() {
        let garbage = #expect(throws: DeliveryStatusError.self) {
            try DeliveryStatusParser.parse(message: [0xFF, 0x00, 0x13, 0x37] + Array("\n\nno headers here".utf8))
        }
        #expect(garbage?.description == "not a mail message: no header fields")
        let ordinary = #expect(throws: DeliveryStatusError.self) {
            try DeliveryStatusParser.parse(message: Array("From: a@b.example\r\nSubject: hi\r\n\r\nhello\r\n".utf8))
        }
        #expect(ordinary?.description == "not a delivery-status notification: no message/delivery-status part")
    }
}
