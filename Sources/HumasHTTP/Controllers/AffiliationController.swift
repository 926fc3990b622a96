import Humas
import Hummingbird

/// `/v1/affiliations` and `/v1/contacts/{id}/move`: who works where, and since when. An
/// affiliation belongs to its contact: who may change the contact may change it.
struct AffiliationController {
    static let fields = FieldNames(renames: [
        "from": "from_organization_id", "contact": "contact_id", "organization": "organization_id",
    ])

    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.post("affiliations", use: create)
        routes.post("affiliations/{id}/end", use: end)
        routes.post("contacts/{id}/move", use: move)
    }

    /// `POST /v1/affiliations`: 201 with the new affiliation.
    @Sendable func create(_ request: Request, context: HumasRequestContext) async throws -> EditedResponse<Affiliation> {
        let body = try await request.decodeBody(as: NewAffiliationBody.self, context: context)
        let session = try context.requireSession()
        let affiliation = try await Self.fields.translating { try await session.affiliations.add(body.newAffiliation) }
        return EditedResponse(status: .created, response: affiliation)
    }

    /// `POST /v1/affiliations/{id}/end`: the affiliation, ended (it stays in the contact's history).
    @Sendable func end(_ request: Request, context: HumasRequestContext) async throws -> Affiliation {
        let id = try context.pathID()
        let body = try await request.decodeBody(as: EndAffiliationBody.self, context: context)
        let session = try context.requireSession()
        return try await Self.fields.translating { try await session.affiliations.end(id, on: body.endedOn) }
    }

    /// `POST /v1/contacts/{id}/move`: ends the current affiliation with one organization and
    /// starts one with another on the same day; answers both.
    @Sendable func move(_ request: Request, context: HumasRequestContext) async throws -> AffiliationMove {
        let contactID = try context.pathID()
        let body = try await request.decodeBody(as: MoveContactBody.self, context: context)
        let session = try context.requireSession()
        return try await Self.fields.translating {
            try await session.affiliations.move(
                contact: contactID, from: body.fromOrganizationId, to: body.toOrganizationId, on: body.on,
                title: body.title, beat: body.beat)
        }
    }
}
