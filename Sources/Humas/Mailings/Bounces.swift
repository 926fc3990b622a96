import Foundation
import Mail
import Postgres

/// What an import of delivery-status notifications (RFC 3464) did.
public struct BounceImport: Sendable, Encodable, Equatable {
    /// Reports read (one per message in the file).
    public var reports = 0
    /// Failures matched to a delivery of the caller's: the delivery bounced, the address is suppressed.
    public var bounced = 0
    /// Delays matched to a delivery: counted on it, nothing else changes.
    public var delayed = 0
    /// Message-IDs that match no delivery the caller may change (another office's, or not ours).
    public var unmatched: [String] = []
}

/// Bounce reports, matched to deliveries by the Message-ID each message carried.
public struct Bounces: Sendable {
    let session: Session

    /// Reads one report or an mbox of them. Any malformed report refuses the whole file,
    /// naming it, and changes nothing: a half-imported mailbox is worse than none.
    public func importReports(_ bytes: [UInt8]) async throws -> BounceImport {
        try session.requireMailingWriter()
        guard !bytes.isEmpty else {
            throw HumasError.invalid(field: "file", message: "is empty; give a bounce message (.eml) or an mbox of them")
        }
        var reports: [DeliveryStatusReport] = []
        var problems = FieldProblems()
        for result in DeliveryStatusParser.parseMailbox(bytes) {
            switch result {
            case .success(let report): reports.append(report)
            case .failure(let error): problems.add("file", "\(error.description); nothing was imported")
            }
        }
        try problems.throwIfAny()
        let parsed = reports
        return try await session.transaction { connection in
            var outcome = BounceImport(reports: parsed.count)
            for report in parsed {
                for recipient in report.recipients where ["failed", "delayed"].contains(recipient.action.lowercased()) {
                    let permanent = recipient.action.lowercased() == "failed" && recipient.isPermanent
                    let matched = try report.originalMessageID.flatMap { id in
                        try connection.query("""
                            SELECT humas.mail_record_bounce(\(id), \(permanent), \(recipient.status), \(recipient.diagnostic)) AS d
                            """)[0].decode("d", as: Int64?.self)
                    }
                    if matched == nil {
                        outcome.unmatched.append(report.originalMessageID ?? "(no Message-ID in report)")
                    } else if permanent {
                        outcome.bounced += 1
                    } else {
                        outcome.delayed += 1
                    }
                }
            }
            return outcome
        }
    }
}

extension Session {
    public var bounces: Bounces { Bounces(session: self) }
}
