import Postgres

/// A logged-in user's handle on the service layer; every feature hangs off it
/// (`session.contacts`, `session.units`, …).
///
/// Each call runs in one transaction that first names the acting user with
/// `set_config('humas.user_id', …, true)`. From that single setting PostgreSQL derives the unit,
/// role and scope, and its row-level security policies decide what the transaction can see and
/// change. The role checks in the service layer only give clearer messages; the database is
/// what enforces the rule.
public struct Session: Sendable {
    public let user: ActingUser
    let database: HumasDatabase

    init(user: ActingUser, database: HumasDatabase) {
        self.user = user
        self.database = database
    }

    /// Runs `body` in a transaction scoped to the acting user.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        let userID = String(user.id)
        do {
            return try await database.transaction(settingLocal: [("humas.user_id", userID)], body)
        } catch let error as PostgresError {
            throw error.humasError()
        }
    }

    /// Refuses, with the rule in the message, when the user's role may not write the directory.
    func requireDirectoryWriter() throws {
        guard user.role.writesDirectory else {
            throw HumasError.forbidden("your role is \(user.role): only editors and admins may change the directory")
        }
    }

    func requireAdmin(_ action: String) throws {
        guard user.role == .admin else {
            throw HumasError.forbidden("only admins may \(action); your role is \(user.role)")
        }
    }
}
