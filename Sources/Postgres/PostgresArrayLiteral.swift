/// One-dimensional array literals in PostgreSQL's text format: `{a,"b c",NULL}`.
enum PostgresArrayLiteral {
    static func format(_ items: [String?]) -> String {
        var text = "{"
        for (index, item) in items.enumerated() {
            if index > 0 { text += "," }
            guard let item else {
                text += "NULL"
                continue
            }
            text += "\""
            for char in item.unicodeScalars {
                if char == "\"" || char == "\\" { text += "\\" }
                text.unicodeScalars.append(char)
            }
            text += "\""
        }
        return text + "}"
    }

    static func parse(_ text: String) throws -> [String?] {
        let chars = Array(text.unicodeScalars)
        guard chars.first == "{", chars.last == "}" else {
            throw PostgresDecodingFailure("'\(text)' is not an array")
        }
        if chars.count == 2 { return [] }
        var items: [String?] = []
        var index = 1
        while index < chars.count - 1 {
            if chars[index] == "\"" {
                var item = String.UnicodeScalarView()
                index += 1
                while index < chars.count - 1, chars[index] != "\"" {
                    if chars[index] == "\\" { index += 1 }
                    item.append(chars[index])
                    index += 1
                }
                index += 1  // closing quote
                items.append(String(item))
            } else {
                var item = String.UnicodeScalarView()
                while index < chars.count - 1, chars[index] != "," {
                    if chars[index] == "{" { throw PostgresDecodingFailure("multi-dimensional arrays are not supported") }
                    item.append(chars[index])
                    index += 1
                }
                let value = String(item)
                items.append(value == "NULL" ? nil : value)
            }
            if index < chars.count - 1 {
                guard chars[index] == "," else { throw PostgresDecodingFailure("'\(text)' is not an array") }
                index += 1
            }
        }
        return items
    }
}
