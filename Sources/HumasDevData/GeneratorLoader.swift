import Humas
import Postgres

/// The SQL side of ``NationalDataGenerator``: reads the units and parties, and COPYs generated
/// rows in. Runs inside the generator's transaction, as `humas_owner`.
enum GeneratorLoader {
    static func units(on connection: PostgresConnection) throws -> [GeneratorUnit] {
        let rows = try connection.query("""
            SELECT id, parent_id, code, level, region_name,
                   (extract(epoch FROM (now() AT TIME ZONE time_zone) - (now() AT TIME ZONE 'UTC')) / 3600)::int AS utc_offset
            FROM humas.units ORDER BY id
            """)
        let units = try rows.map { row in
            GeneratorUnit(
                id: try row.decode("id"), parentID: try row.decode("parent_id"), code: try row.decode("code"),
                level: GeneratorUnit.Level(rawValue: try row.decode("level")) ?? .regency, regionName: try row.decode("region_name"),
                utcOffsetHours: try row.decode("utc_offset"))
        }
        guard units.contains(where: { $0.level == .national }), units.contains(where: { $0.level == .province }) else {
            throw HumasError.invalid(field: "units", message: "the database has no units yet; run `humas seed` first")
        }
        return units
    }

    /// The national master parties of the 2024 ballot (seed/02_parties.sql), by ballot number.
    static func parties(on connection: PostgresConnection) throws -> [GeneratorParty] {
        let rows = try connection.query("""
            SELECT id, ballot_number, name, coalesce(short_name, name) AS short_name, party_scope
            FROM humas.organizations
            WHERE kind = 'political_party' AND parent_id IS NULL AND ballot_number IS NOT NULL AND deleted_at IS NULL
            ORDER BY ballot_number
            """)
        let parties = try rows.map { row in
            GeneratorParty(
                id: try row.decode("id"), ballotNumber: try row.decode("ballot_number"), name: try row.decode("name"),
                shortName: try row.decode("short_name"), isAcehLocal: try row.decode("party_scope", as: String?.self) == "aceh_local")
        }
        guard !parties.isEmpty else {
            throw HumasError.invalid(field: "parties", message: "the database has no national parties yet; run `humas seed` first")
        }
        return parties
    }

    /// COPYs the organizations and returns their new ids, in the same order.
    static func copyOrganizations(_ organizations: [GeneratedOrganization], pattern: String, on connection: PostgresConnection) throws -> [Int64] {
        let stored = try copyThroughStaging(into: "humas.organizations", columns: [
            ("name", "text"), ("short_name", "text"), ("kind", "text"), ("media_type", "text"), ("region", "text"),
            ("parent_id", "bigint"), ("emails", "text[]"), ("phones", "text[]"), ("website", "text"), ("tags", "text[]"),
            ("unit_id", "int"), ("external_ref", "text"),
        ], on: connection) { writer in
            for organization in organizations {
                try writer.write([
                    organization.name, organization.shortName, organization.kind, organization.mediaType, organization.region,
                    organization.parentID.map(String.init), arrayText(organization.emails), arrayText(organization.phones),
                    organization.website, arrayText(organization.tags), String(organization.unitID), organization.externalRef,
                ])
            }
        }
        try expect(stored, organizations.count, "organizations")
        let rows = try connection.query("SELECT id, external_ref FROM humas.organizations WHERE external_ref LIKE \(pattern)")
        var ids: [String: Int64] = [:]
        for row in rows { ids[try row.decode("external_ref")] = try row.decode("id") }
        return try organizations.map { organization in
            guard let id = ids[organization.externalRef] else {
                throw HumasError.invalid(field: "organizations", message: "generated organization \(organization.externalRef) was not stored")
            }
            return id
        }
    }

    /// How many contacts the planner's statistics know of.
    static func contactsInStatistics(on connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT greatest(reltuples, 0)::bigint AS n FROM pg_class WHERE oid = 'humas.contacts'::regclass")[0]
            .decode("n", as: Int.self)
    }

    /// Refreshes the statistics of the tables the load grows; returns the contacts they now count.
    static func analyze(on connection: PostgresConnection) throws -> Int {
        try connection.execute(script: "ANALYZE humas.contacts, humas.affiliations, humas.search_names, humas.search_words")
        return try contactsInStatistics(on: connection)
    }

