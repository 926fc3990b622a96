import Postgres

/// How users name a list or a segment on the command line: by id (`42`) or by name
/// (`"Wartawan pemilu"`, case-insensitive).
///
/// Names are unique per owning unit only, so a user may see several records of the same name
/// (their own and an ancestor's): their own unit's wins; any other tie is refused with the ids,
/// rather than guessing.
enum RecordKey {
    /// The SQL condition matching `key` on `alias.id` or `alias.name`.
    static func condition(_ key: String, alias: String) -> PostgresQuery {
        let trimmed = key.trimmingCharacters(in: .whitespaces)
        if let id = Int64(trimmed) {
            return "\(unsafeSQL: alias).id = \(id)"
        }
        return "lower(\(unsafeSQL: alias).name) = lower(\(trimmed))"
    }

    /// The one record `key` means among `matches`, or "not found" / "ambiguous".
    static func pick<Record>(
        _ matches: [Record], key: String, entity: String, ownUnitID: Int,
        unitID: (Record) -> Int, id: (Record) -> Int64
    ) throws -> Record {
        guard let first = matches.first else {
            throw HumasError.notFound(entity: entity, key: key)
        }
        if matches.count == 1 { return first }
        let own = matches.filter { unitID($0) == ownUnitID }
        if own.count == 1 { return own[0] }
        let ids = matches.map { String(id($0)) }.joined(separator: ", ")
        throw HumasError.conflict("several \(entity)s are named '\(key)' (ids \(ids)); use the id instead", existingID: nil)
    }
}
