import Foundation
import Logging
import NIOConcurrencyHelpers
import Postgres

/// Starts scheduled mailings whose time has come, each as the user who scheduled it (their
/// audience is what that user sees, resolved by the same code as `humas mailing send`). One that
/// cannot start goes back to draft with the reason, instead of being tried forever.
enum ScheduledStarts {
    static func startDue(
        service: HumasService, units: (lo: Int, hi: Int) = (1, Int(Int32.max)), on connection: PostgresConnection,
        logger: Logger = Logger(label: "humas.worker")
    ) throws {
        let due = try connection.query("SELECT mailing_id, sent_by FROM humas.mail_due_mailings(\(units.lo), \(units.hi))").map {
            (try $0.decode("mailing_id", as: Int64.self), try $0.decode("sent_by", as: Int64?.self))
        }
        for (mailing, user) in due {
            do {
                guard let user else { throw HumasError.invalid(field: "sent_by", message: "nobody scheduled it") }
                try waitFor { try await service.session(userID: user).mailings.startScheduled(mailing) }
                logger.info("scheduled mailing \(mailing) started")
            } catch let error as HumasError {
                logger.error("scheduled mailing \(mailing) could not start: \(error.description); it is a draft again")
                try connection.execute("SELECT humas.mail_schedule_failed(\(mailing), \(error.description))")
            }
        }
    }

    /// Runs async service code from the worker's own thread (never one of Swift's cooperative
    /// threads, which must not block).
    static func waitFor<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let result = NIOLockedValueBox<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                let value = try await work()
                result.withLockedValue { $0 = .success(value) }
            } catch {
                result.withLockedValue { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        return try result.withLockedValue { $0! }.get()
    }
}
