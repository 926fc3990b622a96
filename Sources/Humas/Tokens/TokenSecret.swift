/// Makes API token secrets: 256 bits from the system's cryptographic random source.
enum TokenSecret {
    /// Marks a string as a Humas token, so leaked tokens are recognizable (secret scanners, logs).
    static let prefix = "humas_"

    /// A new secret: ``prefix`` followed by 32 random bytes as 64 lowercase hex digits.
    static func generate() -> String {
        // SystemRandomNumberGenerator reads the kernel's CSPRNG (getrandom on Linux).
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        var secret = prefix
        for _ in 0..<32 {
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            secret.append(digits[Int(byte >> 4)])
            secret.append(digits[Int(byte & 0x0f)])
        }
        return secret
    }
}
