/// A mailbox: an address with an optional display name, which may be non-ASCII.
public struct MailAddress: Sendable, Hashable {
    public var address: String
    public var name: String?

    public init(_ address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    /// The mailbox as an RFC 5322 header value: a non-ASCII name as RFC 2047 encoded words, an
    /// ASCII one quoted when it holds characters a bare phrase cannot.
    func headerValue(after fieldName: String) -> String {
        guard let name = name.map(HeaderText.singleLine), !name.isEmpty else { return HeaderText.singleLine(address) }
        let angle = "<\(HeaderText.singleLine(address))>"
        if !name.allSatisfy(\.isASCII) {
            return "\(EncodedWord.phrase(name, fieldName: fieldName)) \(angle)"
        }
        if name.unicodeScalars.allSatisfy({ $0 == " " || EncodedWord.isAtomCharacter($0) }) { return "\(name) \(angle)" }
        let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(quoted)\" \(angle)"
    }
}
