import Postgres
import Testing

@Suite("Transactions")
struct TransactionTests {
    struct Abort: Error {}

    @Test("a throw inside withTransaction rolls everything back")
    func rollbackOnThrow() throws {
        let connection = try TestDatabase.connect()
        try connection.execute("CREATE TEMP TABLE ledger (entry text)")
        #expect(throws: Abort.self) {
            try connection.withTransaction { transaction in
                try transaction.execute("INSERT INTO ledger VALUES (\("first"))")
                throw Abort()
            }
        }
        #expect(try connection.query("SELECT count(*) FROM ledger")[0].decode(0, as: Int.self) == 0)
        #expect(!connection.isInTransaction)
    }

    @Test("a failing statement leaves nothing of the transaction behind")
    func failingStatementRollsBack() throws {
        let connection = try TestDatabase.connect()
        try connection.execute("CREATE TEMP TABLE unique_names (name text UNIQUE)")
        #expect(throws: PostgresError.self) {
            try connection.withTransaction { transaction in
                try transaction.execute("INSERT INTO unique_names VALUES (\("Siti"))")
                try transaction.execute("INSERT INTO unique_names VALUES (\("Siti"))")
            }
        }
        #expect(try connection.query("SELECT count(*) FROM unique_names")[0].decode(0, as: Int.self) == 0)
    }

    @Test("commit keeps the rows; a nested failure undoes only itself")
    func commitAndSavepoint() throws {
        let connection = try TestDatabase.connect()
        try connection.execute("CREATE TEMP TABLE notes (body text)")
        try connection.withTransaction { transaction in
            try transaction.execute("INSERT INTO notes VALUES (\("kept"))")
            _ = try? transaction.withTransaction { inner -> Void in
                try inner.execute("INSERT INTO notes VALUES (\("undone"))")
                throw Abort()
            }
        }
        let bodies = try connection.query("SELECT body FROM notes").map { try $0.decode(0, as: String.self) }
        #expect(bodies == ["kept"])
    }

    @Test("SET LOCAL lasts for the transaction only")
    func setLocalScopedToTransaction() throws {
        let connection = try TestDatabase.connect()
        let inside = try connection.withTransaction { transaction in
            try transaction.setLocal("humas.user_id", to: "42")
            return try transaction.query("SELECT current_setting('humas.user_id', true)")[0].decode(0, as: String?.self)
        }
        #expect(inside == "42")
        let after = try connection.query("SELECT coalesce(current_setting('humas.user_id', true), '')")[0].decode(0, as: String.self)
        #expect(after == "")
    }

    @Test("a unique violation carries its SQLSTATE and constraint")
    func uniqueViolation() throws {
        let connection = try TestDatabase.connect()
        try connection.execute("CREATE TEMP TABLE outlets (name text CONSTRAINT outlets_name_key UNIQUE)")
        try connection.execute("INSERT INTO outlets VALUES (\("Warta Semarang"))")
        let error = try #require(throws: PostgresError.self) {
            try connection.execute("INSERT INTO outlets VALUES (\("Warta Semarang"))")
        }
        #expect(error.sqlState == "23505")
        #expect(error.isUniqueViolation)
        #expect(error.constraint == "outlets_name_key")
        #expect(error.detail?.contains("Warta Semarang") == true)
    }
}
