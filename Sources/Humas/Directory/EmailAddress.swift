import Foundation

/// Checks and normalizes e-mail addresses before the directory stores them or mail is sent.
///
/// The accepted form is the common subset of RFC 5321/5322 that mail servers and people actually
/// use: a dot-atom local part and a DNS host name. Quoted local parts (`"a b"@x.id`), address
/// literals (`a@[10.0.0.1]`) and non-ASCII addresses (SMTPUTF8) are rejected: in a contact list
/// they are typos far more often than real addresses, and not every relay delivers them.
public enum EmailAddress {
    /// Trims, validates and normalizes an e-mail address.
    ///
    /// Only the domain is lowercased: domains are case-insensitive, but RFC 5321 lets the
    /// receiving server treat the local part's case as significant.
    /// - Parameters:
    ///   - raw: The address as the user typed it.
    ///   - field: The name of the input, as the user knows it, for the error message.
    /// - Returns: The address with surrounding whitespace removed and its domain in lowercase.
    /// - Throws: ``HumasError/invalid(field:message:)`` naming the broken rule.
    public static func normalize(_ raw: String, field: String = "email") throws -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        func invalid(_ reason: String?) -> HumasError {
            let because = reason.map { ": \($0)" } ?? ""
            return .invalid(field: field, message: "'\(quoted(text))' is not a valid e-mail address\(because); expected name@domain.tld")
        }
        guard !text.isEmpty else {
            throw HumasError.invalid(field: field, message: "is empty; expected name@domain.tld")
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw invalid(parts.count == 1 ? "it has no @" : "it has more than one @")
        }
        let local = parts[0], domain = parts[1].lowercased()
        if let reason = localPartProblem(local) ?? domainProblem(domain) { throw invalid(reason) }
        let address = "\(local)@\(domain)"
        // RFC 5321 limits a forward path to 256 octets, i.e. 254 for the address between < and >.
        guard address.utf8.count <= 254 else { throw invalid("it is longer than 254 characters") }
        return address
    }

    /// Characters RFC 5322 allows in an atom besides ASCII letters and digits.
    private static let atomSymbols = Set("!#$%&'*+-/=?^_`{|}~")

    /// Why the part before the @ is not a dot-atom of 1–64 characters, or nil when it is.
    private static func localPartProblem(_ local: Substring) -> String? {
        if local.isEmpty { return "nothing before the @" }
        if local.utf8.count > 64 { return "more than 64 characters before the @" }
        if let bad = local.first(where: { !isAtomCharacter($0) && $0 != "." }) {
            return bad.isWhitespace ? "it contains a space" : "'\(bad)' is not allowed before the @"
        }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            return "the part before the @ may not start or end with a dot or have two in a row"
        }
        return nil
    }

    /// Why the part after the @ is not a DNS host name with a top-level domain, or nil when it is.
    private static func domainProblem(_ domain: String) -> String? {
        if domain.isEmpty { return "nothing after the @" }
        if let bad = domain.first(where: { !isLabelCharacter($0) && $0 != "." }) {
            if bad.isWhitespace { return "it contains a space" }
            return bad.isASCII
                ? "'\(bad)' is not allowed in a domain"
                : "the domain has '\(bad)'; write an international domain in its xn-- (punycode) form"
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "the domain needs a dot and a top-level domain, as in kompas.com" }
        for label in labels {
            if label.isEmpty { return "the domain may not start or end with a dot or have two in a row" }
            if label.count > 63 { return "a domain label is longer than 63 characters" }
            if label.hasPrefix("-") || label.hasSuffix("-") { return "a domain label may not start or end with a hyphen" }
        }
        let tld = labels[labels.count - 1]
        let isPunycode = tld.hasPrefix("xn--") && tld.count > 4
        guard isPunycode || (tld.count >= 2 && tld.allSatisfy(\.isLetter)) else {
            return "the top-level domain '\(tld)' must be 2 or more letters, as in .id or .com"
        }
        return nil
    }

    private static func isAtomCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || atomSymbols.contains(character))
    }

    private static func isLabelCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-")
    }

    /// The input as echoed in messages, cut so that a pasted paragraph does not flood the terminal.
    private static func quoted(_ text: String) -> String {
        text.count <= 60 ? text : text.prefix(59) + "…"
    }
}
