import Postgres

/// What a database refusal means for the user. Each feature registers the constraints it owns
/// with a field name and a rule; anything else falls back to a generic but still one-line message.
enum ConstraintMessages {
    /// constraint name → (field as the user knows it, what the rule is / what to do)
    static let known: [String: (field: String, message: String)] = [
        "contacts_full_name_check": ("full_name", "is required (1–200 characters)"),
        "contacts_honorific_check": ("honorific", "must be 1–40 characters, e.g. Bapak or Ibu"),
        "contacts_category_check": ("category", "must be one of journalist, party_official, agency_official, observer, academic, community_leader, influencer, other"),
        "contacts_legal_basis_check": ("legal_basis", "must be one of consent, contract, legal_obligation, vital_interest, public_task, legitimate_interest"),
        "contacts_social_check": ("social", "must be an object of network to handle, e.g. {\"x\": \"@budi\"}"),
        "contacts_tags_check": ("tags", "must be short lowercase words without spaces"),
        "contacts_external_ref_key": ("external_ref", "is already used by another contact of this unit"),
        "organizations_name_check": ("name", "is required"),
        "organizations_kind_check": ("kind", "must be one of media_outlet, political_party, government_agency, election_observer, civil_society, university, other"),
        "organizations_media_type_check": ("media_type", "is only for media outlets and must be print, online, tv, radio or news_agency"),
        "organizations_ballot_number_check": ("ballot_number", "is only for political parties and must be 1–99"),
        "organizations_party_scope_check": ("party_scope", "is only for political parties and must be national or aceh_local"),
        "organizations_ballot_number_key": ("ballot_number", "is already taken by another party"),
        "organizations_parent_check": ("parent", "an organization cannot be its own parent"),
        "organizations_parent_cycle": ("parent", "would make the organization its own ancestor; pick a parent outside its branches"),
        "organizations_website_check": ("website", "must be an http:// or https:// address, e.g. https://radiodemak.example"),
        "organizations_tags_check": ("tags", "must be short lowercase words without spaces"),
        "organizations_external_ref_key": ("external_ref", "is already used by another organization of this unit"),
        "affiliations_dates_check": ("ended_on", "must not be before started_on"),
        "affiliations_beat_check": ("beat", "must be a lowercase word such as politik, pemilu or hukum"),
        "users_email_key": ("email", "already belongs to another user"),
        "users_role_check": ("role", "must be admin, editor or viewer"),
        "users_full_name_check": ("full_name", "is required"),
        "lists_unit_name_key": ("name", "another list of this unit already has that name"),
        "segments_unit_name_key": ("name", "another segment of this unit already has that name"),
        "lists_name_check": ("name", "is required"),
        "segments_name_check": ("name", "is required"),
    ]
}

extension PostgresError {
    /// The refusal in the user's terms. Row-level security refusals become "outside your scope":
    /// the database, not the service, had the last word.
    func humasError() -> any Error {
        if kind == .protocolMisuse, message.contains("NUL character") {
            return HumasError.invalid(field: "value", message: "must not contain a NUL character (U+0000)")
        }
        if constraint == AffiliationDirectory.oneCurrentConstraint {
            return AffiliationDirectory.alreadyCurrent(existingID: nil)
        }
        if let constraint, let known = ConstraintMessages.known[constraint] {
            return HumasError.invalid(field: known.field, message: known.message)
        }
        if isRowSecurityViolation {
            return HumasError.forbidden("that record would be outside your scope: you may write only records of your own unit and the units below it")
        }
        if isCheckViolation || isUniqueViolation || isForeignKeyViolation || isNotNullViolation {
            let field = column ?? constraint ?? "value"
            return HumasError.invalid(field: field, message: detail ?? message)
        }
        if isRaisedException || sqlState == "22023" || sqlState == "P0002" {
            return HumasError.invalid(field: hint ?? "value", message: message)
        }
        if sqlState == "42501" {
            return HumasError.forbidden(message)
        }
        return self
    }
}
