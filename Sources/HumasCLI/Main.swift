import ArgumentParser
import Foundation
import Humas
import Postgres

/// Runs the command line with Humas's exit codes: 0 ok, 1 failure, 2 usage. Failures print one
/// line to stderr that says what went wrong and what to do, never a stack trace.
@main
enum Main {
    static func main() async {
        do {
            var command = try HumasCommand.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as HumasError {
            fail(error.description)
        } catch let error as PostgresError {
            fail("database error: \(error.description)")
        } catch {
            let code = HumasCommand.exitCode(for: error)
            if code == .success {
                HumasCommand.exit(withError: error)  // --help and --version print and exit 0
            }
            let message = HumasCommand.fullMessage(for: error)
            FileHandle.standardError.write(Data((message + "\n").utf8))
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        exit(1)
    }
}
