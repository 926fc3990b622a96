/// The body of `POST /v1/lists`.
struct NewListBody: RequestBody {
    var name: String
    var description: String?
    /// The owning unit's code; the caller's unit when absent.
    var unit: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, unit
    }
}

/// The body of `PATCH /v1/lists/{id}`: a list's name is what can change.
struct ListPatchBody: RequestBody {
    var name: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name
    }

    init(from decoder: any Decoder) throws {
        name = try decoder.container(keyedBy: CodingKeys.self).unlessAbsent(String.self, .name)
    }
}

/// The body of `POST /v1/lists/{id}/members`.
struct NewMembersBody: RequestBody {
    var contactIds: [Int64]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case contactIds = "contact_ids"
    }
}
