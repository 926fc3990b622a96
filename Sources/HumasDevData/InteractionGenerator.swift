import Humas
import Postgres

/// Fills the database with a year-on-year log of fictional activities of all 553 offices, on top
/// of a generated directory: what `humas dev generate --interactions` runs.
///
/// The activities of a seed draw their participants from that seed's generated contacts, so the
/// contacts must be generated first (the same command does both, contacts first). The n-th
/// activity is `gen-<seed>-<n>`, made from the seed and n alone; generating a seed's activities
/// again does nothing when the count matches and is refused otherwise.
///
/// Everything goes in through `COPY` as `humas_owner`, in one transaction, in batches, with the
/// tables' triggers, constraints and foreign keys all in force.
public struct InteractionGenerator: Sendable {
    /// How far a run has got, reported after each batch.
    public struct Progress: Sendable {
        public let interactionsLoaded: Int
        public let interactionsTotal: Int
    }

    /// What a run did (or, when `alreadyPresent`, what an earlier run of the seed stored).
    public struct Summary: Sendable, Codable {
        public let seed: UInt64
        public let interactions: Int
        public let participants: Int
        /// Activities held with one or more other units.
        public let coorganized: Int
        public let followups: Int
        public let alreadyPresent: Bool
        public let seconds: Double
    }

    public static let maximumInteractions = 10_000_000

    public let interactions: Int
    public let seed: UInt64
    let batchSize: Int

    /// - Throws: ``HumasError/invalid(field:message:)`` for a count outside 1…10,000,000.
    public init(interactions: Int, seed: UInt64, batchSize: Int = 25_000) throws {
        try GeneratorRun.checkCount(interactions, maximum: Self.maximumInteractions, flag: "--interactions")
        self.interactions = interactions
        self.seed = seed
        self.batchSize = max(1, batchSize)
    }

    /// Generates and loads the activities, then analyzes their tables.
    /// - Parameters:
    ///   - admin: Where to connect as the administrator (the same connection `humas seed` uses).
    ///   - progress: Called after each batch, on the loading thread.
    public func generate(
        admin: DatabaseAdmin = DatabaseAdmin(), progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async throws -> Summary {
        let generator = self
        let tables = "humas.interactions, humas.interaction_participants, humas.interaction_coorganizers, humas.followups"
        let ((stored, alreadyPresent), seconds) = try await GeneratorRun.timed(admin: admin, analyzing: tables) { transaction in
            let (stored, alreadyPresent) = try generator.load(on: transaction, progress: progress)
            return ((stored, alreadyPresent), !alreadyPresent)
        }
        return Summary(
            seed: seed, interactions: interactions, participants: stored.participants, coorganized: stored.coorganized,
            followups: stored.followups, alreadyPresent: alreadyPresent, seconds: seconds)
    }

    /// Runs in ``GeneratorRun``'s transaction, as the owner, holding the generators' lock (so a
    /// seed's contacts and activities are never generated at once).
    private func load(on connection: PostgresConnection, progress: (Progress) -> Void) throws -> (InteractionLoader.Stored, Bool) {
        let existing = try InteractionLoader.existingCount(seed: seed, on: connection)
        if existing > 0 {
            guard existing == interactions else {
                throw HumasError.conflict(
                    "seed \(seed) is already generated with \(existing) interactions; use another --seed to add \(interactions) more",
                    existingID: nil)
            }
            return (try InteractionLoader.existingDetails(seed: seed, on: connection), true)
        }
        let pool = try InteractionLoader.contactPool(seed: seed, on: connection)
        guard !pool.isEmpty else {
            throw HumasError.invalid(
                field: "--interactions",
                message: "seed \(seed) has no generated contacts to take part; add --contacts N to generate them first")
        }
        let factory = InteractionFactory(seed: seed, units: try GeneratorLoader.units(on: connection), pool: pool)

        var stored = InteractionLoader.Stored()
        let batches = stride(from: 1, through: interactions, by: batchSize).map { $0...min(interactions, $0 + batchSize - 1) }
        // The next batch is made while this one is inserted: on 2 cores (debug build, 200,000
        // activities) that took the load from 43.5 s to 39.8 s; making rows is about a quarter
        // of the work, PostgreSQL's inserts and foreign-key checks the rest.
        var next = batches.first.map { range in BatchPrefetch { range.map(factory.interaction) } }
        for (index, range) in batches.enumerated() {
            let batch = next!.wait()
            next = index + 1 < batches.count ? BatchPrefetch { [range = batches[index + 1]] in range.map(factory.interaction) } : nil
            let added = try InteractionLoader.copy(batch, pool: pool, on: connection)
            stored.participants += added.participants
            stored.coorganized += added.coorganized
            stored.followups += added.followups
            progress(Progress(interactionsLoaded: range.upperBound, interactionsTotal: interactions))
        }
        return (stored, false)
    }
}
