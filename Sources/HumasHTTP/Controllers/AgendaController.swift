import Foundation
import Humas
import Hummingbird
import NIOCore
import Postgres

/// `GET /v1/agenda` (JSON) and `GET /v1/agenda.ics` (an iCalendar feed a calendar subscribes
/// to). Calendar apps cannot send headers, so the feed also takes the token as `?token=`; the
/// request log records paths only, never the query.
struct AgendaController {
    /// A subscription's window when `from`/`to` are left out: a month back, a year ahead.
    static let defaultDaysBack = 31
    static let defaultDaysAhead = 334

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

    private func agenda(_ request: Request, context: HumasRequestContext) async throws -> Agenda {
        let session = try context.requireSession()
        let today = UnitZone.wib.day(of: Date())
        let from = try request.query.day("from") ?? today.adding(days: -Self.defaultDaysBack)
        let to = try request.query.day("to") ?? from.adding(days: Self.defaultDaysBack + Self.defaultDaysAhead)
        return try await session.interactions.agenda(from: from, to: to, under: try request.query.first(named: "under"))
    }
}
