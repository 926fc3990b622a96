import Foundation

/// Turns phone numbers as people write them in Indonesia into E.164 (`+6281234567890`), the one
/// form the directory stores, so that the same number typed two ways is found as one.
///
/// The Indonesian numbering plan (country code 62) as far as these rules rely on it:
/// - Within Indonesia a number is dialled with the trunk prefix `0`; from abroad `+62` replaces
///   that `0`. `00` is the international prefix, so `0062…` means `+62…`.
/// - Mobile and other non-geographic numbers start `08` (`0812…`, `0857…`, toll-free `0800…`):
///   10–13 digits with the `0`, so a national significant number (NSN, the digits after `0` or
///   `+62`) of 9–12 digits.
/// - Landlines have an area code of 2 or 3 digits after the `0` (`021` Jakarta, `0274`
///   Yogyakarta, `0967` Jayapura) and a subscriber number of 5–8 digits. Only Jakarta, Bandung,
///   Semarang, Surabaya and Medan have 2-digit codes (21, 22, 24, 31, 61), and their subscriber
///   numbers have 7–8 digits: an NSN of 9–10 there and 8–11 behind any 3-digit code.
/// - Area codes start with 2–7 or 9, so no NSN starts with 0 or 1 (`1…` are short service numbers
///   such as 112, which have no E.164 form).
///
/// Numbers of other countries are kept when written with `+` or `00` and their country code; only
/// their length is checked (E.164 allows at most 15 digits; fewer than 8 is a typo in practice).
public enum PhoneNumber {
    /// Normalizes a phone number to E.164.
    ///
    /// Accepts the national form (`0812-3456-7890`, `(021) 3193 7223`), the international forms
    /// (`+62 812…`, `62812…`, `0062 812…`, `+62 (0)21…`) and, because spreadsheets drop leading
    /// zeros, a mobile number without its `0` (`812-3456-7890`). Spaces, dots, dashes and
    /// parentheses are separators.
    /// - Parameters:
    ///   - raw: The number as the user typed it.
    ///   - field: The name of the input, as the user knows it, for the error message.
    /// - Returns: `+` followed by the country code and the national significant number.
    /// - Throws: ``HumasError/invalid(field:message:)`` naming the broken rule and a valid example.
    public static func normalize(_ raw: String, field: String = "phone") throws -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        func invalid(_ rule: String) -> HumasError {
            .invalid(field: field, message: "'\(quoted(text))' \(rule)")
        }
        guard !text.isEmpty else {
            throw HumasError.invalid(field: field, message: "is empty; \(example)")
        }
        for (offset, character) in text.enumerated() where !isDigit(character) && !isSeparator(character) {
            if character == "+" && offset == 0 { continue }
            let what = character == "+" ? "'+' after the start" : "'\(character)'"
            throw invalid("contains \(what); a phone number has only digits, spaces, dots, dashes, parentheses and a leading +, as in 0812-3456-7890")
        }
        let hasPlus = text.hasPrefix("+")
        let allDigits = text.filter(isDigit)
        let international = hasPlus || allDigits.hasPrefix("00")
        // "+62 (0)21 …" is the written convention for "drop this 0 when dialling from abroad".
        let digits = international ? text.replacingOccurrences(of: "(0)", with: "").filter(isDigit) : allDigits
        guard !digits.isEmpty else { throw invalid("has no digits; \(example)") }

        if international {
            let number = hasPlus ? Substring(digits) : digits.dropFirst(2)
            if number.hasPrefix("62") { return try indonesian(nsn: number.dropFirst(2), invalid) }
            if number.hasPrefix("0") {
                throw invalid("has a country code starting with 0, which none does; write it like +62 812-3456-7890 or 0062 812-3456-7890")
            }
            guard (8...15).contains(number.count) else {
                throw invalid("has \(number.count) digits with its country code; an international number has 8–15, as in +65 6123 4567")
            }
            return "+" + number
        }
        if digits.hasPrefix("0") { return try indonesian(nsn: digits.dropFirst(), invalid) }
        if digits.hasPrefix("62") { return try indonesian(nsn: digits.dropFirst(2), invalid) }
        if digits.hasPrefix("8") { return try indonesian(nsn: Substring(digits), invalid) }
        throw invalid("has neither a leading 0 nor a country code; \(example)")
    }

    /// The valid forms every error message points to.
    private static let example = "write it like 0812-3456-7890, (021) 3193 7223 or +62 812-3456-7890"

    /// Area codes of two digits; every other area code has three.
    private static let twoDigitAreaCodes: Set<Substring> = ["21", "22", "24", "31", "61"]

    /// Checks an Indonesian national significant number against the numbering plan above.
    private static func indonesian(nsn: Substring, _ invalid: (String) -> HumasError) throws -> String {
        guard let first = nsn.first else {
            throw invalid("is too short to be an Indonesian number; \(example)")
        }
        switch first {
        case "0":
            throw invalid("has a 0 after the country code 62; drop that 0, as in +62 812-3456-7890")
        case "1":
            throw invalid("cannot be an Indonesian number: no area code starts with 1; \(example)")
        case "8":
            guard (9...12).contains(nsn.count) else {
                throw invalid("has \(nsn.count) digits after the leading 0 or 62; an Indonesian mobile number has 9–12 there, as in 0812-3456-7890")
            }
        default:
            let twoDigitArea = twoDigitAreaCodes.contains(nsn.prefix(2))
            let range = twoDigitArea ? 9...10 : 8...11
            guard range.contains(nsn.count) else {
                let rule = twoDigitArea
                    ? "a landline in area 0\(nsn.prefix(2)) has 9–10 there (a 7–8 digit number after the area code), as in (021) 3193 7223"
                    : "a landline has 8–11 there (a 5–8 digit number after a 3-digit area code), as in (0274) 512 345"
                throw invalid("has \(nsn.count) digits after the leading 0 or 62; \(rule)")
            }
        }
        return "+62" + nsn
    }

    /// ASCII digits only: other scripts' digits are not dialled.
    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isWholeNumber
    }

    /// Characters people put between digit groups, including the dashes word processors substitute.
    private static func isSeparator(_ character: Character) -> Bool {
        if character.isWhitespace { return true }
        switch character {
        case ".", "-", "(", ")", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": return true
        default: return false
        }
    }

    /// The input as echoed in messages, cut so that a pasted paragraph does not flood the terminal.
    private static func quoted(_ text: String) -> String {
        text.count <= 40 ? text : text.prefix(39) + "…"
    }
}
