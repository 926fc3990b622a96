import Foundation
import Testing

@Suite("Command line: list and segment")
struct ListSegmentCommandLineTests {
    typealias F = ScopeFixture

    @Test("humas list create/add/show works end to end; an invisible contact exits 1 naming it")
    func listCommands() async throws {
        let fixture = try await ScopeFixture.make()
        let env = ["HUMAS_AS": fixture.editors[F.semarang]!.email]
        let name = "Undangan \(fixture.suffix)"
        let create = try CommandLineRun(["list", "create", name, "--description", "Konferensi pers"], environment: env)
        #expect(create.status == 0, "\(create.stderr)")
        let own = fixture.contacts[F.semarang]!
        let add = try CommandLineRun(["list", "add", name, String(own)], environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("added 1"))

        let show = try CommandLineRun(["list", "show", name, "--json"], environment: env)
        #expect(show.status == 0, "\(show.stderr)")
        let detail = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
        let members = detail?["members"] as? [[String: Any]]
        #expect(members?.count == 1)
        #expect((members?.first?["contact_id"] as? NSNumber)?.int64Value == own)
        #expect(members?.first?["unit_code"] as? String == F.semarang)

        let sibling = fixture.contacts[F.demak]!
        let refused = try CommandLineRun(["list", "add", name, String(sibling)], environment: env)
        #expect(refused.status == 1)
        #expect(refused.stderr == "error: contact \(sibling) not found\n")
    }

    @Test("humas segment create with the documented flags, then contacts; a bad category exits 1 naming it")
    func segmentCommands() async throws {
        let fixture = try await ScopeFixture.make()
        let env = ["HUMAS_AS": fixture.editors[F.province]!.email]
        let name = "Wartawan Jateng \(fixture.suffix)"
        let create = try CommandLineRun(
            ["segment", "create", name, "--category", "journalist", "--tag", fixture.tag, "--under", "ID-JT", "--has-email"],
            environment: env)
        #expect(create.status == 0, "\(create.stderr)")
        #expect(create.stdout.contains("category=journalist"))

        let contacts = try CommandLineRun(["segment", "contacts", name], environment: env)
        #expect(contacts.status == 0, "\(contacts.stderr)")
        #expect(contacts.stdout.contains("Kontak \(F.demak) \(fixture.suffix)"))
        #expect(!contacts.stdout.contains("Kontak \(F.national) \(fixture.suffix)"))
        #expect(contacts.stdout.contains("3 contact(s) match"))

        let bad = try CommandLineRun(["segment", "create", "Salah \(fixture.suffix)", "--category", "wartawan"], environment: env)
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("error: category: 'wartawan' is not one of"))
        #expect(bad.stderr.split(separator: "\n").count == 1)
    }

    @Test("list and segment subcommands have --help with an example", arguments: [
        ["list"], ["list", "create"], ["list", "ls"], ["list", "show"], ["list", "add"], ["list", "remove"],
        ["list", "rename"], ["list", "rm"], ["segment"], ["segment", "create"], ["segment", "list"],
        ["segment", "show"], ["segment", "contacts"], ["segment", "rm"],
    ])
    func helpHasExample(_ command: [String]) throws {
        let run = try CommandLineRun(command + ["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Example"), "\(command.joined(separator: " ")) --help")
    }
}
