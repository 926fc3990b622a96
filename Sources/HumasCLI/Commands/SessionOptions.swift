import ArgumentParser
import Foundation
import Humas

/// Who the command acts as: `--as EMAIL`, else `HUMAS_AS`.
struct SessionOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("Act as the user with this e-mail (default: $HUMAS_AS).", valueName: "email"))
    var actingAs: String?

    /// Runs `body` with a session of the acting user, then closes the database pool.
    func withSession<T>(_ body: (Session) async throws -> T) async throws -> T {
        guard let email = actingAs ?? ProcessInfo.processInfo.environment["HUMAS_AS"], !email.isEmpty else {
            throw HumasError.unauthenticated("who is acting? pass --as EMAIL or set HUMAS_AS (a fresh install has admin@kpu.go.id)")
        }
        let service = HumasService(poolSize: 2)
        do {
            let session = try await service.session(email: email)
            let result = try await body(session)
            await service.shutdown()
            return result
        } catch {
            await service.shutdown()
            throw error
        }
    }

    /// Runs `body` with the service alone, nobody logged in (reference data such as the units).
    func withService<T>(_ body: (HumasService) async throws -> T) async throws -> T {
        let service = HumasService(poolSize: 1)
        do {
            let result = try await body(service)
            await service.shutdown()
            return result
        } catch {
            await service.shutdown()
            throw error
        }
    }
}
