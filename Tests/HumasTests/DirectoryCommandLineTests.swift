import Foundation
import Testing

@Suite("Directory command line")
struct DirectoryCommandLineTests {
    private let editor = ["HUMAS_AS": DirectoryTest.User.semarangEditor]

    @Test("contact add prints the normalized contact as JSON; search finds it; show lists its affiliation")
    func addSearchShow() throws {
        let surname = DirectoryTest.uniqueWord()
        let email = DirectoryTest.uniqueEmail()
        let add = try CommandLineRun([
            "contact", "add", "--name", "Budi \(surname.capitalized)", "--sapaan", "Bapak", "--category", "journalist",
            "--email", email, "--phone", DirectoryTest.uniquePhone(), "--tag", "pemilu", "--json",
        ], environment: editor)
        #expect(add.status == 0, "\(add.stderr)")
        let contact = try #require(try JSONSerialization.jsonObject(with: Data(add.stdout.utf8)) as? [String: Any])
        let id = try #require(contact["id"] as? Int)
        #expect((contact["phones"] as? [String])?.first?.hasPrefix("+62819") == true)
        #expect(contact["unit_code"] as? String == "ID-JT-KOTA-SEMARANG")

        let outlet = try DirectoryTest.demoID("organizations", "demo-org-semarang-hari-ini")
        let affiliate = try CommandLineRun([
            "affiliation", "add", "--contact", String(id), "--organization", String(outlet), "--beat", "pemilu",
            "--started-on", "2024-01-02",
        ], environment: editor)
        #expect(affiliate.status == 0, "\(affiliate.stderr)")

        let search = try CommandLineRun(["contact", "search", "budi \(surname.prefix(6))", "--beat", "pemilu", "--under", "ID-JT"], environment: editor)
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.split(separator: "\n").first?.split(separator: " ").first == "ID")
        #expect(search.stdout.contains("PRIMARY E-MAIL") && search.stdout.contains("CURRENT ORGANIZATION"))
        #expect(search.stdout.contains(email) && search.stdout.contains("Semarang Hari Ini"))

        let show = try CommandLineRun(["contact", "show", String(id)], environment: editor)
        #expect(show.status == 0)
        #expect(show.stdout.contains("Semarang Hari Ini") && show.stdout.contains("2024-01-02"))

        let duplicate = try CommandLineRun(["contact", "add", "--name", "Lain", "--email", email], environment: editor)
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr == "error: a contact with e-mail \(email) already exists (id \(id)); pass --allow-duplicate to add anyway\n")
    }

    @Test("a bad phone exits 1 with one line naming the field, and nothing is written")
    func badPhone() throws {
        let name = "Salah \(DirectoryTest.uniqueWord())"
        let run = try CommandLineRun(["contact", "add", "--name", name, "--phone", "0812-34"], environment: editor)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: phone: ") && run.stderr.split(separator: "\n").count == 1)
        #expect(try DirectoryTest.count("SELECT count(*) FROM humas.contacts WHERE full_name = \(name)") == 0)
    }

    @Test("a listing with more rows prints the next cursor on stderr, and --cursor continues")
    func cursorHint() throws {
        let first = try CommandLineRun(["contact", "list", "--limit", "1"], environment: editor)
        #expect(first.status == 0)
        let hint = try #require(first.stderr.split(separator: "\n").first)
        #expect(hint.hasPrefix("more: add --cursor "))
        let cursor = String(hint.dropFirst("more: add --cursor ".count))
        let second = try CommandLineRun(["contact", "list", "--limit", "1", "--cursor", cursor, "--json"], environment: editor)
        #expect(second.status == 0)
        let firstRow = try #require(first.stdout.split(separator: "\n").dropFirst(2).first)
        let firstID = Int(firstRow.split(separator: " ").first ?? "")
        let page = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        let secondID = (page["contacts"] as? [[String: Any]])?.first?["id"] as? Int
        #expect(firstID != nil && secondID != nil && firstID != secondID, "the second page continues after the first")
    }

    @Test("every directory command's help has an example", arguments: [
        ["org", "--help"], ["org", "add", "--help"], ["org", "list", "--help"], ["org", "show", "--help"],
        ["org", "edit", "--help"], ["org", "rm", "--help"], ["contact", "--help"], ["contact", "add", "--help"],
        ["contact", "list", "--help"], ["contact", "search", "--help"], ["contact", "show", "--help"],
        ["contact", "edit", "--help"], ["contact", "rm", "--help"], ["affiliation", "--help"],
        ["affiliation", "add", "--help"], ["affiliation", "end", "--help"], ["affiliation", "move", "--help"],
    ])
    func helpHasExample(arguments: [String]) throws {
        let run = try CommandLineRun(arguments)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Example"))
    }
}
