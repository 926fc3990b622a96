import Humas
import Postgres

/// Fills the database with a realistic, fictional national directory for development and load
/// tests: what `humas dev generate` runs.
///
/// A data set is determined by its seed: outlets in every province and at KPU RI, a provincial
/// board of every national party (under the seeded national party), and `contacts` people spread
/// over all 553 units with e-mails, phones, tags and affiliations. Every generated row carries
/// `external_ref` `gen-<seed>-…`; the n-th contact is `gen-<seed>-<n>`, made from the seed and n
/// alone. Generating a seed that is already there does nothing when the size matches and is
/// refused otherwise.
///
/// Everything goes in through `COPY` as `humas_owner`, in ONE transaction (all or nothing), in
/// batches so that progress can be reported. The search index stays correct on its own: the
/// statement-level triggers of sql/0009 add each batch's names and words, and each contact
/// arrives with the organization names its affiliations would give it.
public struct NationalDataGenerator: Sendable {
    /// How far a run has got, reported after each batch.
    public struct Progress: Sendable {
        public let contactsLoaded: Int
        public let contactsTotal: Int
    }

    /// What a run did.
    public struct Summary: Sendable, Codable {
        public let seed: UInt64
        public let contacts: Int
        public let organizations: Int
        public let affiliations: Int
        /// The seed was generated before with the same size, so nothing was added.
        public let alreadyPresent: Bool
        public let seconds: Double
    }

    public static let maximumContacts = 10_000_000
    /// From this many contacts on, the tables are analyzed after the load.
    static let analyzeThreshold = 100_000

    public let contacts: Int
    public let seed: UInt64
    let batchSize: Int

    /// - Throws: ``HumasError/invalid(field:message:)`` for a count outside 1…10,000,000.
    public init(contacts: Int, seed: UInt64, batchSize: Int = 50_000) throws {
        try GeneratorRun.checkCount(contacts, maximum: Self.maximumContacts, flag: "--contacts")
        self.contacts = contacts
        self.seed = seed
        self.batchSize = max(1, batchSize)
    }

    /// Generates and loads the data set.
    /// - Parameters:
    ///   - admin: Where to connect as the administrator (the same connection `humas seed` uses).
    ///   - progress: Called after each batch, on the loading thread.
    public func generate(
        admin: DatabaseAdmin = DatabaseAdmin(), progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async throws -> Summary {
        let generator = self
        let tables = contacts >= Self.analyzeThreshold
            ? "humas.contacts, humas.organizations, humas.affiliations, humas.search_names, humas.search_words, humas.search_word_units, humas.search_outside_orgs"
            : nil
        let (summary, seconds) = try await GeneratorRun.timed(admin: admin, analyzing: tables) { transaction in
            let summary = try generator.load(on: transaction, progress: progress)
            return (summary, !summary.alreadyPresent)
        }
        return Summary(seed: summary.seed, contacts: summary.contacts, organizations: summary.organizations,
                       affiliations: summary.affiliations, alreadyPresent: summary.alreadyPresent, seconds: seconds)
    }

    /// Runs in ``GeneratorRun``'s transaction, as the owner, holding the generators' lock.
    private func load(on connection: PostgresConnection, progress: (Progress) -> Void) throws -> Summary {
        let refPattern = "gen-\(seed)-%"
        if let existing = try existingSize(pattern: refPattern, on: connection) {
            guard existing.contacts == contacts else {
                throw HumasError.conflict(
                    "seed \(seed) is already generated with \(existing.contacts) contacts; use another --seed to add \(contacts) more",
                    existingID: nil)
            }
            return Summary(seed: seed, contacts: existing.contacts, organizations: existing.organizations,
                           affiliations: 0, alreadyPresent: true, seconds: 0)
        }

        let units = try GeneratorLoader.units(on: connection)
        let parties = try GeneratorLoader.parties(on: connection)
        let organizations = GeneratedOrganizations(seed: seed, units: units, parties: parties)
        let organizationIDs = try GeneratorLoader.copyOrganizations(organizations.all, pattern: refPattern, on: connection)
        let factory = ContactFactory(seed: seed, units: units, organizations: organizations)

        var affiliations = 0
        var first = 1
        var rowsInStatistics = try GeneratorLoader.contactsInStatistics(on: connection)
        while first <= contacts {
            let last = min(contacts, first + batchSize - 1)
            let batch = (first...last).map(factory.contact)
            affiliations += try GeneratorLoader.copyContacts(batch, organizationIDs: organizationIDs, on: connection)
            progress(Progress(contactsLoaded: last, contactsTotal: contacts))
            first = last + 1
            // Into a fresh or small database, the statistics soon describe tables far smaller
            // than they are, and the statements of the next batches and of the search triggers
            // get plans for those (a fresh load once spent minutes on one batch that way).
            // ANALYZE sees this transaction's own rows: refresh them whenever the load has
            // outgrown them (1, 3, 7, 15 … batches into an empty database; never for a small
            // load into a big one).
            if first <= contacts, last > 2 * rowsInStatistics {
                rowsInStatistics = try GeneratorLoader.analyze(on: connection)
            }
        }
        return Summary(seed: seed, contacts: contacts, organizations: organizations.all.count,
                       affiliations: affiliations, alreadyPresent: false, seconds: 0)
    }

    /// The size of an earlier run of this seed, or `nil` when there was none. A run is one
    /// transaction, so its organizations exist exactly when its contacts do.
    private func existingSize(pattern: String, on connection: PostgresConnection) throws -> (contacts: Int, organizations: Int)? {
        let organizations = try connection.query(
            "SELECT count(*) AS n FROM humas.organizations WHERE external_ref LIKE \(pattern)")[0].decode("n", as: Int.self)
        guard organizations > 0 else { return nil }
        let contacts = try connection.query(
            "SELECT count(*) AS n FROM humas.contacts WHERE external_ref LIKE \(pattern)")[0].decode("n", as: Int.self)
        return (contacts, organizations)
    }
}
