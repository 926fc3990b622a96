import ArgumentParser
import Foundation
import Humas
import HumasHTTP
import Logging
import NIOCore
import NIOPosix

/// `humas serve`: the JSON-over-HTTP API, until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the JSON-over-HTTP API (bearer tokens from `humas token issue`).",
        discussion: """
            The OpenAPI document is served at /openapi.yaml; /health and /ready are for probes.
            Each API token may make HUMAS_RATE_LIMIT requests a minute (default 600).
            --worker also sends queued mailings from this process (a one-process install; see
            `humas worker --help` for HUMAS_SMTP_URL and the other settings).

            Example:
              humas serve --port 8080
              curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8080/v1/me
            """)

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "address")) var host = "127.0.0.1"
    @Option(help: ArgumentHelp("The TCP port to listen on.", valueName: "port")) var port = 8080
    @Option(help: ArgumentHelp("Database connections to keep open.", valueName: "count")) var connections = 8
    @Option(help: ArgumentHelp("Threads serving HTTP connections (event loops); default 64, or one per core if more.",
                               valueName: "count"))
    var eventLoops = ServerEventLoops.defaultCount
    @Flag(help: "Also run a mail worker in this process (needs HUMAS_SMTP_URL).") var worker = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
        guard (1...100).contains(connections) else { throw ValidationError("--connections must be from 1 to 100") }
        guard (1...256).contains(eventLoops) else { throw ValidationError("--event-loops must be from 1 to 256") }
        _ = try Self.rateLimit()
    }

    func run() async throws {
        var logger = Logger(label: "humas.http")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let service = HumasService(poolSize: connections, logger: logger)
        let mailWorker = try worker ? BackgroundWorker(service: service, settings: MailWorkerSettings.fromEnvironment(), logger: workerLogger()) : nil
        let loops = ServerEventLoops.make(count: eventLoops, logger: logger)
        let configuration = HTTPConfiguration(host: host, port: port, rateLimitPerMinute: try Self.rateLimit(), eventLoops: loops)
        let application = buildApplication(service: service, configuration: configuration, logger: logger)
        do {
            try await application.runService()
        } catch {
            mailWorker?.stop.request()
            try? await mailWorker?.finished()
            await service.shutdown()
            try? await loops.shutdownGracefully()
            if let io = error as? IOError, io.errnoCode == EADDRINUSE {
                throw HumasError.unavailable("port \(port) on \(host) is in use (another humas serve?); stop it or pick another with --port")
            }
            throw error
        }
        // The HTTP server has stopped (SIGTERM or SIGINT): the worker finishes its message in flight.
        mailWorker?.stop.request()
        try await mailWorker?.finished()
        await service.shutdown()
        try await loops.shutdownGracefully()
    }

    /// `HUMAS_RATE_LIMIT` (requests a minute per token), or the default.
    static func rateLimit(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int {
        guard let raw = environment["HUMAS_RATE_LIMIT"], !raw.isEmpty else { return HTTPConfiguration().rateLimitPerMinute }
        guard let value = Int(raw), value > 0 else {
            throw ValidationError("HUMAS_RATE_LIMIT must be a positive number of requests a minute, e.g. 600")
        }
        return value
    }
}
