import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion and captures what it printed.
///
/// Used only to drive PostgreSQL's own tools (`initdb`, `pg_ctl`) for the embedded database.
/// Built on `posix_spawn` and `waitpid` rather than Foundation's `Process`: `pg_ctl start`
/// leaves a daemon behind that inherits the child's descriptors, and `Process` then never
/// notices that `pg_ctl` itself has exited.
struct Subprocess {
    struct Failure: Error, CustomStringConvertible {
        var command: String
        var status: Int32
        var output: String
        var description: String {
            let lastLines = output.split(whereSeparator: \.isNewline).suffix(3).joined(separator: " | ")
            return "\(command) failed with status \(status)\(lastLines.isEmpty ? "" : ": \(lastLines)")"
        }
    }

    /// Runs `executable` with `arguments`; as root, runs it as `user` through `runuser`, since
    /// PostgreSQL refuses to run as root.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], as user: String? = nil) throws -> String {
        var argv = [executable] + arguments
        if let user {
            argv = [try locate("runuser", in: ["/usr/sbin", "/sbin"]), "-u", user, "--"] + argv
        }
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("humas-\(UUID().uuidString).out").path
        defer { unlink(outputPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else {
            throw Failure(command: argv[0], status: spawned, output: String(cString: strerror(spawned)))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0
        let exitStatus = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        guard exitStatus == 0 else {
            throw Failure(command: URL(fileURLWithPath: executable).lastPathComponent, status: exitStatus, output: output)
        }
        return output
    }

    /// The first executable named `name` in `PATH` or in `extraDirectories`.
    static func locate(_ name: String, in extraDirectories: [String] = []) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":").map(String.init) + extraDirectories {
            let candidate = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw HumasError.unavailable("\(name) not found; install PostgreSQL (apt-get install postgresql postgresql-contrib) or run `make run`")
    }
}
