import CLibPQ

extension PostgresConnection {
    /// Runs `body` in a transaction whose configuration parameters are set first, as with
    /// `set_config(name, value, true)`: COMMIT when it returns, ROLLBACK when it throws.
    ///
    /// `BEGIN` and the settings travel in one libpq pipeline, so opening a transaction for a
    /// user costs one network round trip instead of one per statement; every API request
    /// opens one. Inside an open transaction it uses a savepoint, like ``withTransaction(_:)``.
    public func withTransaction<T>(settingLocal settings: [(name: String, value: String)], _ body: (PostgresConnection) throws -> T) throws -> T {
        if settings.isEmpty || isInTransaction {
            return try withTransaction { connection in
                for setting in settings { try connection.setLocal(setting.name, to: setting.value) }
                return try body(connection)
            }
        }
        do {
            try beginPipelined(settingLocal: settings)
        } catch {
            // BEGIN may have worked and a setting failed: end the aborted transaction.
            if isInTransaction { try? execute(script: "ROLLBACK") }
            throw error
        }
        return try finishTransaction(nested: false, body)
    }

    /// `BEGIN` and `SELECT set_config($1, $2, true)` for each setting, sent together and
    /// synchronised once. The first error wins; the statements after it were not run.
    private func beginPipelined(settingLocal settings: [(name: String, value: String)]) throws {
        guard PQenterPipelineMode(handle) == 1 else { throw connectionError() }
        // Leaving pipeline mode succeeds only once every result is read; on a lost connection
        // PQreset drops the mode with the connection.
        defer { PQexitPipelineMode(handle) }
        statementsSent += 1
        var sent = PQsendQueryParams(handle, "BEGIN", 0, nil, nil, nil, nil, 0) == 1
        for setting in settings where sent {
            sent = try withBoundValues([setting.name, setting.value]) { values in
                PQsendQueryParams(handle, "SELECT set_config($1, $2, true)", 2, nil, values, nil, nil, 0) == 1
            }
        }
        guard sent, PQpipelineSync(handle) == 1 else { throw connectionError() }
        var firstError: PostgresError?
        for _ in 0...settings.count {
            // Each statement's results end with a NULL.
            while let result = PQgetResult(handle) {
                if firstError == nil, PQresultStatus(result) == PGRES_FATAL_ERROR { firstError = serverError(result) }
                PQclear(result)
            }
        }
        guard let sync = PQgetResult(handle) else { throw firstError ?? connectionError() }
        let status = PQresultStatus(sync)
        PQclear(sync)
        if let firstError { throw firstError }
        guard status == PGRES_PIPELINE_SYNC else {
            throw PostgresError(kind: .protocolMisuse, message: "unexpected pipeline status \(String(cString: PQresStatus(status)))")
        }
    }
}
