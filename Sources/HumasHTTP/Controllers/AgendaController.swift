import Humas
import Hummingbird
import NIOCore
import Postgres

/// `GET /v1/agenda` (JSON) and `GET /v1/agenda.ics` (an iCalendar feed a calendar subscribes
/// to). Calendar apps cannot send headers, so the feed also takes the token as `?token=`; the
/// request log records paths only, never the query.
struct AgendaController {
    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("agenda", query: ["from", "to", "under"], use: json)
        routes.get("agenda.ics", query: ["from", "to", "under", "token"], use: calendar)
    }

    @Sendable func json(_ request: Request, context: HumasRequestContext) async throws -> Page<Interaction> {
        let agenda = try await agenda(request, context: context)
        return Page(items: agenda.interactions)
    }

    @Sendable func calendar(_ request: Request, context: HumasRequestContext) async throws -> Response {
        let agenda = try await agenda(request, context: context)
        var headers = HTTPFields()
        headers[.contentType] = "text/calendar; charset=utf-8"
        headers[.contentDisposition] = "inline; filename=\"agenda-humas.ics\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: agenda.iCalendar)))
    }

    /// The dates asked for: without `from`, the service's default start (31 days before today
    /// in the caller's zone); without `to`, 365 days after `from`.
    private func agenda(_ request: Request, context: HumasRequestContext) async throws -> Agenda {
        let session = try context.requireSession()
        var from = try request.query.day("from")
        if from == nil { from = try await session.interactions.defaultAgendaStart() }
        let to = try request.query.day("to") ?? from!.adding(days: 365)
        return try await session.interactions.agenda(from: from!, to: to, under: try request.query.first(named: "under"))
    }
}
