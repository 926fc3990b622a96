/// A plain-text table for people reading CLI output in a terminal: a header, a rule, and columns
/// padded to the width the text takes on screen. Scripts should ask for JSON instead.
///
/// ```
/// Nama           Media           Kontak
/// ─────────────  ──────────────  ──────
/// Budi Santoso   Warta Kapuas        12
/// Ni Made Ratih  Nusa Borneo TV       3
/// ```
struct TextTable {
    private let columns: [String]
    private let maxColumnWidth: Int
    private var rows: [[String]] = []

    /// Creates an empty table.
    /// - Parameters:
    ///   - columns: The header of each column, left to right.
    ///   - maxColumnWidth: The most terminal cells a column takes; longer text ends in "…".
    init(columns: [String], maxColumnWidth: Int = 40) {
        precondition(maxColumnWidth >= 1, "a column must be at least one cell wide")
        self.columns = columns
        self.maxColumnWidth = maxColumnWidth
    }

    /// Appends a row; a short row is padded with empty cells.
    ///
    /// Line breaks and other control characters become spaces, as they would break the layout.
    mutating func add(_ row: [String]) {
        precondition(row.count <= columns.count, "a row has \(row.count) cells for \(columns.count) columns")
        rows.append((row + Array(repeating: "", count: columns.count - row.count)).map(Self.singleLine))
    }

    /// Renders the header, the rule and the rows, one line each, without a trailing newline.
    ///
    /// Columns whose non-empty cells all look like numbers are right-aligned, so digits line up.
    func render() -> String {
        let header = columns.map { Self.truncated($0, to: maxColumnWidth) }
        let body = rows.map { $0.map { Self.truncated($0, to: maxColumnWidth) } }
        let widths = columns.indices.map { column in
            body.reduce(Self.displayWidth(header[column])) { max($0, Self.displayWidth($1[column])) }
        }
        let rightAligned = columns.indices.map { column in
            let cells = rows.map { $0[column] }.filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy(Self.looksNumeric)
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - Self.displayWidth(cells[column]))
                return rightAligned[column] ? padding + cells[column] : cells[column] + padding
            }
            var text = padded.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + body.map(line)).joined(separator: "\n")
    }

    /// Whether a cell reads as a number: an optional sign, digits with `.` `,` `_` as separators
    /// (both 1.234,5 and 1,234.5 occur), and an optional `%`. Dates and times do not qualify.
    private static func looksNumeric(_ cell: String) -> Bool {
        var text = Substring(cell)
        if text.first == "+" || text.first == "-" { text = text.dropFirst() }
        if text.last == "%" { text = text.dropLast() }
        guard let first = text.first, first.isASCII, first.isWholeNumber else { return false }
        return text.allSatisfy { ($0.isASCII && $0.isWholeNumber) || $0 == "." || $0 == "," || $0 == "_" }
    }

    private static func singleLine(_ cell: String) -> String {
        String(cell.map { character in
            character.unicodeScalars.contains { $0.properties.generalCategory == .control } ? " " : character
        })
    }

    /// Cuts `text` to at most `width` cells, marking the cut with "…".
    private static func truncated(_ text: String, to width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        var kept = ""
        var used = 0
        for character in text {
            let next = displayWidth(character)
            if used + next > width - 1 { break }
            kept.append(character)
            used += next
        }
        return kept + "…"
    }

    private static func displayWidth(_ text: String) -> Int {
        text.reduce(0) { $0 + displayWidth($1) }
    }

    /// The terminal cells a character takes, approximating Unicode's East Asian Width (UAX #11):
    /// wide CJK and emoji take 2, combining marks and invisible format characters 0.
    private static func displayWidth(_ character: Character) -> Int {
        guard let base = character.unicodeScalars.first else { return 0 }
        switch base.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        // U+FE0F asks for emoji presentation of a character that is text by default, such as ☎️.
        if base.properties.isEmojiPresentation || character.unicodeScalars.contains("\u{FE0F}") { return 2 }
        return wideRanges.contains { $0.contains(base.value) } ? 2 : 1
    }

    /// Code point blocks whose characters are East Asian Wide or Fullwidth.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
        0x3400...0x4DBF,  // CJK unified ideographs extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE30...0xFE4F,  // CJK compatibility forms
        0xFF00...0xFF60,  // Fullwidth forms
        0xFFE0...0xFFE6,  // Fullwidth signs
        0x20000...0x3FFFD,  // CJK extensions B and later
    ]
}
