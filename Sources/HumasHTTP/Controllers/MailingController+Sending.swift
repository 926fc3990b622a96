import Humas
import Hummingbird

/// Sending a mailing and following it: its state changes and its deliveries.
extension MailingController {
    func addSendingRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.post("mailings/{id}/send", use: send)
        routes.post("mailings/{id}/pause", use: pause)
        routes.post("mailings/{id}/resume", use: resume)
        routes.post("mailings/{id}/cancel", use: cancel)
        routes.post("mailings/{id}/retry-failed", use: retryFailed)
        routes.get("mailings/{id}/status", use: status)
        routes.get("mailings/{id}/deliveries", query: ["status"] + PageRequest.parameters, use: deliveries)
    }

    /// `POST /v1/mailings/{id}/send`: now, or at `scheduled_at` while that is ahead.
    @Sendable func send(_ request: Request, context: HumasRequestContext) async throws -> Mailing {
        try await context.requireSession().mailings.send(try context.pathID())
    }

    @Sendable func pause(_ request: Request, context: HumasRequestContext) async throws -> Mailing {
        try await context.requireSession().mailings.pause(try context.pathID())
    }

    @Sendable func resume(_ request: Request, context: HumasRequestContext) async throws -> Mailing {
        try await context.requireSession().mailings.resume(try context.pathID())
    }

    @Sendable func cancel(_ request: Request, context: HumasRequestContext) async throws -> Mailing {
        try await context.requireSession().mailings.cancel(try context.pathID())
    }

    @Sendable func retryFailed(_ request: Request, context: HumasRequestContext) async throws -> RetriedDeliveries {
        let (mailing, requeued) = try await context.requireSession().mailings.retryFailed(try context.pathID())
        return RetriedDeliveries(requeued: requeued, mailing: mailing)
    }

    /// `GET /v1/mailings/{id}/status`: how many deliveries are in each state, for a progress bar.
    @Sendable func status(_ request: Request, context: HumasRequestContext) async throws -> DeliveryCounts {
        try await context.requireSession().mailings.show(try context.pathID()).deliveries
    }

    /// `GET /v1/mailings/{id}/deliveries?status=failed`: in the order they were recorded, cursor-paged.
    @Sendable func deliveries(_ request: Request, context: HumasRequestContext) async throws -> Page<Delivery> {
        let id = try context.pathID()
        let page = try PageRequest(query: request.query)
        let status = try request.query.value("status", as: DeliveryStatus.self)
        let found = try await context.requireSession().mailings.deliveries(
            id, status: status?.rawValue, limit: page.limit, cursor: page.cursor)
        return Page(items: found.deliveries, nextCursor: found.nextCursor)
    }
}

/// What `POST /v1/mailings/{id}/retry-failed` answers.
struct RetriedDeliveries: ResponseEncodable {
    /// Failed deliveries queued again.
    var requeued: Int
    var mailing: Mailing
}
