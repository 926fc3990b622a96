import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request the HTTP parser refuses (a bare LF, a NUL, a header beyond the limit) with
/// a problem+json 400 that says what is wrong, then closes the connection.
///
/// Hummingbird answers these itself, but with an empty 400: the parser's error never reaches
/// the router, so no middleware can word it. It reaches this handler first. Only when no
/// request of the connection is with the router (responses keep the order of requests); a
/// fault in the middle of a request's body is left to Hummingbird's own answer.
final class MalformedRequestHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Requests passed on whose response has not ended yet.
    private var withRouter = 0

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { withRouter += 1 }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { withRouter -= 1 }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError, withRouter == 0 else {
            return context.fireErrorCaught(error)
        }
        let body = Problem.badRequest(Self.detail(parserError)).encoded
        var response = HTTPResponse(status: .badRequest)
        response.headerFields[.contentType] = "application/problem+json"
        response.headerFields[.contentLength] = String(body.count)
        response.headerFields[.connection] = "close"
        response.headerFields[.requestID] = RequestID.generate()
        response.headerFields[.date] = HTTPDate.now()
        response.headerFields[.server] = "humas"
        context.write(wrapOutboundOut(.head(response)), promise: nil)
        context.write(wrapOutboundOut(.body(context.channel.allocator.buffer(bytes: body))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }

    /// What the client did wrong, in one line.
    static func detail(_ error: HTTPParserError) -> String {
        switch error {
        case .headerOverflow:
            "the request's headers are larger than this server reads; send shorter headers"
        case .invalidCharactersUsed, .invalidHeaderToken, .invalidConstant, .lfExpected, .strictModeAssertion:
            "the request line or a header holds a character HTTP/1.1 does not allow (a NUL or another control character), or a line ends in a bare LF instead of CR LF"
        case .invalidMethod, .invalidURL, .invalidPath, .invalidQueryString, .invalidFragment, .invalidVersion:
            "the request line is not of the form `METHOD /path HTTP/1.1`"
        case .invalidContentLength, .unexpectedContentLength, .invalidChunkSize:
            "the body's length is not given correctly (Content-Length or chunked encoding)"
        default:
            "the request is not valid HTTP/1.1"
        }
    }
}
