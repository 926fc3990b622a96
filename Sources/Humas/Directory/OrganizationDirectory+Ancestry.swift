import Postgres

extension OrganizationDirectory {
    /// Refuses to put `id` under `parentID` when `parentID` is `id` itself or one of its
    /// branches (at any depth): the organization would become its own ancestor, and every walk
    /// up or down the tree (party branches, `?party=`) would never end.
    ///
    /// Reads the chain inside the caller's transaction, as the caller; the database's trigger
    /// (sql/0820) checks the chain through records the caller cannot read as well.
    static func refuseCycle(placing id: Int64, under parentID: Int64?, on connection: PostgresConnection) throws {
        guard let parentID else { return }
        guard parentID != id else {
            throw HumasError.invalid(field: "parent", message: "an organization cannot be its own parent")
        }
        let rows = try connection.query("""
            WITH RECURSIVE chain (id, depth) AS (
                SELECT \(parentID)::bigint, 1
                UNION ALL
                SELECT o.parent_id, chain.depth + 1 FROM humas.organizations o JOIN chain ON o.id = chain.id
                WHERE o.parent_id IS NOT NULL AND chain.depth < 10000
            )
            SELECT 1 FROM chain WHERE chain.id = \(id) LIMIT 1
            """)
        guard rows.first == nil else {
            throw HumasError.invalid(field: "parent", message: "organization \(parentID) is a branch of \(id) (directly or further down); an organization cannot be its own ancestor, so pick a parent outside its branches")
        }
    }
}
