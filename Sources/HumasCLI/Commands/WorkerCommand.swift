import ArgumentParser
import Foundation
import Humas
import Logging

/// `humas worker`: sends queued mail until SIGTERM or Ctrl-C.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Send queued mailings over SMTP (HUMAS_SMTP_URL) until stopped.",
        discussion: """
            Several workers may run at once, on one machine or many. SIGTERM finishes the message
            in flight and gives back the rest; a killed worker's claim lapses after its lease and
            another takes it over. Credentials: HUMAS_SMTP_USER and HUMAS_SMTP_PASSWORD (never logged).
            HUMAS_SMTP_RATE caps messages a minute over every mailing and worker.

            Examples:
              HUMAS_SMTP_URL=smtp://127.0.0.1:2525 humas worker
              HUMAS_SMTP_URL=smtp://relay.jateng.example:587 humas worker --under ID-JT
            """)

    @Option(help: ArgumentHelp("Deliveries to claim at a time.", valueName: "count")) var batch: Int?
    @Option(help: ArgumentHelp("Send only the mailings of this unit and those below it (e.g. a province with its own relay).",
                               valueName: "code"))
    var under: String?

    func run() async throws {
        var settings = try MailWorkerSettings.fromEnvironment()
        if let batch { settings.batchSize = batch }
        if let under { settings.under = under }
        let service = HumasService(poolSize: 2)
        let worker = BackgroundWorker(service: service, settings: settings, logger: workerLogger())
        let signals = StopSignals { worker.stop.request() }
        try await worker.finished()
        signals.cancel()
        await service.shutdown()
    }
}

func workerLogger() -> Logger {
    var logger = Logger(label: "humas.worker")
    logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    return logger
}

/// A mail worker on a thread of its own (it blocks on libpq and libcurl).
final class BackgroundWorker: Sendable {
    let stop = WorkerStop()
    private let done: AsyncThrowingStream<Void, any Error>

    init(service: HumasService, settings: MailWorkerSettings, logger: Logger) {
        let (stream, continuation) = AsyncThrowingStream<Void, any Error>.makeStream()
        done = stream
        let stop = stop
        let thread = Thread {
            do {
                try MailWorker(service: service, settings: settings, logger: logger).run(until: stop)
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        thread.name = "humas-mail-worker"
        thread.start()
    }

    /// Returns when the worker has stopped.
    func finished() async throws {
        for try await _ in done {}
    }
}

/// SIGTERM and SIGINT call `handler` instead of ending the process.
final class StopSignals: @unchecked Sendable {
    // @unchecked: the sources are set once here and only cancelled after.
    private let sources: [any DispatchSourceSignal]

    init(_ handler: @escaping @Sendable () -> Void) {
        sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    func cancel() {
        sources.forEach { $0.cancel() }
    }
}
