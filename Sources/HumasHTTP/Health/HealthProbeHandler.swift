import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers `GET /health` (and `HEAD`) on the connection's own event loop, before the router.
///
/// A request through the router hops from the event loop to a Swift task and back. When
/// PostgreSQL and the API share saturated cores, every hop can wait for a core, and a liveness
/// probe that waits too long gets a healthy process restarted. Answered here, a probe costs one
/// wake-up of the event loop, which does nothing but I/O. The answer is the router's: the same
/// body and headers (`X-Request-Id` included); probes are not logged.
///
/// Only when no request of the connection is with the router: an HTTP/1.1 client may pipeline,
/// and responses must keep the order of the requests. Otherwise the probe goes to the router's
/// own `/health` route.
final class HealthProbeHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// `{"status":"ok"}`, as HealthController encodes it.
    static let body = #"{"status":"ok"}"#

    /// Requests passed on to the router whose response has not ended yet.
    private var withRouter = 0
    /// The probe being answered here; its remaining parts are not passed on.
    private var probe: HTTPRequest?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if withRouter == 0, Self.isProbe(request) {
                probe = request
                return
            }
            withRouter += 1
            context.fireChannelRead(data)
        case .body:
            if probe == nil { context.fireChannelRead(data) }
        case .end:
            guard let request = probe else { return context.fireChannelRead(data) }
            probe = nil
            answer(request, context: context)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { withRouter -= 1 }
        context.write(data, promise: promise)
    }

    static func isProbe(_ request: HTTPRequest) -> Bool {
        guard request.method == .get || request.method == .head, let path = request.path else { return false }
        // With a query string it goes to the router, which refuses parameters /health does not take.
        return path == "/health"
    }

    private func answer(_ request: HTTPRequest, context: ChannelHandlerContext) {
        var response = HTTPResponse(status: .ok)
        response.headerFields[.contentType] = "application/json; charset=utf-8"
        response.headerFields[.contentLength] = String(Self.body.utf8.count)
        let incoming = request.headerFields[.requestID]
        response.headerFields[.requestID] = incoming.flatMap { RequestID.isAcceptable($0) ? $0 : nil } ?? RequestID.generate()
        response.headerFields[.date] = HTTPDate.now()
        response.headerFields[.server] = "humas"
        let closes = request.headerFields[values: .connection].contains { $0.lowercased() == "close" }
        if closes { response.headerFields[.connection] = "close" }
        context.write(wrapOutboundOut(.head(response)), promise: nil)
        if request.method != .head {
            context.write(wrapOutboundOut(.body(context.channel.allocator.buffer(string: Self.body))), promise: nil)
        }
        if closes {
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
        } else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
