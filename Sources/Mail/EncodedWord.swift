/// RFC 2047 encoded words ("=?UTF-8?Q?...?="), the only way to put non-ASCII text in a header.
///
/// The Q encoding keeps Indonesian text, mostly ASCII, readable in raw mail. Words are at most
/// 75 characters (RFC 2047 §2) and split only between Unicode scalars, so every word decodes
/// to whole characters on its own; the whitespace folded between them is dropped by decoders.
package enum EncodedWord {
    package static let maximumLength = 75
    private static let prefix = "=?UTF-8?Q?"
    private static let suffix = "?="

    /// `text` unchanged when it is printable ASCII that cannot be mistaken for an encoded word,
    /// else one field value of encoded words folded onto continuation lines.
    package static func fieldValue(_ text: String, fieldName: String) -> String {
        if isPlainASCII(text) { return text }
        return encode(text, firstWordLimit: limit(after: fieldName)).joined(separator: HeaderText.fold)
    }

    /// A display name as an RFC 5322 phrase: ASCII words stay atoms, runs of words that need
    /// encoding become encoded words, spaces inside a run encoded with it.
    ///
    /// Encoding only the runs that need it keeps each run's spaces where every decoder agrees:
    /// Python's email package, for one, puts a space between adjacent encoded words in a name.
    package static func phrase(_ name: String, fieldName: String) -> String {
        var runs: [(encoded: Bool, words: [Substring])] = []
        for word in name.split(separator: " ") {
            let needsEncoding = !word.unicodeScalars.allSatisfy(isAtomCharacter)
            if let last = runs.last, last.encoded == needsEncoding {
                runs[runs.count - 1].words.append(word)
            } else {
                runs.append((needsEncoding, [word]))
            }
        }
        var parts: [String] = []
        for run in runs {
            let text = run.words.joined(separator: " ")
            let room = parts.isEmpty ? limit(after: fieldName) : maximumLength
            parts.append(run.encoded ? encode(text, firstWordLimit: room).joined(separator: HeaderText.fold) : text)
        }
        return parts.joined(separator: " ")
    }

    /// RFC 5322 atext: what an unquoted word of a phrase may hold.
    package static func isAtomCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        default: return "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
        }
    }

    /// The encoded words for `text`, the first at most `firstWordLimit` characters long (it
    /// shares its line with the field name), the others at most ``maximumLength``.
    package static func encode(_ text: String, firstWordLimit: Int = maximumLength) -> [String] {
        var words: [String] = []
        var current = ""
        var limit = firstWordLimit - prefix.count - suffix.count
        for scalar in text.unicodeScalars {
            let encoded = qEncoded(scalar)
            if !current.isEmpty && current.count + encoded.count > limit {
                words.append(prefix + current + suffix)
                current = ""
                limit = maximumLength - prefix.count - suffix.count
            }
            current += encoded
        }
        words.append(prefix + current + suffix)
        return words
    }

    /// Room for the first word on the line `Name: `, keeping that line within 76 characters.
    static func limit(after fieldName: String) -> Int {
        max(maximumLength - fieldName.count - 1, prefix.count + suffix.count + 12)
    }

    private static func isPlainASCII(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } && !text.contains("=?")
    }

    /// The restrictive Q set of RFC 2047 §5(3), valid in a display name as well as a Subject.
    private static func qEncoded(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "!", "*", "+", "-", "/": return String(scalar)
        case " ": return "_"
        default:
            return String(scalar).utf8.map { byte in
                let hex = String(byte, radix: 16, uppercase: true)
                return "=" + (hex.count == 1 ? "0" + hex : hex)
            }.joined()
        }
    }
}
