import Foundation

/// Finds the folders Humas ships beside its code: `sql/` (migrations) and `seed/`.
///
/// Order: the `HUMAS_SQL_DIR` / `HUMAS_SEED_DIR` variable, the working directory (a checkout),
/// then `share/humas/` next to the executable's folder (an installed copy, as in the container).
enum ResourceDirectory {
    static func locate(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        let variable = "HUMAS_\(name.uppercased())_DIR"
        var candidates: [URL] = []
        if let configured = environment[variable], !configured.isEmpty {
            candidates.append(URL(fileURLWithPath: configured, isDirectory: true))
        }
        candidates.append(URL(fileURLWithPath: name, isDirectory: true))
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "humas").resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent("../share/humas/\(name)").standardizedFileURL)
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
        }
        throw HumasError.unavailable("the \(name)/ folder was not found; run humas from the repository, or set \(variable)")
    }
}
