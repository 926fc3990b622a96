import Postgres

extension SegmentFilter {
    static let categories = [
        "journalist", "party_official", "agency_official", "observer", "academic", "community_leader", "influencer", "other",
    ]
    static let organizationKinds = [
        "media_outlet", "political_party", "government_agency", "election_observer", "civil_society", "university", "other",
    ]
    static let mediaTypes = ["print", "online", "tv", "radio", "news_agency"]

    /// The filter cleaned up (trimmed, cased as stored, blanks dropped) and checked against the
    /// database: known values, an existing unit within the user's sight, an existing party or
    /// organization. A bad value is refused naming its field, so a segment never saves a filter
    /// that could not run.
    func validated(for session: Session, on connection: PostgresConnection) throws -> SegmentFilter {
        var filter = self
        filter.q = Self.cleaned(q)
        filter.category = try Self.oneOf(Self.cleaned(category)?.lowercased(), Self.categories, field: "category")
        filter.organizationKind = try Self.oneOf(
            Self.cleaned(organizationKind)?.lowercased(), Self.organizationKinds, field: "organization_kind")
        filter.mediaType = try Self.oneOf(Self.cleaned(mediaType)?.lowercased(), Self.mediaTypes, field: "media_type")
        filter.beat = try Self.word(Self.cleaned(beat)?.lowercased(), field: "beat", example: "politik, pemilu or hukum")
        filter.tag = try Self.word(Self.cleaned(tag)?.lowercased(), field: "tag", example: "media-nasional")
        if let code = Self.cleaned(under) {
            filter.under = try Self.visibleUnit(code, for: session, on: connection).code
        } else {
            filter.under = nil
        }
        filter.party = Self.cleaned(party)
        if let party = filter.party { try Self.requireParty(party, on: connection) }
        if let organization { try OrganizationDirectory.requireVisible(organization, field: "organization", on: connection) }
        return filter
    }

    private static func cleaned(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    private static func oneOf(_ value: String?, _ allowed: [String], field: String) throws -> String? {
        guard let value else { return nil }
        guard allowed.contains(value) else {
            throw HumasError.invalid(field: field, message: "'\(value)' is not one of \(allowed.joined(separator: ", "))")
        }
        return value
    }

    /// Beats and tags are single lowercase words, as stored on affiliations and contacts.
    private static func word(_ value: String?, field: String, example: String) throws -> String? {
        guard let value else { return nil }
        guard value.range(of: #"^[a-z0-9][a-z0-9_.:-]*$"#, options: .regularExpression) != nil else {
            throw HumasError.invalid(field: field, message: "'\(value)' must be one lowercase word, e.g. \(example)")
        }
        return value
    }

    /// `under` must name a unit the user can see records of: their own subtree or an ancestor.
    private static func visibleUnit(_ code: String, for session: Session, on connection: PostgresConnection) throws -> Unit {
        let unit = try UnitDirectory.resolve(code, field: "under", on: connection)
        guard try unitReadable(unit.code, on: connection) else {
            throw HumasError.invalid(
                field: "under", message: "\(unit.code) (\(unit.name)) is outside your scope: use \(session.user.unitCode), a unit below it, or one above it")
        }
        return unit
    }

    /// Whether the acting user may read records owned by the unit `code` (false for an unknown code).
    static func unitReadable(_ code: String, on connection: PostgresConnection) throws -> Bool {
        try connection.query("""
            SELECT coalesce(bool_or(humas.unit_readable(u.id, humas.acting_unit_id(), humas.acting_subtree_end(),
                                                        humas.acting_ancestor_ids())), false) AS ok
            FROM humas.units u WHERE u.code = upper(btrim(\(code)))
            """)[0].decode("ok", as: Bool.self)
    }

    private static func requireParty(_ party: String, on connection: PostgresConnection) throws {
        let number = Int(party)
        let found = try connection.query("""
            SELECT 1 FROM humas.organizations o
            WHERE o.kind = 'political_party' AND o.parent_id IS NULL AND o.deleted_at IS NULL
              AND (o.ballot_number = \(number) OR lower(o.short_name) = lower(\(party)) OR lower(o.name) = lower(\(party)))
            LIMIT 1
            """)
        guard !found.isEmpty else {
            throw HumasError.invalid(field: "party", message: "no party has the ballot number or name '\(party)'")
        }
    }
}
