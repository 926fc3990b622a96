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
            let words = EncodedWord.encode(name, firstWordLimit: EncodedWord.limit(after: fieldName))
            return (words + [angle]).joined(separator: HeaderText.fold)
        }
        if name.unicodeScalars.allSatisfy(Self.isPhraseCharacter) { return "\(name) \(angle)" }
        let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(quoted)\" \(angle)"
    }

    /// RFC 5322 atext plus the spaces between atoms.
    private static func isPhraseCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", " ": return true
        default: return "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
        }
    }
}
