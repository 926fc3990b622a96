import Postgres
import Testing

/// `withTransaction(settingLocal:)` sends BEGIN and the settings in one libpq pipeline.
@Suite("Transactions opened with settings")
struct PipelinedTransactionTests {
    @Test("the settings hold inside the transaction only, with their values bound as sent")
    func settingsScopedToTransaction() throws {
        let connection = try TestDatabase.connect()
        let hostile = "42'; RESET ALL; --"
        let inside = try connection.withTransaction(settingLocal: [("humas.user_id", "7"), ("humas.note", hostile)]) { transaction in
            #expect(transaction.isInTransaction)
            let row = try transaction.query("SELECT current_setting('humas.user_id') AS user_id, current_setting('humas.note') AS note")[0]
            return [try row.decode("user_id", as: String.self), try row.decode("note", as: String.self)]
        }
        #expect(inside == ["7", hostile])
        #expect(!connection.isInTransaction)
        let after = try connection.query("SELECT coalesce(current_setting('humas.user_id', true), '')")[0].decode(0, as: String.self)
        #expect(after == "")
    }

    @Test("a setting the server refuses fails the call, leaves no transaction and the connection usable")
    func refusedSetting() throws {
        let connection = try TestDatabase.connect()
        try connection.execute("CREATE TEMP TABLE ledger (entry text)")
        let error = try #require(throws: PostgresError.self) {
            try connection.withTransaction(settingLocal: [("humas.user_id", "7"), ("no_such_parameter", "1")]) { transaction in
                try transaction.execute("INSERT INTO ledger VALUES (\("never"))")
            }
        }
        #expect(error.message.contains("no_such_parameter"))
        #expect(!connection.isInTransaction)
        #expect(try connection.query("SELECT count(*) FROM ledger")[0].decode(0, as: Int.self) == 0)
        // Out of pipeline mode: ordinary statements and transactions work again.
        _ = try connection.withTransaction { try $0.execute("INSERT INTO ledger VALUES (\("kept"))") }
        #expect(try connection.query("SELECT count(*) FROM ledger")[0].decode(0, as: Int.self) == 1)
    }

    @Test("a throw in the body rolls back; inside a transaction it is a savepoint")
    func rollbackAndNesting() throws {
        struct Abort: Error {}
        let connection = try TestDatabase.connect()
        try connection.execute("CREATE TEMP TABLE notes (body text)")
        #expect(throws: Abort.self) {
            try connection.withTransaction(settingLocal: [("humas.user_id", "1")]) { transaction in
                try transaction.execute("INSERT INTO notes VALUES (\("undone"))")
                throw Abort()
            }
        }
        let seen = try connection.withTransaction { outer in
            try outer.execute("INSERT INTO notes VALUES (\("kept"))")
            return try outer.withTransaction(settingLocal: [("humas.user_id", "9")]) { inner in
                try inner.query("SELECT current_setting('humas.user_id')")[0].decode(0, as: String.self)
            }
        }
        #expect(seen == "9")
        let bodies = try connection.query("SELECT body FROM notes").map { try $0.decode(0, as: String.self) }
        #expect(bodies == ["kept"])
    }

    @Test("a pooled connection killed by the server is replaced for a transaction opened with settings")
    func retriedAfterKilledConnection() async throws {
        let pool = PostgresPool(conninfo: TestDatabase.conninfo, size: 1)
        let first = try await TestDatabase.terminateOnlyConnection(of: pool)
        let (second, user) = try await pool.withTransaction(settingLocal: [("humas.user_id", "5")]) { connection in
            let row = try connection.query("SELECT pg_backend_pid() AS pid, current_setting('humas.user_id') AS user_id")[0]
            return (try row.decode("pid", as: Int32.self), try row.decode("user_id", as: String.self))
        }
        await pool.shutdown()
        #expect(second != first)
        #expect(user == "5")
    }
}

extension PipelinedTransactionTests {
    @Test("on a connection the server has closed it fails at once with a connection error")
    func deadConnectionFails() throws {
        let connection = try TestDatabase.connect()
        let admin = try TestDatabase.connect()
        try admin.execute("SELECT pg_terminate_backend(\(connection.backendProcessID))")
        let error = try #require(throws: PostgresError.self) {
            try connection.withTransaction(settingLocal: [("humas.user_id", "1")]) { _ in }
        }
        #expect(error.isConnectionError, "got \(error.kind): \(error.message)")
    }
}
