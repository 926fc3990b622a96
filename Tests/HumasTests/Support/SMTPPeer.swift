import Foundation
@testable import Humas
import Mail
import NIOConcurrencyHelpers

/// The aiosmtpd server of Tests/peers/smtp_server.py on a free loopback port, keeping what it
/// accepts in a directory of its own (see that script for the recipients that fail on purpose).
final class SMTPPeer {
    static let python = TestEnvironment.repositoryRoot.appendingPathComponent(".build/peer-venv/bin/python")
    let maildir: URL
    let port: Int
    private let process = Process()
    /// The server's stdin: it exits when this closes, so it never outlives the tests.
    private let input = Pipe()

    var url: String { "smtp://127.0.0.1:\(port)" }

    init(authUser: String? = nil, authPassword: String? = nil) throws {
        maildir = FileManager.default.temporaryDirectory.appendingPathComponent("humas-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: maildir, withIntermediateDirectories: true)
        let ready = maildir.appendingPathComponent("ready")
        let log = maildir.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = Self.python
        process.arguments = [TestEnvironment.repositoryRoot.appendingPathComponent("Tests/peers/smtp_server.py").path,
                             "--port", "0", "--maildir", maildir.path, "--ready-file", ready.path]
            + (authUser.map { ["--auth-user", $0, "--auth-password", authPassword ?? ""] } ?? [])
        process.standardInput = input
        process.standardOutput = FileHandle(forWritingAtPath: log.path)
        process.standardError = FileHandle(forWritingAtPath: log.path)
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: ready.path) {
            guard process.isRunning, Date() < deadline else {
                process.terminate()
                throw HumasError.unavailable("smtp_server.py did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        port = Int(try String(contentsOf: ready, encoding: .utf8)) ?? 0
    }

    /// The accepted messages' files, in the order they arrived.
    var messages: [URL] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: maildir.path)) ?? []).filter { $0.hasSuffix(".eml") }
        return names.sorted { Int($0.dropLast(4)) ?? 0 < Int($1.dropLast(4)) ?? 0 }.map { maildir.appendingPathComponent($0) }
    }

    /// The Message-ID of every accepted message, in arrival order (read from the raw bytes).
    func messageIDs() throws -> [String] {
        try messages.map { file in
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            let line = text.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("message-id:") } ?? ""
            return line.dropFirst("message-id:".count).trimmingCharacters(in: CharacterSet(charactersIn: " <>"))
        }
    }

    /// The accepted messages of one mailing (other tests' workers may send theirs here too).
    func messages(ofMailing mailing: Int64) throws -> [URL] {
        zip(messages, try messageIDs()).filter { $0.1.hasPrefix("humas.\(mailing).") }.map(\.0)
    }

    /// A message as Python's `email` package reads it (Tests/peers/read_mail.py).
    static func read(_ file: URL) throws -> [String: Any] {
        let process = Process()
        process.executableURL = python
        process.arguments = [TestEnvironment.repositoryRoot.appendingPathComponent("Tests/peers/read_mail.py").path, file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    func stop() {
        if process.isRunning {
            // SIGKILL: asyncio's loop may sit out a SIGTERM, and waitUntilExit would then spin.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: maildir)
    }

    deinit {
        stop()
    }
}

/// A mail worker of the test's own, on a thread, until ``stop()``.
final class RunningWorker: @unchecked Sendable {
    // @unchecked: `finished` is signalled once by the worker thread and only waited on here.
    let stop = WorkerStop()
    let service = HumasService(target: TestEnvironment.target, poolSize: 2)
    private let finished = DispatchSemaphore(value: 0)

    init(smtp: SMTPConfiguration, configure: (inout MailWorkerSettings) -> Void = { _ in }) {
        var settings = MailWorkerSettings(smtp: smtp, workerID: "test-\(UUID().uuidString.prefix(8))")
        settings.retryBaseSeconds = 0
        settings.leaseSeconds = 30
        settings.under = MailingFixture.workerUnit
        configure(&settings)
        let worker = MailWorker(service: service, settings: settings)
        let stop = stop, finished = finished
        Thread {
            try? worker.run(until: stop)
            finished.signal()
        }.start()
    }

    /// Stops the worker (the message in flight finishes) and waits for it.
    func halt() async {
        stop.request()
        while finished.wait(timeout: .now()) == .timedOut {
            try? await Task.sleep(for: .milliseconds(50))
        }
        await service.shutdown()
    }
}

/// Runs blocking work (the worker's own code, which waits on libpq and on async service calls)
/// on a thread of its own, never on one of the test's cooperative threads.
func onOwnThread(_ body: @escaping @Sendable () throws -> Void) async throws {
    let outcome = NIOLockedValueBox<Result<Void, any Error>?>(nil)
    Thread {
        let result = Result { try body() }
        outcome.withLockedValue { $0 = result }
    }.start()
    while true {
        if let result = outcome.withLockedValue({ $0 }) { return try result.get() }
        try await Task.sleep(for: .milliseconds(20))
    }
}
