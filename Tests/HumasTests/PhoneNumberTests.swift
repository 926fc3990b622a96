import Humas
import Testing

@Suite("PhoneNumberTests")
struct PhoneNumberTests {
    @Test("Indonesian numbers in every written form normalize to E.164", arguments: [
        // Mobile, national form with the separators people use.
        ("0812-3456-7890", "+6281234567890"),
        ("081234567890", "+6281234567890"),
        ("0812 3456 7890", "+6281234567890"),
        ("0812.3456.7890", "+6281234567890"),
        ("(0812) 3456-7890", "+6281234567890"),
        ("0812–3456–7890", "+6281234567890"),  // en dashes from a word processor
        ("  0812 3456 7890\n", "+6281234567890"),
        // Mobile, international forms.
        ("6281234567890", "+6281234567890"),
        ("+6281234567890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("+62-812-3456-7890", "+6281234567890"),
        ("0062 812 3456 7890", "+6281234567890"),
        ("00 62 812-3456-7890", "+6281234567890"),
        ("+62 (0)812 3456 7890", "+6281234567890"),
        // Mobile without its 0, as spreadsheets store it.
        ("812-3456-7890", "+6281234567890"),
        // Mobile length limits: 9 and 12 digits after the 0.
        ("0811 234 567", "+62811234567"),
        ("0812 3456 7890 1", "+62812345678901"),
        ("0800 1 234 567", "+628001234567"),  // toll-free, also 08
        // Landlines with a 2-digit area code and a 7–8 digit subscriber number.
        ("(021) 3193 7223", "+622131937223"),
        ("021-3193-7223", "+622131937223"),
        ("+62 21 3193 7223", "+622131937223"),
        ("+62 (0)21 3193 7223", "+622131937223"),
        ("0062 21 3193 7223", "+622131937223"),
        ("(022) 765 4321", "+62227654321"),
        // Landlines with a 3-digit area code and a 5–8 digit subscriber number.
        ("(0274) 512 345", "+62274512345"),
        ("0274 51234", "+6227451234"),
        ("0967 5337 1234", "+6296753371234"),
        ("+62 361 222 333", "+62361222333"),
    ])
    func acceptsIndonesian(raw: String, expected: String) throws {
        #expect(try PhoneNumber.normalize(raw) == expected)
    }

    @Test("Foreign numbers with + or 00 keep their country code", arguments: [
        ("+1 202 555 0143", "+12025550143"),
        ("+65 6123 4567", "+6561234567"),
        ("0044 20 7946 0958", "+442079460958"),
        ("+49 (0)30 1234567", "+49301234567"),
        ("+86 10 1234 5678", "+861012345678"),
        ("+1234 5678", "+12345678"),  // 8 digits, the shortest accepted
        ("+123 4567 8901 2345", "+123456789012345"),  // 15 digits, the E.164 maximum
    ])
    func acceptsForeign(raw: String, expected: String) throws {
        #expect(try PhoneNumber.normalize(raw) == expected)
    }

    @Test("Invalid numbers are rejected with the rule broken and a valid example", arguments: [
        ("", "is empty"),
        ("   ", "is empty"),
        ("()-", "has no digits"),
        ("+", "has no digits"),
        ("0812-3456-789O", "contains 'O'"),
        ("telp 0812 3456 7890", "contains 't'"),
        ("0812 3456 7890 ext 12", "contains 'e'"),
        ("０８１２３４５６７８９０", "contains '０'"),
        ("0812+3456+7890", "contains '+' after the start"),
        // Mobile numbers outside 9–12 digits after the 0 or 62.
        ("0812", "mobile number has 9–12"),
        ("0812 3456 7", "mobile number has 9–12"),
        ("+62 812 345", "mobile number has 9–12"),
        ("+62 812 3456 7890 123", "mobile number has 9–12"),
        ("0812 3456 7890 1234", "mobile number has 9–12"),
        ("812 345", "mobile number has 9–12"),
        // A 0 or a 1 where the area code starts.
        ("+62 0812 3456 7890", "has a 0 after the country code 62"),
        ("+620 21 3193 7223", "has a 0 after the country code 62"),
        ("0062 021 3193 7223", "has a 0 after the country code 62"),
        ("+62 112", "no area code starts with 1"),
        ("0112 345 678", "no area code starts with 1"),
        // Landlines with too few or too many digits.
        ("0", "too short"),
        ("+62", "too short"),
        ("021", "area 021 has 9–10"),
        ("(021) 123 456", "area 021 has 9–10"),
        ("(021) 1234 56789", "area 021 has 9–10"),
        ("(0274) 1234", "landline has 8–11"),
        ("(0274) 1234 56789", "landline has 8–11"),
        // Neither a trunk 0 nor a country code.
        ("3193 7223", "neither a leading 0 nor a country code"),
        // Foreign numbers outside 8–15 digits, or an impossible country code.
        ("+1 234 567", "international number has 8–15"),
        ("+1 2345 6789 0123 456", "international number has 8–15"),
        ("000 123 4567 89", "country code starting with 0"),
        ("+0 812 3456 7890", "country code starting with 0"),
    ])
    func rejects(raw: String, rule: String) {
        let error = #expect(throws: HumasError.self) { try PhoneNumber.normalize(raw, field: "contacts[2].phone") }
        guard case .invalid(let field, let message)? = error else {
            Issue.record("expected HumasError.invalid, got \(String(describing: error))")
            return
        }
        #expect(field == "contacts[2].phone")
        #expect(message.contains(rule))
        #expect(message.contains(" as in ") || message.contains(" like "), "the message shows a valid form")
        #expect(!message.contains("\n"))
    }

    @Test("The field defaults to 'phone' and leads the message")
    func defaultField() {
        #expect(throws: HumasError.invalid(field: "phone", message: "is empty; write it like 0812-3456-7890, (021) 3193 7223 or +62 812-3456-7890")) {
            try PhoneNumber.normalize("")
        }
        let error = #expect(throws: HumasError.self) { try PhoneNumber.normalize("+62 0812 3456 7890") }
        #expect(error?.description == "phone: '+62 0812 3456 7890' has a 0 after the country code 62; drop that 0, as in +62 812-3456-7890")
    }

    @Test("Normalizing a normalized number changes nothing")
    func idempotent() throws {
        for raw in ["0812-3456-7890", "(021) 3193 7223", "+1 202 555 0143"] {
            let once = try PhoneNumber.normalize(raw)
            #expect(try PhoneNumber.normalize(once) == once)
        }
    }
}
