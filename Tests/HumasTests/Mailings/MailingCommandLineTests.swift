import Foundation
import Testing

extension MailingSuites {
    /// The operator's mailing from the command line, and its refusals: one line, exit 1.
    @Suite("Mailings: command line", .serialized)
    struct MailingCommandLineTests {
        private let editor = ["HUMAS_AS": DirectoryTest.User.semarangEditor]

        @Test("create with a file attachment, preview for a contact, send, see the deliveries; a campaign lists the office")
        func operatorsMailing() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailing-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let text = folder.appendingPathComponent("rilis.txt"), pdf = folder.appendingPathComponent("rilis.pdf")
            try Data("Yth. {{sapaan}} {{nama}},\n\nUndangan konferensi pers.\n".utf8).write(to: text)
            try Data("%PDF-1.4 rilis".utf8).write(to: pdf)
            let campaign = InteractionTest.title("Kampanye CLI")
            let created = try CommandLineRun(["campaign", "create", campaign, "--starts", "2029-01-01", "--ends", "2029-06-30"], environment: editor)
            #expect(created.status == 0, "\(created.stderr)")
            let create = try CommandLineRun([
                "mailing", "create", "--name", campaign, "--from", "humas@kpu-semarangkota.go.id", "--subject", "Undangan: {{unit}}",
                "--text-file", text.path, "--attach", pdf.path, "--segment", "Jurnalis desk politik", "--campaign", campaign, "--json",
            ], environment: editor)
            #expect(create.status == 0, "\(create.stderr)")
            let mailing = try #require(try JSONSerialization.jsonObject(with: Data(create.stdout.utf8)) as? [String: Any])
            let id = String(try #require(mailing["id"] as? Int))
            #expect((mailing["attachments"] as? [[String: Any]])?.first?["filename"] as? String == "rilis.pdf")
            let budi = try DirectoryTest.demoID("contacts", "demo-c-budi")
            let preview = try CommandLineRun(["mailing", "preview", id, "--contact", String(budi)], environment: editor)
            #expect(preview.status == 0 && preview.stdout.contains("Undangan: KPU Kota Semarang") && preview.stdout.contains("Surel ini dikirim oleh Bagian Humas"), "\(preview.stderr)")
            let send = try CommandLineRun(["mailing", "send", id], environment: editor)
            #expect(send.status == 0 && send.stdout.contains("queued"), "\(send.stderr)")
            let deliveries = try CommandLineRun(["mailing", "deliveries", id, "--json"], environment: editor)
            let page = try #require(try JSONSerialization.jsonObject(with: Data(deliveries.stdout.utf8)) as? [String: Any])
            #expect((page["items"] as? [Any])?.isEmpty == false && page.keys.contains("next_cursor"))
            let show = try CommandLineRun(["campaign", "show", campaign], environment: editor)
            #expect(show.status == 0 && show.stdout.contains("ID-JT-KOTA-SEMARANG"), "\(show.stdout) \(show.stderr)")
        }

        @Test("bad input is one line on stderr naming the field, exit 1; the worker without HUMAS_SMTP_URL says so")
        func badInput() throws {
            for (arguments, prefix) in [
                (["mailing", "create", "--name", "x", "--from", "humas@kpu.go.id", "--subject", "Halo {{nma}}", "--text", "t"],
                 "error: subject: unknown merge field {{nma}}"),
                (["mailing", "create", "--name", "x", "--from", "humas@kpu.go.id", "--subject", "s", "--text", "t", "--attach", "/tidak/ada.pdf"],
                 "error: attachment: /tidak/ada.pdf: no such file"),
                (["mailing", "create", "--name", "x", "--from", "humas@kpu.go.id", "--subject", "s", "--text", "t", "--at", "2020-01-01 09:00"],
                 "error: scheduled_at: 2020-01-01 09:00 WIB is in the past"),
                (["mailing", "send", "999999999"], "error: mailing 999999999 not found"),
            ] {
                let run = try CommandLineRun(arguments, environment: editor)
                #expect(run.status == 1, "\(arguments): \(run.stderr)")
                #expect(run.stderr.hasPrefix(prefix) && run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
            }
            let worker = try CommandLineRun(["worker"], environment: ["HUMAS_SMTP_URL": ""])
            #expect(worker.status == 1 && worker.stderr.hasPrefix("error: HUMAS_SMTP_URL is not set"), "\(worker.stderr)")
        }

        @Test("every mailing, campaign and worker command's --help has an example")
        func helpExamples() throws {
            let commands = ["create", "edit", "list", "show", "preview", "test", "send", "status", "pause", "resume", "cancel",
                            "retry-failed", "deliveries"].map { ["mailing", $0] }
                + [["mailing", "bounces", "import"], ["campaign", "create"], ["campaign", "list"], ["campaign", "show"], ["worker"]]
            for command in commands {
                let help = try CommandLineRun(command + ["--help"])
                #expect(help.status == 0 && help.stdout.contains("Example"), "\(command)")
            }
        }
    }
}
