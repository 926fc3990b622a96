import Postgres

/// The two roles every Humas database has.
///
/// `humas_owner` owns the schema and runs migrations; `humas_app` is what the service acts as.
/// Because `humas_app` owns nothing and cannot bypass row-level security, the database itself
/// enforces the access rule for every query the service sends. `package`: the development data
/// generator (HumasDevData) loads as the owner too.
package enum DatabaseRoles {
    package static let owner = "humas_owner"
    package static let app = "humas_app"

    /// Creates the roles when missing. Needs CREATEROLE (the embedded cluster's superuser, or the
    /// deployment's admin); elsewhere the roles must have been made by the database's admin.
    static func ensure(on connection: PostgresConnection, login: Bool) throws {
        let existing = try connection.query("SELECT rolname FROM pg_roles WHERE rolname IN (\(owner), \(app))")
        let names = Set(try existing.map { try $0.decode(0, as: String.self) })
        for role in [owner, app] where !names.contains(role) {
            try connection.execute(script: "CREATE ROLE \(role) \(login ? "LOGIN" : "NOLOGIN")")
        }
    }
}

extension DatabaseRoles {
    /// Before migrating: the roles exist (created when we may), the connected admin can act as
    /// the owner, and the owner may create the extensions and the schema.
    static func ensureUsable(on connection: PostgresConnection) throws {
        let privileges = try connection.query(
            "SELECT rolsuper OR rolcreaterole AS can_create FROM pg_roles WHERE rolname = current_user")
        if try privileges.first?.decode("can_create", as: Bool.self) == true {
            try ensure(on: connection, login: false)
            // Each grant may be refused to a non-superuser admin who already set things up by hand;
            // the membership check below says what is missing.
            try? connection.execute(script: "GRANT \(owner) TO current_user")
            try? connection.execute(script: "DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO \(owner)', current_database()); END $$")
            // On a database made by someone else, public belongs to them: let the owner put the
            // extensions there.
            try? connection.execute(script: "GRANT CREATE ON SCHEMA public TO \(owner)")
        }
        let member = try connection.query("SELECT pg_has_role(current_user, \(owner), 'MEMBER') AS ok")
        guard try member[0].decode("ok", as: Bool.self) else {
            throw HumasError.forbidden(
                "the database role \(connection.user) cannot act as \(owner); create the roles \(owner) and \(app) and GRANT \(owner) TO \(connection.user)")
        }
    }
}
