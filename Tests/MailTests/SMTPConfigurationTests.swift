import Mail
import Testing

@Suite("SMTP configuration")
struct SMTPConfigurationTests {
    @Test("HUMAS_SMTP_URL is required, and the error names it")
    func urlRequired() {
        let error = #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration.fromEnvironment([:]) }
        #expect(error?.description.hasPrefix("HUMAS_SMTP_URL is not set") == true)
    }

    @Test("credentials come from HUMAS_SMTP_USER and HUMAS_SMTP_PASSWORD or the URL, and the description shows neither")
    func credentialsNeverShown() throws {
        let fromURL = try SMTPConfiguration.fromEnvironment(["HUMAS_SMTP_URL": "smtps://humas%40kpu:p%3Ass@mail.kpu.go.id:465", "HUMAS_SMTP_TIMEOUT": "7"])
        #expect(fromURL.description == "smtps://mail.kpu.go.id:465")
        #expect(fromURL.timeoutSeconds == 7)
        let separate = try SMTPConfiguration.fromEnvironment([
            "HUMAS_SMTP_URL": "smtp://mail.kpu.go.id:587?starttls=require", "HUMAS_SMTP_USER": "humas", "HUMAS_SMTP_PASSWORD": "rahasia",
        ])
        #expect(separate.username == "humas")
        #expect(separate.password == "rahasia")
        #expect(separate.timeoutSeconds == 30)
        #expect(separate.description == "smtp://mail.kpu.go.id:587?starttls=require")
        #expect(SMTPConfiguration(url: "not a url with user:secret@host").description.contains("secret") == false)
    }

    @Test("an unknown scheme, option or timeout is refused naming it")
    func invalidValues() {
        let scheme = #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration.fromEnvironment(["HUMAS_SMTP_URL": "http://u:pw@host"]) }
        #expect(scheme?.description == "SMTP URL http://host: scheme http is not smtp or smtps")
        let option = #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration.fromEnvironment(["HUMAS_SMTP_URL": "smtps://host?starttls=require"]) }
        #expect(option?.description.contains("starttls=require") == true)
        let timeout = #expect(throws: SMTPConfigurationError.self) {
            try SMTPConfiguration.fromEnvironment(["HUMAS_SMTP_URL": "smtp://host", "HUMAS_SMTP_TIMEOUT": "soon"])
        }
        #expect(timeout?.description.hasPrefix("HUMAS_SMTP_TIMEOUT is \"soon\"") == true)
    }
}
