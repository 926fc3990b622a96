import Foundation
import Humas
import Mail
import Postgres
import Testing

extension MailingSuites {
    @Suite("Mailings: a worker killed part-way", .serialized)
    struct MailWorkerCrashTests {
        @Test("2,000 deliveries, `humas worker` SIGKILLed part-way, another started: every one sent, none lost, at most one batch twice")
        func killedWorker() async throws {
            let total = 2000, batch = 50
            let fixture = try await MailingFixture.make(addresses: (1...total).map { "massal\($0)" })
            let smtp = try SMTPPeer()
            defer { smtp.stop() }
            let mailing = try await withFixtureSession(fixture.editor) { session in
                try await session.mailings.send(try await session.mailings.create(fixture.mailing()).id)
            }
            let process = Process()
            process.executableURL = TestEnvironment.humasExecutable
            process.arguments = ["worker"]
            process.environment = ProcessInfo.processInfo.environment.merging([
                "HUMAS_HOME": TestEnvironment.repositoryRoot.appendingPathComponent(".humas").path,
                "HUMAS_SMTP_URL": smtp.url, "HUMAS_MAIL_BATCH": String(batch), "HUMAS_MAIL_LEASE_SECONDS": "3",
                "DATABASE_URL": "",
            ]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            while try smtp.messages(ofMailing: mailing.id).count < total / 4, Date() < deadline, process.isRunning {
                try await Task.sleep(for: .milliseconds(50))
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let beforeRestart = try MailingFixture.statuses(mailing.id)
            #expect((beforeRestart["sending"] ?? 0) > 0, "the killed worker held a claim: \(beforeRestart)")
            #expect((beforeRestart["sent"] ?? 0) < total, "it was killed part-way")

            let worker = RunningWorker(smtp: SMTPConfiguration(url: smtp.url)) { $0.batchSize = batch; $0.leaseSeconds = 3 }
            let done = try MailingFixture.waitUntilSent(mailing.id, seconds: 180)
            await worker.halt()
            #expect(done)
            #expect(try MailingFixture.statuses(mailing.id) == ["sent": total], "none lost")
            let received = try smtp.messages(ofMailing: mailing.id).count
            let ids = Set(try smtp.messageIDs().filter { $0.hasPrefix("humas.\(mailing.id).") })
            #expect(ids.count == total, "every delivery reached the server")
            #expect(received - total <= batch, "\(received - total) duplicates; at most the one batch in flight")
        }
    }
}
