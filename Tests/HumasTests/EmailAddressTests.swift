import Humas
import Testing

@Suite("EmailAddressTests")
struct EmailAddressTests {
    /// An address of exactly 254 characters: a 64-character local part and a 189-character domain.
    static let longest = String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 63) + "."
        + String(repeating: "c", count: 63) + "." + String(repeating: "d", count: 58) + ".id"

    @Test("Valid addresses are trimmed and only their domain lowercased", arguments: [
        ("budi@kompas.com", "budi@kompas.com"),
        ("  Budi.Santoso@Kompas.CO.ID \n", "Budi.Santoso@kompas.co.id"),
        ("humas+pemilu@kpu.go.id", "humas+pemilu@kpu.go.id"),
        ("o'reilly@example.org", "o'reilly@example.org"),
        ("a@b.co", "a@b.co"),
        ("user_name-1@sub-domain.example.id", "user_name-1@sub-domain.example.id"),
        ("redaksi@xn--bcher-kva.example", "redaksi@xn--bcher-kva.example"),
        ("info@KPU.XN--P1AI", "info@kpu.xn--p1ai"),
        ("!#$%&'*+-/=?^_`{|}~@example.com", "!#$%&'*+-/=?^_`{|}~@example.com"),
        ("redaksi@123.example.id", "redaksi@123.example.id"),
        (String(repeating: "x", count: 64) + "@kompas.com", String(repeating: "x", count: 64) + "@kompas.com"),
        ("a@" + String(repeating: "b", count: 63) + ".id", "a@" + String(repeating: "b", count: 63) + ".id"),
        (longest, longest),
    ])
    func accepts(raw: String, expected: String) throws {
        #expect(try EmailAddress.normalize(raw) == expected)
    }

    @Test("Invalid addresses are rejected with the rule broken", arguments: [
        ("", "is empty"),
        (" \t", "is empty"),
        ("budi@@kompas", "more than one @"),
        ("budi@kompas@com.id", "more than one @"),
        ("budi.kompas.com", "no @"),
        ("@kompas.com", "nothing before the @"),
        ("budi@", "nothing after the @"),
        (".budi@kompas.com", "may not start or end with a dot"),
        ("budi.@kompas.com", "may not start or end with a dot"),
        ("bu..di@kompas.com", "two in a row"),
        ("budi santoso@kompas.com", "contains a space"),
        ("budi@kompas .com", "contains a space"),
        ("budi(at)@kompas.com", "'(' is not allowed before the @"),
        ("\"budi\"@kompas.com", "'\"' is not allowed before the @"),
        ("bùdi@kompas.com", "'ù' is not allowed before the @"),
        (String(repeating: "x", count: 65) + "@kompas.com", "more than 64 characters"),
        ("budi@kompas", "needs a dot and a top-level domain"),
        ("budi@kompas.", "may not start or end with a dot"),
        ("budi@.kompas.com", "may not start or end with a dot"),
        ("budi@kompas..com", "two in a row"),
        ("budi@-kompas.com", "hyphen"),
        ("budi@kompas-.com", "hyphen"),
        ("budi@kompas.c", "top-level domain 'c'"),
        ("budi@kompas.123", "top-level domain '123'"),
        ("budi@kompas.c0m", "top-level domain 'c0m'"),
        ("budi@kompas.xn--", "hyphen"),
        ("budi@kömpas.de", "xn-- (punycode)"),
        ("budi@kompas_media.com", "'_' is not allowed in a domain"),
        ("budi@[10.0.0.1]", "'[' is not allowed in a domain"),
        ("a@" + String(repeating: "b", count: 64) + ".id", "longer than 63"),
        (longest.dropLast(3) + "d.id", "longer than 254"),
    ])
    func rejects(raw: String, rule: String) {
        let error = #expect(throws: HumasError.self) { try EmailAddress.normalize(raw, field: "--email") }
        guard case .invalid(let field, let message)? = error else {
            Issue.record("expected HumasError.invalid, got \(String(describing: error))")
            return
        }
        #expect(field == "--email")
        #expect(message.contains(rule))
        #expect(message.hasSuffix("expected name@domain.tld"))
        #expect(!message.contains("\n"))
    }

    @Test("The field defaults to 'email' and the message quotes the input")
    func message() {
        let error = #expect(throws: HumasError.self) { try EmailAddress.normalize("budi@@kompas") }
        #expect(error?.description == "email: 'budi@@kompas' is not a valid e-mail address: it has more than one @; expected name@domain.tld")
    }

    @Test("A pasted paragraph is cut short in the message")
    func longInputIsShortened() {
        let error = #expect(throws: HumasError.self) { try EmailAddress.normalize(String(repeating: "kata ", count: 100)) }
        #expect((error?.description.count ?? .max) < 150)
    }
}
