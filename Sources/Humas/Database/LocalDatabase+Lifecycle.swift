import Foundation
import Postgres

extension LocalDatabase {
    /// Creates the cluster the first time, starts it, and makes sure the roles and the database
    /// exist. Returns the database as found after a possible move to `/tmp` (see the type's docs).
    public func up() throws -> LocalDatabase {
        var database = self
        if !isInitialized {
            database = try placed()
            try database.create()
        }
        if !database.isRunning {
            try database.start()
        }
        try database.bootstrap()
        return database
    }

    /// Stops the server (fast shutdown: open sessions are ended).
    public func down() throws {
        guard isInitialized else { return }
        guard isRunning else { return }
        try runPgCtl(["stop", "-D", dataDirectory.path, "-m", "fast", "-w", "-t", "60"])
    }

    /// Restarts the server; clients' connections break and must reconnect.
    public func restart() throws {
        try runPgCtl(["restart", "-D", dataDirectory.path, "-m", "fast", "-w", "-t", "60", "-l", logFile.path])
    }

    func start() throws {
        try runPgCtl(["start", "-D", dataDirectory.path, "-w", "-t", "60", "-l", logFile.path])
    }

    /// Chooses where the cluster lives: `.humas/` when the server's user can reach it and the
    /// socket path fits, otherwise a folder under `/tmp` recorded in `.humas/location`.
    private func placed() throws -> LocalDatabase {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: home, withIntermediateDirectories: true)
        let socketPath = home.appendingPathComponent("run/.s.PGSQL.\(Self.port)").path
        if socketPath.utf8.count < 100, serverCanReach(home) {
            try? fileManager.removeItem(at: home.appendingPathComponent("location"))
            return LocalDatabase(home: home)
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in home.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let elsewhere = URL(fileURLWithPath: "/tmp/humas-\(String(hash, radix: 16).prefix(12))", isDirectory: true)
        try fileManager.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try elsewhere.path.write(to: home.appendingPathComponent("location"), atomically: true, encoding: .utf8)
        return LocalDatabase(home: home)
    }

    private func serverCanReach(_ directory: URL) -> Bool {
        guard let serverUser else { return true }
        try? FileManager.default.setAttributes([.ownerAccountName: serverUser], ofItemAtPath: directory.path)
        return (try? Subprocess.run("/usr/bin/test", ["-w", directory.path, "-a", "-x", directory.path], as: serverUser)) != nil
    }

    private func create() throws {
        let fileManager = FileManager.default
        for directory in [root, dataDirectory, socketDirectory] {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            if let serverUser {
                try fileManager.setAttributes([.ownerAccountName: serverUser], ofItemAtPath: directory.path)
            }
        }
        try fileManager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: dataDirectory.path)
        if !fileManager.fileExists(atPath: logFile.path) {
            _ = fileManager.createFile(atPath: logFile.path, contents: nil)
            if let serverUser { try fileManager.setAttributes([.ownerAccountName: serverUser], ofItemAtPath: logFile.path) }
        }
        try Subprocess.run(
            try postgresTool("initdb"),
            ["-D", dataDirectory.path, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
            as: serverUser)
        // A Unix socket in our own folder and no TCP port: nothing else on the machine can
        // collide with it or reach it. Memory sized for a million contacts on a small machine;
        // connections for a server's pool, the CLI and `make test`'s suites running side by side.
        let settings = """

            # Humas embedded cluster
            listen_addresses = ''
            unix_socket_directories = '\(socketDirectory.path)'
            unix_socket_permissions = 0700
            port = \(Self.port)
            shared_buffers = 512MB
            work_mem = 16MB
            maintenance_work_mem = 512MB
            max_wal_size = 4GB
            max_connections = 200
            """
        let configuration = dataDirectory.appendingPathComponent("postgresql.conf")
        let handle = try FileHandle(forWritingTo: configuration)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(settings.utf8))
        try handle.close()
    }

    /// Roles and the database, created once: `humas_owner` owns every object, `humas_app` is the
    /// non-owner role the service uses, so row-level security binds it.
    private func bootstrap() throws {
        let superuser = try PostgresConnection(conninfo: conninfo(user: "postgres", database: "postgres"))
        try DatabaseRoles.ensure(on: superuser, login: true)
        let exists = try superuser.query("SELECT 1 FROM pg_database WHERE datname = \(Self.databaseName)")
        if exists.isEmpty {
            try superuser.execute(script: "CREATE DATABASE \(Self.databaseName) OWNER humas_owner")
        }
    }

    @discardableResult
    func runPgCtl(_ arguments: [String]) throws -> String {
        try Subprocess.run(try postgresTool("pg_ctl"), arguments, as: serverUser)
    }

    /// PostgreSQL's server tools are not on PATH on Debian; look in its versioned folders too.
    func postgresTool(_ name: String) throws -> String {
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted(by: >)
        return try Subprocess.locate(name, in: versions.map { "/usr/lib/postgresql/\($0)/bin" })
    }
}
