import Foundation
import Postgres

/// The facts a reader needs to compare runs: CPU, memory, OS, PostgreSQL and its memory settings.
enum MachineFacts {
    static func collect(on connection: PostgresConnection) throws -> [(String, String)] {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let cpu = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown"
        let release = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)) ?? ""
        let os = release.split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
            .map { $0.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) } ?? "unknown"
        let settings = try connection.query("""
            SELECT version() AS version, current_setting('shared_buffers') AS shared_buffers,
                   current_setting('work_mem') AS work_mem
            """)[0]
        // Other jobs on the machine (builds, other databases) show up here and in the latencies.
        let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").prefix(3).joined(separator: " ")
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        return [
            ("CPU", "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores"),
            ("memory", String(format: "%.0f GiB", memory)),
            ("OS", os),
            ("PostgreSQL", try settings.decode("version", as: String.self)),
            ("PostgreSQL settings", "shared_buffers \(try settings.decode("shared_buffers", as: String.self)), "
                + "work_mem \(try settings.decode("work_mem", as: String.self)); embedded cluster, Unix socket"),
            ("load average at start (1, 5, 15 min)", load.isEmpty ? "unknown" : load),
            ("build", "swift build -c release (.build-release)"),
        ]
    }
}
