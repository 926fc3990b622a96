import Foundation
import Logging
import Mail
import NIOConcurrencyHelpers
import Postgres

/// Sends queued deliveries over SMTP until asked to stop.
///
/// Runs on a thread of its own (libpq and libcurl block): claims a batch with a lease
/// (`humas.mail_claim`), sends each message no earlier than its rate-limit slot over one reused
/// SMTP connection, records every outcome (`humas.mail_record`), and sleeps on LISTEN until a
/// mailing starts, or a retry or a schedule falls due. A crash loses nothing: the lease lapses and
/// another worker (or this one, restarted) claims the rest, so at most one batch goes twice.
public final class MailWorker: Sendable {
    let service: HumasService
    let settings: MailWorkerSettings
    let logger: Logger
    /// The longest an idle worker sleeps without a NOTIFY or a due retry, lease or schedule
    /// (a safety net: those wake it on time).
    let idleSeconds: Double

    public init(service: HumasService, settings: MailWorkerSettings, logger: Logger = Logger(label: "humas.worker"), idleSeconds: Double = 60) {
        self.service = service
        self.settings = settings
        self.logger = logger
        self.idleSeconds = idleSeconds
    }

    /// Works until `stop` is requested. Blocks the calling thread.
    public func run(until stop: WorkerStop) throws {
        logger.info("mail worker \(settings.workerID) sending through \(settings.smtp)")
        while !stop.isRequested {
            do {
                var loop = try WorkerLoop(worker: self)
                defer { loop.close() }
                try loop.run(until: stop)
            } catch let error as PostgresError where error.isConnectionError {
                logger.error("database unreachable (\(error.message)); retrying in 5 s")
                _ = stop.sleep(5)
            }
        }
        logger.info("mail worker \(settings.workerID) stopped")
    }

    func connect() throws -> PostgresConnection {
        let connection = try PostgresConnection(conninfo: service.database.target.appConninfo)
        try connection.execute(script: "SET ROLE \(DatabaseRoles.app); SET search_path = humas, public")
        return connection
    }
}

/// One life of the worker's connections (a lost database starts a new one).
struct WorkerLoop {
    let worker: MailWorker
    let work: PostgresConnection
    let listener: PostgresConnection
    let tokens: UnsubscribeToken
    /// The units served: every one, or `--under`'s subtree.
    let units: (lo: Int, hi: Int)
    var smtp: SMTPSession?
    var contents: [Int64: MailingContent] = [:]
    /// Mailings found unrenderable, with why (asked once, not for every delivery).
    var unrenderable: [Int64: String] = [:]
    /// Outcomes not yet recorded: written in groups, one transaction each (see ``flush()``).
    var outcomes = RecordedOutcomes()
    var outage = Backoff(first: 5, limit: 300)

    init(worker: MailWorker) throws {
        self.worker = worker
        work = try worker.connect()
        listener = try worker.connect()
        try listener.listen(mailingsChannel)
        tokens = UnsubscribeToken(secret: try work.query("SELECT humas.unsubscribe_secret() AS s")[0].decode("s"))
        if let code = worker.settings.under {
            guard let row = try work.query("SELECT unit_lo, unit_hi FROM humas.mail_unit_subtree(\(code))").first else {
                throw HumasError.invalid(field: "under", message: "no unit \(code); see `humas unit list`")
            }
            units = (try row.decode("unit_lo"), try row.decode("unit_hi"))
        } else {
            units = (1, Int(Int32.max))
        }
    }

    mutating func close() {
        smtp?.close()
        smtp = nil
    }

    mutating func run(until stop: WorkerStop) throws {
        while !stop.isRequested {
            try ScheduledStarts.startDue(service: worker.service, units: units, on: work, logger: worker.logger)
            let batch = try claim()
            if batch.isEmpty {
                try sleepUntilDue(until: stop)
                continue
            }
            try send(batch, until: stop)
        }
    }

    /// Sleeps on LISTEN until a mailing starts (NOTIFY), or the next retry, lease or schedule
    /// falls due, or `idleSeconds` pass; in slices of a second, so a stop is heard at once.
    private func sleepUntilDue(until stop: WorkerStop) throws {
        let due: Date? = try work.query("SELECT humas.mail_next_due(\(units.lo), \(units.hi)) AS due")[0].decode("due")
        // At least a quarter second: a due row may still be unclaimable for a moment (another
        // worker holds it, or its mailing's rate slot lies past this worker's horizon).
        var remaining = min(max(due?.timeIntervalSinceNow ?? worker.idleSeconds, 0.25), worker.idleSeconds)
        while remaining > 0, !stop.isRequested {
            let slice = min(remaining, 1)
            if try listener.waitForNotification(timeout: .milliseconds(Int(slice * 1000))) != nil {
                // Drain what else arrived: one claim answers them all.
                while try listener.waitForNotification(timeout: .zero) != nil {}
                return
            }
            remaining -= slice
        }
    }

    private func claim() throws -> [ClaimedDelivery] {
        let settings = worker.settings
        return try work.query("""
            SELECT delivery_id, mailing_id, message_id, address, merge_fields::text AS merge_fields, attempts, send_at
            FROM humas.mail_claim(\(settings.workerID), \(settings.batchSize), \(settings.leaseSeconds), \(settings.overallPerMinute),
                                  \(units.lo), \(units.hi))
            """).map(ClaimedDelivery.init(row:))
    }

