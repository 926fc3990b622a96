extension PostgresConnection {
    /// Runs `body` in a transaction: COMMIT when it returns, ROLLBACK when it throws.
    ///
    /// Called inside an open transaction it uses a savepoint instead, so a failing inner step
    /// undoes only itself.
    public func withTransaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let nested = isInTransaction
        try execute(script: nested ? "SAVEPOINT humas_nested" : "BEGIN")
        return try finishTransaction(nested: nested, body)
    }

    /// Runs `body` in the transaction (or savepoint) just opened, then ends it.
    func finishTransaction<T>(nested: Bool, _ body: (PostgresConnection) throws -> T) throws -> T {
        let value: T
        do {
            value = try body(self)
        } catch {
            // The rollback's own failure (a dead connection) must not hide the error that caused it.
            try? execute(script: nested ? "ROLLBACK TO SAVEPOINT humas_nested; RELEASE SAVEPOINT humas_nested" : "ROLLBACK")
            throw error
        }
        try execute(script: nested ? "RELEASE SAVEPOINT humas_nested" : "COMMIT")
        return value
    }
}
