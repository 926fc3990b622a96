import Foundation
import Testing

/// Runs the built `humas` binary as a user would.
struct CommandLineRun {
    var status: Int32
    var stdout: String
    var stderr: String

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = TestEnvironment.humasExecutable
        process.arguments = arguments
        process.currentDirectoryURL = TestEnvironment.repositoryRoot
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        process.environment = merged
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}

@Suite("Command line")
struct CommandLineTests {
    @Test("an unreachable DATABASE_URL gives one line saying what was tried and what to do, exit 1")
    func unreachableDatabase() throws {
        let run = try CommandLineRun(
            ["db", "status"], environment: ["DATABASE_URL": "postgresql://humas:s3cret@/humas?host=/nonexistent-humas"])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(run.stderr.hasPrefix("error: cannot connect to DATABASE_URL"))
        #expect(run.stderr.contains("check DATABASE_URL"))
        #expect(!run.stderr.contains("s3cret"))
    }

    @Test("a usage mistake exits 2 with the usage")
    func usageError() throws {
        let run = try CommandLineRun(["db", "sideways"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Usage"))
    }

    @Test("serve refuses an event-loop or connection count out of range, naming the option, exit 2")
    func serveCountsOutOfRange() throws {
        let loops = try CommandLineRun(["serve", "--event-loops", "0"])
        #expect(loops.status == 2)
        #expect(loops.stderr.contains("--event-loops must be from 1 to 256"), "\(loops.stderr)")
        let connections = try CommandLineRun(["serve", "--connections", "101"])
        #expect(connections.status == 2)
        #expect(connections.stderr.contains("--connections must be from 1 to 100"), "\(connections.stderr)")
    }

    @Test("--help shows an example and exits 0")
    func helpHasExample() throws {
        let run = try CommandLineRun(["db", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Example"))
    }

    @Test("db status lists every migration as applied after make test's db up")
    func statusAfterUp() throws {
        let run = try CommandLineRun(["db", "status", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let migrations = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        let files = try FileManager.default.contentsOfDirectory(atPath: TestEnvironment.sqlDirectory.path).filter { $0.hasSuffix(".sql") }
        #expect(migrations?.count == files.count)
        #expect(migrations?.allSatisfy { $0["status"] as? String == "applied" } == true)
    }
}
