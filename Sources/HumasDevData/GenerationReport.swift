/// What `humas dev generate --json` prints and `make bench` reads back: the contacts' summary at
/// the top level, as it was before activities were generated, and the activities' under
/// `interactions`. Either is absent when the run did not ask for it.
public struct GenerationReport: Sendable, Codable {
    public var contacts: NationalDataGenerator.Summary?
    public var interactions: InteractionGenerator.Summary?

    public init(contacts: NationalDataGenerator.Summary?, interactions: InteractionGenerator.Summary?) {
        self.contacts = contacts
        self.interactions = interactions
    }

    private enum CodingKeys: String, CodingKey {
        case organizations, interactions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // Only the contacts' summary has organizations at the top level.
        contacts = container.contains(.organizations) ? try NationalDataGenerator.Summary(from: decoder) : nil
        interactions = try container.decodeIfPresent(InteractionGenerator.Summary.self, forKey: .interactions)
    }

    public func encode(to encoder: any Encoder) throws {
        try contacts?.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(interactions, forKey: .interactions)
    }
}
