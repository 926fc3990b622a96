import Humas
import Postgres

extension QueryString {
    /// A calendar day, `YYYY-MM-DD`.
    func day(_ name: String) throws -> PostgresDate? {
        try first(named: name).map { try PostgresDate(userInput: $0, field: name) }
    }
}
