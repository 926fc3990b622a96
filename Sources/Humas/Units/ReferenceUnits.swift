import Postgres

/// The unit tree for anyone, logged in or not (`humas unit list` before one has an account):
/// public reference data, read through `humas.reference_units()` (sql/1002).
public struct ReferenceUnits: Sendable {
    let database: HumasDatabase

    /// Units in tree order; with `under`, that unit and everything below it; with `search`,
    /// those whose name or code holds every word of it (`semarang`, `kota bandung`).
    public func list(under code: String? = nil, search: String? = nil) async throws -> [Unit] {
        var units = try await everything()
        if let code {
            let root = try Self.find(code, in: units, field: "under")
            units = units.filter { root.contains($0) }
        }
        if let search {
            units = units.filter { Self.matches($0, search) }
        }
        return units
    }

    /// The unit with this code (case-insensitive).
    public func show(_ code: String) async throws -> Unit {
        try Self.find(code, in: try await everything(), field: "unit")
    }

    private func everything() async throws -> [Unit] {
        try await database.statement { connection in
            try connection.query("SELECT * FROM humas.reference_units()").map(Unit.init(row:))
        }
    }

    /// The unit with this code; else an error naming the units the text may have meant.
    private static func find(_ code: String, in units: [Unit], field: String) throws -> Unit {
        let normalized = code.trimmingCharacters(in: .whitespaces).uppercased()
        if let unit = units.first(where: { $0.code == normalized }) { return unit }
        let likely = units.filter { matches($0, code) }.prefix(5).map { "\($0.code) (\($0.name))" }
        let hint = likely.isEmpty ? "find it with `humas unit list --search NAME`" : "did you mean " + likely.joined(separator: ", ") + "?"
        throw HumasError.invalid(field: field, message: "no unit has the code '\(code)'; \(hint)")
    }

    /// Every word of `text` is in the unit's name or code (case-insensitive; `-` and spaces alike).
    static func matches(_ unit: Unit, _ text: String) -> Bool {
        let haystack = (unit.name + " " + unit.code.replacingOccurrences(of: "-", with: " ")).lowercased()
        let words = text.lowercased().split { $0 == " " || $0 == "-" }
        return !words.isEmpty && words.allSatisfy { haystack.contains($0) }
    }
}

extension HumasService {
    /// The unit tree, without logging anyone in.
    public var referenceUnits: ReferenceUnits { ReferenceUnits(database: database) }
}
