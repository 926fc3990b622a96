import Foundation

/// An SMTP URL taken apart: what libcurl is given (never the credentials, which go through
/// their own options so that curl's messages cannot echo them) and what may be shown.
struct SMTPEndpoint: Sendable {
    enum Security: Sendable { case implicitTLS, startTLSIfOffered, startTLSRequired }

    var curlURL: String
    var displayURL: String
    var security: Security
    var username: String?
    var password: String?

    init(url: String, username: String?, password: String?, heloName: String?) throws(SMTPConfigurationError) {
        let shown = Self.withoutUserinfo(url)
        guard let schemeEnd = url.range(of: "://") else {
            throw SMTPConfigurationError(description: "SMTP URL \(shown) has no scheme: write smtp://host:port or smtps://host:port")
        }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        var rest = url[schemeEnd.upperBound...]
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        var userinfoUser: String?, userinfoPassword: String?
        if let at = authority.lastIndex(of: "@") {
            let userinfo = authority[..<at]
            let colon = userinfo.firstIndex(of: ":")
            userinfoUser = String(userinfo[..<(colon ?? userinfo.endIndex)]).removingPercentEncoding
            userinfoPassword = colon.map { String(userinfo[userinfo.index(after: $0)...]).removingPercentEncoding ?? "" }
            authority = authority[authority.index(after: at)...]
        }
        guard !authority.isEmpty else { throw SMTPConfigurationError(description: "SMTP URL \(shown) names no host") }

        switch (scheme, query.lowercased()) {
        case ("smtps", ""): security = .implicitTLS
        case ("smtp", ""), ("smtp", "starttls=try"): security = .startTLSIfOffered
        case ("smtp", "starttls=require"): security = .startTLSRequired
        case ("smtp", _), ("smtps", _):
            throw SMTPConfigurationError(description: "SMTP URL \(shown): unknown option \"\(query)\"; the only one is starttls=require (smtp:// only)")
        default:
            throw SMTPConfigurationError(description: "SMTP URL \(shown): scheme \(scheme) is not smtp or smtps")
        }
        let base = "\(scheme)://\(authority)"
        // libcurl takes the EHLO name from the URL's path.
        curlURL = heloName.map { "\(base)/\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: ".-"))) ?? $0)" } ?? base
        displayURL = query.isEmpty ? base : "\(base)?\(query)"
        self.username = username ?? userinfoUser
        self.password = password ?? userinfoPassword
    }

    /// `url` with anything between `://` and the host's `@` removed, even when it is malformed.
    static func withoutUserinfo(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url.contains("@") ? "(an SMTP URL)" : url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<schemeEnd.upperBound]) + String(rest[rest.index(after: at)...])
    }
}
