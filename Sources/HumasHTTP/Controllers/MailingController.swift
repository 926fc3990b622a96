import Humas
import Hummingbird

/// `/v1/mailings`: mailings of the caller's scope — write one, change it before it goes, see
/// how it renders, send a test copy. Sending and deliveries: MailingController+Sending.swift.
struct MailingController {
    /// The service names fields as the CLI's options do; the body as the mailing's JSON does.
    static let fields = FieldNames(renames: [
        "from": "from_address", "rate": "rate_per_minute", "attachment": "attachments[0]", "remove_attachment": "remove_attachments",
    ])

    /// The most mailings one listing returns (the service pages them no further).
    static let listLimit = 500

    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("mailings", query: ["status", "campaign"], use: list)
        routes.post("mailings", use: create)
        routes.get("mailings/{id}", use: show)
        routes.patch("mailings/{id}", use: edit)
        routes.get("mailings/{id}/preview", query: ["contact"], use: preview)
        routes.post("mailings/{id}/test", use: test)
        addSendingRoutes(to: routes)
    }

    /// `GET /v1/mailings?status=sending&campaign=12`: newest first.
    @Sendable func list(_ request: Request, context: HumasRequestContext) async throws -> Page<Mailing> {
        let status = try request.query.value("status", as: MailingStatus.self)
        let campaign = try request.query.first(named: "campaign")
        let session = try context.requireSession()
        return Page(items: try await session.mailings.list(status: status?.rawValue, campaign: campaign, limit: Self.listLimit))
    }

    @Sendable func create(_ request: Request, context: HumasRequestContext) async throws -> EditedResponse<Mailing> {
        let body = try await request.decodeBody(as: NewMailingBody.self, context: context)
        let session = try context.requireSession()
        let mailing = try await Self.fields.translating { try await session.mailings.create(body.newMailing) }
        return EditedResponse(status: .created, response: mailing)
    }

    @Sendable func show(_ request: Request, context: HumasRequestContext) async throws -> Mailing {
        try await context.requireSession().mailings.show(try context.pathID())
    }

    @Sendable func edit(_ request: Request, context: HumasRequestContext) async throws -> Mailing {
        let id = try context.pathID()
        let body = try await request.decodeBody(as: MailingPatchBody.self, context: context)
        let session = try context.requireSession()
        return try await Self.fields.translating { try await session.mailings.edit(id, body.changes) }
    }

    /// `GET /v1/mailings/{id}/preview?contact=120`: the message as that contact (or a sample
    /// recipient) would get it now.
    @Sendable func preview(_ request: Request, context: HumasRequestContext) async throws -> MailPreview {
        let id = try context.pathID()
        let contact = try request.query.id("contact")
        return try await context.requireSession().mailings.preview(id, contact: contact)
    }

    /// `POST /v1/mailings/{id}/test`: one copy, marked [UJI], through the relay the workers use.
    @Sendable func test(_ request: Request, context: HumasRequestContext) async throws -> SentTest {
        let id = try context.pathID()
        let body = try await request.decodeBody(as: MailingTestBody.self, context: context)
        let session = try context.requireSession()
        let smtp = try Self.serverSetting { try MailWorkerSettings.fromEnvironment().smtp }
        let reply = try await Self.fields.translating {
            try await session.mailings.sendTest(id, to: body.to, contact: body.contact, smtp: smtp)
        }
        return SentTest(to: body.to, reply: reply)
    }

    /// The server's own configuration (`HUMAS_SMTP_URL` and the rest): unset or malformed is no
    /// fault of the caller's input, so every such error is a 503, never a 400 naming a variable.
    static func serverSetting<Value>(_ read: () throws -> Value) throws -> Value {
        do {
            return try read()
        } catch HumasError.invalid(let field, let message) {
            throw HumasError.unavailable("the server's \(field) \(message); its administrators must fix the mail settings")
        }
    }
}

/// What `POST /v1/mailings/{id}/test` answers: the relay took the message.
struct SentTest: ResponseEncodable {
    var to: String
    /// The SMTP server's reply, e.g. `250 2.0.0 Ok: queued as 4FJ2…`.
    var reply: String
}
