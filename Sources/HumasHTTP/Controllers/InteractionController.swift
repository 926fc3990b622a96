import Humas
import Hummingbird

/// `/v1/interactions`: activities of the caller's scope, their participants and attendance.
struct InteractionController {
    /// The service names a lone link `documentation_url` and the CLI's participant options; the body has lists.
    static let fields = FieldNames(renames: ["documentation_url": "documentation_urls[0]", "participants": "contact_ids", "role": "participant_role"])

    /// `POST …/participants` names its role field `role`.
    static let participantFields = FieldNames(renames: ["participants": "contact_ids"])

    static let filterParameters = ["kind", "mode", "strategy", "status", "from", "to", "quarter", "year", "under", "contact", "organization", "campaign"]

    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("interactions", query: Self.filterParameters + PageRequest.parameters, use: list)
        routes.post("interactions", use: create)
        routes.get("interactions/{id}", use: show)
        routes.patch("interactions/{id}", use: edit)
        routes.delete("interactions/{id}", use: remove)
        routes.post("interactions/{id}/cancel", use: cancel)
        routes.get("interactions/{id}/participants", use: participants)
        routes.post("interactions/{id}/participants", use: addParticipants)
        routes.post("interactions/{id}/attendance", use: attendance)
    }

    /// `GET /v1/interactions?strategy=&quarter=2025-Q4&…`: newest first, cursor-paged.
    @Sendable func list(_ request: Request, context: HumasRequestContext) async throws -> Page<Interaction> {
        let page = try PageRequest(query: request.query)
        let filter = try Self.filter(request.query)
        let found = try await context.requireSession().interactions.list(filter, limit: page.limit, cursor: page.cursor)
        return Page(items: found.interactions, nextCursor: found.nextCursor)
    }

    @Sendable func create(_ request: Request, context: HumasRequestContext) async throws -> EditedResponse<Interaction> {
        let body = try await request.decodeBody(as: NewInteractionBody.self, context: context)
        let session = try context.requireSession()
        let interaction = try await Self.fields.translating { try await session.interactions.log(body.newInteraction) }
        return EditedResponse(status: .created, response: interaction)
    }

    @Sendable func show(_ request: Request, context: HumasRequestContext) async throws -> Interaction {
        try await context.requireSession().interactions.show(try context.pathID())
    }

    @Sendable func edit(_ request: Request, context: HumasRequestContext) async throws -> Interaction {
        let id = try context.pathID()
        let body = try await request.decodeBody(as: InteractionPatchBody.self, context: context)
        let session = try context.requireSession()
        return try await Self.fields.translating { try await session.interactions.edit(id, body.changes) }
    }

    @Sendable func remove(_ request: Request, context: HumasRequestContext) async throws -> HTTPResponse.Status {
        try await context.requireSession().interactions.remove(try context.pathID())
        return .noContent
    }

    @Sendable func cancel(_ request: Request, context: HumasRequestContext) async throws -> Interaction {
        let id = try context.pathID()
        let body = try await request.decodeBody(as: CancelInteractionBody.self, context: context)
        let session = try context.requireSession()
        return try await Self.fields.translating { try await session.interactions.cancel(id, reason: body.reason) }
    }

    @Sendable func participants(_ request: Request, context: HumasRequestContext) async throws -> Page<Participant> {
        Page(items: try await context.requireSession().interactions.participants(try context.pathID()))
    }

    @Sendable func addParticipants(_ request: Request, context: HumasRequestContext) async throws -> ParticipantChange {
        let id = try context.pathID()
        let body = try await request.decodeBody(as: ParticipantsBody.self, context: context)
        let session = try context.requireSession()
        return try await Self.participantFields.translating { try await session.interactions.addParticipants(id, body.selection) }
    }

    @Sendable func attendance(_ request: Request, context: HumasRequestContext) async throws -> ParticipantChange {
        let id = try context.pathID()
        let body = try await request.decodeBody(as: AttendanceBody.self, context: context)
        let session = try context.requireSession()
        return try await Self.fields.translating { try await session.interactions.markAttendance(id, body.attendance) }
    }

    /// The list filters from the query string, each checked against its vocabulary.
    static func filter(_ query: QueryString) throws -> InteractionFilter {
        var filter = InteractionFilter()
        filter.kind = try query.value("kind", as: InteractionKind.self)
        filter.mode = try query.value("mode", as: InteractionMode.self)
        filter.strategy = try query.value("strategy", as: BakohumasStrategy.self)
        filter.status = try query.value("status", as: InteractionStatus.self)
        if let year = try query.int64("year") { try filter.setYear(Int(clamping: year)) }
        if let quarter = try query.first(named: "quarter") { try filter.setQuarter(quarter) }
        filter.from = try query.day("from") ?? filter.from
        filter.to = try query.day("to") ?? filter.to
        filter.under = try query.first(named: "under")
        filter.contact = try query.id("contact")
        filter.organization = try query.id("organization")
        filter.campaign = try query.id("campaign")
        return filter
    }
}
