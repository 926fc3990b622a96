/// Values no other test (nor an earlier run) uses: the directory refuses duplicate e-mails and phones.
enum Unique {
    static func suffix() -> String { String(UInt32.random(in: 0..<UInt32.max), radix: 36) }

    static func email(_ name: String = "kontak") -> String { "\(name).\(suffix())@media.example" }

    /// An Indonesian mobile number as people write it: `0812` and eight random digits.
    static func mobile() -> String { "0812" + String(format8: UInt32.random(in: 0..<100_000_000)) }
}

extension String {
    fileprivate init(format8 value: UInt32) {
        let digits = String(value)
        self = String(repeating: "0", count: 8 - digits.count) + digits
    }
}
