import Foundation

/// Bounces as mail servers send them, for the delivery-status parser.
enum DeliveryStatusFixtures {
    /// Postfix's "undeliverable" report, CRLF lines, with the whole returned message.
    static let postfixBounce = """
        Return-Path: <>
        Received: by mx.media.example (Postfix) id 4Q1xYz; Wed,  2 Dec 2026 07:00:01 +0700 (WIB)
        Date: Wed,  2 Dec 2026 07:00:01 +0700 (WIB)
        From: MAILER-DAEMON@mx.media.example (Mail Delivery System)
        Subject: Undelivered Mail Returned to Sender
        To: bounce+d123@humas.kpu.go.id
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
        \tboundary="4Q1xYz.1764633601/mx.media.example"
        Message-Id: <20261202000001.4Q1xYz@mx.media.example>

        This is a MIME-encapsulated message.

        --4Q1xYz.1764633601/mx.media.example
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients.

        <wartawan.lama@media.example>: host mx.media.example[203.0.113.5] said: 550
            5.1.1 <wartawan.lama@media.example>: Recipient address rejected: User
            unknown in virtual mailbox table (in reply to RCPT TO command)

        --4Q1xYz.1764633601/mx.media.example
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.media.example
        X-Postfix-Queue-ID: 4Q1xYz
        X-Postfix-Sender: rfc822; bounce+d123@humas.kpu.go.id
        Arrival-Date: Wed,  2 Dec 2026 07:00:00 +0700 (WIB)

        Final-Recipient: rfc822; wartawan.lama@media.example
        Original-Recipient: rfc822;wartawan.lama@media.example
        Action: failed
        Status: 5.1.1
        Remote-MTA: dns; mx.media.example
        Diagnostic-Code: smtp; 550 5.1.1 <wartawan.lama@media.example>: Recipient
            address rejected: User unknown in virtual mailbox table

        --4Q1xYz.1764633601/mx.media.example
        Content-Description: Undelivered Message
        Content-Type: message/rfc822

        From: Humas KPU <humas@kpu.go.id>
        To: wartawan.lama@media.example
        Subject: =?UTF-8?Q?Undangan_Rapat?=
        Message-ID: <d123.m45@humas.kpu.go.id>
        Date: Wed, 02 Dec 2026 00:00:00 +0000

        Yth. Bapak/Ibu,

        --4Q1xYz.1764633601/mx.media.example--

        """.replacingOccurrences(of: "\n", with: "\r\n")

    /// A delay warning (4.4.1) returning only the headers, LF lines, an unquoted boundary and a
    /// base64-encoded status part with lower-case field names.
    static let delayed = """
        From: postmaster@lambat.example
        To: bounce+d124@humas.kpu.go.id
        Subject: Delivery Status Notification (Delay)
        Content-Type: multipart/report; report-type=delivery-status; boundary=XyZ-delay-42

        --XyZ-delay-42
        Content-Type: text/plain

        Delivery to the following recipient has been delayed: redaksi@lambat.example
        --XyZ-delay-42
        Content-Type: message/delivery-status
        Content-Transfer-Encoding: base64

        \(Data("""
        reporting-mta: dns; mx.lambat.example

        final-recipient: RFC822; <redaksi@lambat.example>
        action: Delayed
        status: 4.4.1 (connection timed out)
        diagnostic-code: smtp; 421 4.4.1 Connection timed out
        will-retry-until: Thu, 3 Dec 2026 07:00:00 +0700

        """.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]))
        --XyZ-delay-42
        Content-Type: text/rfc822-headers

        From: humas@kpu.go.id
        To: redaksi@lambat.example
        Subject: Siaran pers
        Message-ID:
         <d124.m45@humas.kpu.go.id>

        --XyZ-delay-42--

        """

    /// A report whose recipient block lacks its Status.
    static let withoutStatus = """
        From: postmaster@rusak.example
        Subject: failure
        X-Original-Message-ID: <d125.m45@humas.kpu.go.id>
        Content-Type: multipart/report; report-type=delivery-status; boundary="b"

        --b
        Content-Type: message/delivery-status

        Reporting-MTA: dns; rusak.example

        Final-Recipient: rfc822; hilang@rusak.example
        Action: failed

        --b--

        """

    /// Three messages in an mbox; the third is malformed.
    static var mailbox: String {
        "From MAILER-DAEMON Wed Dec  2 07:00:01 2026\n" + postfixBounce.replacingOccurrences(of: "\r\n", with: "\n")
            + "\nFrom postmaster@lambat.example Wed Dec  2 07:10:00 2026\n" + delayed
            + "\nFrom postmaster@rusak.example Wed Dec  2 07:20:00 2026\n" + withoutStatus
    }
}
