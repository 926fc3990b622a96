import Foundation

/// Where to connect, from the environment: `DATABASE_URL` first, then libpq's own `PG*`
/// variables (`PGHOST`, `PGDATABASE`, …), which libpq reads by itself when the string is empty.
public enum PostgresConfiguration {
    public static func conninfoFromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let url = environment["DATABASE_URL"], !url.isEmpty { return url }
        let libpqVariables = ["PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE"]
        if libpqVariables.contains(where: { !(environment[$0] ?? "").isEmpty }) { return "" }
        return nil
    }
}

import CLibPQ

extension PostgresConfiguration {
    /// `user@host:port/dbname` from a conninfo string or URL, leaving out the password, for
    /// messages and logs.
    public static func describe(_ conninfo: String) -> String {
        var parsed: [String: String] = [:]
        if let options = PQconninfoParse(conninfo, nil) {
            defer { PQconninfoFree(options) }
            var option = options
            while let keyword = option.pointee.keyword {
                if let value = option.pointee.val { parsed[String(cString: keyword)] = String(cString: value) }
                option += 1
            }
        }
        let host = parsed["host"] ?? parsed["hostaddr"] ?? "localhost"
        let port = parsed["port"].map { ":\($0)" } ?? ""
        let user = parsed["user"].map { "\($0)@" } ?? ""
        return "\(user)\(host)\(port)/\(parsed["dbname"] ?? "")"
    }
}