    /// COPYs one batch of contacts and then their affiliations; returns the affiliations stored.
    ///
    /// The contacts' ids are drawn from their identity sequence first (COPY may set an identity
    /// column), so the affiliations can name them without reading anything back.
    static func copyContacts(_ contacts: [GeneratedContact], organizationIDs: [Int64], on connection: PostgresConnection) throws -> Int {
        let ids = try reserveIDs(of: "humas.contacts", count: contacts.count, on: connection)
        let stored = try copyThroughStaging(into: "humas.contacts", columns: [
            ("id", "bigint"), ("full_name", "text"), ("honorific", "text"), ("category", "text"), ("emails", "text[]"),
            ("phones", "text[]"), ("social", "jsonb"), ("unit_id", "int"), ("tags", "text[]"), ("legal_basis", "text"),
            ("opted_out_at", "timestamptz"), ("org_names", "text"), ("external_ref", "text"),
        ], overridingIdentity: true, on: connection) { writer in
            for (contact, id) in zip(contacts, ids) {
                try writer.write([
                    String(id), contact.fullName, contact.honorific, contact.category, arrayText(contact.emails),
                    arrayText(contact.phones), contact.social, String(contact.unitID), arrayText(contact.tags),
                    contact.legalBasis, contact.optedOutOn.map { $0.isoText + " 09:00:00+07" }, contact.orgNames,
                    contact.externalRef,
                ])
            }
        }
        try expect(stored, contacts.count, "contacts")
        return try copyThroughStaging(into: "humas.affiliations", columns: [
            ("contact_id", "bigint"), ("organization_id", "bigint"), ("title", "text"), ("beat", "text"),
            ("started_on", "date"), ("ended_on", "date"), ("unit_id", "int"),
        ], on: connection) { writer in
            for (contact, id) in zip(contacts, ids) {
                for affiliation in contact.affiliations {
                    guard let organizationID = affiliation.organizationIndex.map({ organizationIDs[$0] }) ?? affiliation.partyID else { continue }
                    try writer.write([
                        String(id), String(organizationID), affiliation.title, affiliation.beat, affiliation.startedOn.isoText,
                        affiliation.endedOn?.isoText, String(contact.unitID),
                    ])
                }
            }
        }
    }

    /// Draws `count` ids from the identity sequence of `table`, in order.
    static func reserveIDs(of table: String, count: Int, on connection: PostgresConnection) throws -> [Int64] {
        try connection.query("""
            SELECT nextval(pg_get_serial_sequence(\(table), 'id')) AS id FROM generate_series(1, \(count)::int)
            """).map { try $0.decode("id", as: Int64.self) }
    }

    /// COPYs rows into `table` by way of a temporary table of the same columns.
    ///
    /// PostgreSQL refuses COPY FROM into a table whose row-level security applies to the copying
    /// role (SQLSTATE 0A000), and FORCE ROW LEVEL SECURITY makes it apply to the owner too. A
    /// temporary table has no policies and writes no WAL; one INSERT … SELECT then moves the
    /// batch through the table's constraints, policies (the owner's are USING (true)) and its
    /// statement-level search triggers, once per batch. Returns the rows inserted.
    static func copyThroughStaging(
        into table: String, columns: [(name: String, type: String)], overridingIdentity: Bool = false,
        on connection: PostgresConnection, _ feed: (inout PostgresCopyWriter) throws -> Void
    ) throws -> Int {
        let staging = "gen_staging_" + table.split(separator: ".").last!
        let names = columns.map(\.name).joined(separator: ", ")
        try connection.execute(script: """
            CREATE TEMP TABLE IF NOT EXISTS \(staging) (\(columns.map { "\($0.name) \($0.type)" }.joined(separator: ", "))) ON COMMIT DROP;
            TRUNCATE \(staging)
            """)
        let copied = try connection.copyIn(PostgresQuery(unsafeSQL: "COPY \(staging) (\(names)) FROM STDIN"), feed)
        let inserted = try connection.execute(PostgresQuery(unsafeSQL: """
            INSERT INTO \(table) (\(names)) \(overridingIdentity ? "OVERRIDING SYSTEM VALUE " : "")SELECT \(names) FROM \(staging)
            """))
        try expect(inserted, copied, table)
        return inserted
    }

    static func expect(_ stored: Int, _ sent: Int, _ what: String) throws {
        guard stored == sent else {
            throw HumasError.invalid(field: what, message: "COPY stored \(stored) of \(sent) generated \(what); nothing was kept")
        }
    }

    /// A text array literal. Generated e-mails, phones and tags hold no character that needs
    /// quoting inside one (no commas, braces, quotes, backslashes or spaces).
    static func arrayText(_ items: [String]) -> String {
        "{" + items.joined(separator: ",") + "}"
    }
}
