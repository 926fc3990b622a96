import Foundation
import Testing

/// The Python peers in Tests/peers, run with the interpreter of .build/peer-venv
/// (scripts/peer-venv.sh creates it; `make test` runs that first).
enum PeerTools {
    /// The repository's root, found from this file's place in it.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let python = repositoryRoot.appendingPathComponent(".build/peer-venv/bin/python")

    static func script(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/peers/\(name)")
    }

    /// A message as Python's `email` package reads it (Tests/peers/read_mail.py).
    static func readMail(_ file: URL) throws -> [String: Any] {
        let process = Process()
        process.executableURL = python
        process.arguments = [script("read_mail.py").path, file.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "Python's email package could not read \(file.lastPathComponent): \(problem)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