    private mutating func send(_ batch: [ClaimedDelivery], until stop: WorkerStop) throws {
        defer { try? flush() }
        for (index, delivery) in batch.enumerated() {
            let wait = delivery.sendAt.timeIntervalSinceNow
            // Waiting for a rate slot: record what went first, so nobody waits on the record.
            if wait > 0.05 { try flush() }
            if stop.isRequested || (wait > 0 && !stop.sleep(wait)) {
                try flush()
                try release(batch[index...], delaySeconds: 0)
                return
            }
            do {
                try deliver(delivery)
                outage.reset()
                if outcomes.isDue { try flush() }
            } catch let error as SMTPConnectionError {
                let delay = outage.next()
                worker.logger.error("\(error.description); \(batch.count - index) messages stay queued, retrying in \(Int(delay)) s")
                close()
                try flush()
                try release(batch[index...], delaySeconds: Int(delay))
                _ = stop.sleep(delay)
                return
            }
        }
    }

    /// Records the outcomes gathered since the last flush, in one statement and transaction.
    private mutating func flush() throws {
        guard !outcomes.isEmpty else { return }
        let settings = worker.settings
        try work.execute("""
            SELECT humas.mail_record_many(\(settings.workerID), \(outcomes.ids)::bigint[], \(outcomes.results)::text[],
                \(outcomes.replies)::text[], ARRAY(SELECT to_timestamp(t) FROM unnest(\(outcomes.times)::float8[]) WITH ORDINALITY u(t, n) ORDER BY n),
                \(settings.maxAttempts), \(settings.retryBaseSeconds))
            """)
        outcomes = RecordedOutcomes()
    }

    private mutating func deliver(_ delivery: ClaimedDelivery) throws {
        let content: MailingContent
        do {
            if let reason = unrenderable[delivery.mailingID] { throw HumasError.unavailable(reason) }
            content = try contents[delivery.mailingID] ?? MailingContent(mailing: delivery.mailingID, on: work)
        } catch let error as HumasError {
            // A mailing that cannot be rendered fails its deliveries with the reason (said once in
            // the log): it must not stop the worker, and every other office's mail with it.
            if unrenderable.updateValue(error.description, forKey: delivery.mailingID) == nil {
                worker.logger.error("mailing \(delivery.mailingID) cannot be rendered: \(error.description); its deliveries fail")
            }
            return outcomes.append(delivery.id, "permanent", "not sent: the mailing cannot be rendered: \(error.description)")
        }
        contents[delivery.mailingID] = content
        let message = MessageComposer.message(
            content, to: delivery.address, messageID: delivery.messageID, stored: delivery.mergeFields,
            unsubscribeToken: tokens.token(for: delivery.id), publicURL: worker.settings.publicURL)
        if smtp == nil { smtp = try SMTPSession(configuration: worker.settings.smtp) }
        let (outcome, reply): (String, String)
        switch try smtp!.send(message) {
        case .accepted(let text): (outcome, reply) = ("sent", text)
        case .temporaryFailure(let text): (outcome, reply) = ("temporary", text)
        case .permanentFailure(let text): (outcome, reply) = ("permanent", text)
        }
        outcomes.append(delivery.id, outcome, reply)
    }

    private func release(_ deliveries: ArraySlice<ClaimedDelivery>, delaySeconds: Int) throws {
        guard !deliveries.isEmpty else { return }
        try work.execute("SELECT humas.mail_release(\(worker.settings.workerID), \(deliveries.map(\.id))::bigint[], \(delaySeconds))")
    }
}

/// What the SMTP server answered, gathered for one transaction: due after 50 messages or a
/// quarter second, whichever comes first. A crash before the flush sends them again (at most
/// one batch twice, as with a lapsed lease); one WAL flush a group instead of one a message.
struct RecordedOutcomes {
    private(set) var ids: [Int64] = []
    private(set) var results: [String] = []
    private(set) var replies: [String] = []
    /// When each answer came, seconds since 1970 (recorded as sent_at / failed_at).
    private(set) var times: [Double] = []
    private var first: ContinuousClock.Instant?

    var isEmpty: Bool { ids.isEmpty }
    var isDue: Bool { ids.count >= 50 || (first.map { ContinuousClock.now - $0 > .milliseconds(250) } ?? false) }

    mutating func append(_ id: Int64, _ result: String, _ reply: String) {
        if first == nil { first = ContinuousClock.now }
        ids.append(id)
        results.append(result)
        replies.append(reply)
        times.append(Date().timeIntervalSince1970)
    }
}

/// A delivery a worker holds: what to send and when.
struct ClaimedDelivery: Sendable {
    var id: Int64
    var mailingID: Int64
    var messageID: String
    var address: String
    var mergeFields: [String: String]
    var attempts: Int
    var sendAt: Date

    init(row: PostgresRow) throws {
        id = try row.decode("delivery_id")
        mailingID = try row.decode("mailing_id")
        messageID = try row.decode("message_id")
        address = try row.decode("address")
        mergeFields = (try? JSONDecoder().decode([String: String].self, from: Data(try row.decode("merge_fields", as: String.self).utf8))) ?? [:]
        attempts = try row.decode("attempts")
        sendAt = try row.decode("send_at")
    }
}

/// Waits that double while the SMTP server stays away: 5 s, 10 s, … up to `limit`.
struct Backoff {
    let first: Double
    let limit: Double
    private var current: Double

    init(first: Double, limit: Double) {
        self.first = first
        self.limit = limit
        current = first
    }

    mutating func next() -> Double {
        defer { current = min(current * 2, limit) }
        return current
    }

    mutating func reset() {
        current = first
    }
}
