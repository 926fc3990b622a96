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
            let fixture = try await MailingFixture.make(unit: MailingFixture.workerUnit, addresses: (1...total).map { "massal\($0)" })
            let smtp = try SMTPPeer()
            defer { smtp.stop() }
            let mailing = try await withFixtureSession(fixture.editor) { session in
                try await session.mailings.send(try await session.mailings.create(fixture.mailing()).id)
            }
            let process = try Self.startWorker(smtp: smtp, batch: batch)
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

        @Test("SIGTERM: the message in flight is finished and recorded, the rest of the claim given back at once")
        func terminatedWorker() async throws {
            let fixture = try await MailingFixture.make(unit: MailingFixture.workerUnit, addresses: ["slow-pertama"] + (1...9).map { "sisa\($0)" })
            let smtp = try SMTPPeer()
            defer { smtp.stop() }
            let mailing = try await withFixtureSession(fixture.editor) { session in
                try await session.mailings.send(try await session.mailings.create(fixture.mailing()).id)
            }
            let process = try Self.startWorker(smtp: smtp, batch: 50)
            let deadline = Date().addingTimeInterval(20)
            while (try MailingFixture.statuses(mailing.id)["sending"] ?? 0) == 0, Date() < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            try await Task.sleep(for: .milliseconds(500))  // the slow recipient's DATA takes 2 s
            let stopped = Date()
            kill(process.processIdentifier, SIGTERM)
            while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(!process.isRunning && process.terminationStatus == 0)
            #expect(Date().timeIntervalSince(stopped) < 5, "it stops once the message in flight is done")
            let rows = try TestEnvironment.superuser().query(
                "SELECT status, attempts, leased_by FROM humas.deliveries WHERE mailing_id = \(mailing.id) ORDER BY id")
            let states = try rows.map { "\(try $0.decode("status", as: String.self))/\(try $0.decode("attempts", as: Int.self))" }
            #expect(states == ["sent/1"] + Array(repeating: "queued/0", count: 9), "finished, and the rest released with no attempt counted")
            #expect(try rows.allSatisfy { try $0.decode("leased_by", as: String?.self) == nil })
        }

        /// `humas worker` against the test's server, in a process of its own.
        static func startWorker(smtp: SMTPPeer, batch: Int) throws -> Process {
            let process = Process()
            process.executableURL = TestEnvironment.humasExecutable
            process.arguments = ["worker", "--under", MailingFixture.workerUnit]
            process.environment = ProcessInfo.processInfo.environment.merging([
                "HUMAS_HOME": TestEnvironment.repositoryRoot.appendingPathComponent(".humas").path,
                "HUMAS_SMTP_URL": smtp.url, "HUMAS_MAIL_BATCH": String(batch), "HUMAS_MAIL_LEASE_SECONDS": "3",
                "DATABASE_URL": "",
            ]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
    }
}
