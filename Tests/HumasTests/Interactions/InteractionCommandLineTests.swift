import Foundation
import Testing

extension InteractionSuites {
    /// The operator's day from the command line: log last week's press conference with its
    /// journalists and a follow-up, plan next month's socialization, read a journalist's history.
    @Suite("Interactions: command line", .serialized)
    struct InteractionCommandLineTests {
        private let editor = ["HUMAS_AS": DirectoryTest.User.semarangEditor]

        @Test("log with attending contacts and a follow-up, plan with a list, read the timeline and the agenda as ics")
        func operatorsDay() throws {
            let journalist = try DirectoryTest.demoID("contacts", "demo-c-budiman")
            let title = InteractionTest.title("Konferensi pers rekapitulasi")
            let log = try CommandLineRun([
                "interaction", "log", "--kind", "press_conference", "--mode", "luring", "--strategy", "informasi",
                "--title", title, "--starts", "2025-10-14 09:00", "--ends", "2025-10-14 11:00", "--place", "Media center",
                "--contact", String(journalist), "--attended", "--json",
            ], environment: editor)
            #expect(log.status == 0, "\(log.stderr)")
            let logged = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [String: Any])
            let id = try #require(logged["id"] as? Int)
            #expect(logged["starts_at"] as? String == "2025-10-14T09:00:00+07:00")
            #expect(logged["attended_count"] as? Int == 1 && logged["status"] as? String == "done")

            let followup = try CommandLineRun([
                "followup", "add", "--interaction", String(id), "--action", "Kirim rilis", "--assignee", DirectoryTest.User.semarangEditor,
                "--due", "2025-10-16",
            ], environment: editor)
            #expect(followup.status == 0, "\(followup.stderr)")
            let due = try CommandLineRun(["followup", "list", "--due", "--mine"], environment: editor)
            #expect(due.status == 0 && due.stdout.contains("Kirim rilis"), "\(due.stderr)")

            let timeline = try CommandLineRun(["contact", "timeline", String(journalist)], environment: editor)
            #expect(timeline.status == 0 && timeline.stdout.contains(title) && timeline.stdout.contains("2025-10-14 09:00 WIB"), "\(timeline.stderr)")

            let plan = try CommandLineRun([
                "interaction", "log", "--kind", "socialization", "--mode", "luring", "--strategy", "partisipasi",
                "--title", title + " sosialisasi", "--starts", "2099-01-20 13:00", "--contact", String(journalist),
            ], environment: editor)
            #expect(plan.status == 0 && plan.stdout.contains("planned"), "\(plan.stderr)")
            let ics = try CommandLineRun(["interaction", "agenda", "--from", "2099-01-01", "--to", "2099-01-31", "--format", "ics"], environment: editor)
            #expect(ics.status == 0 && ics.stdout.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.stdout.contains("DTSTART:20990120T060000Z"), "\(ics.stderr)")
        }

        @Test("bad input is one line on stderr naming the field, exit 1")
        func badInput() throws {
            for (arguments, prefix) in [
                (["interaction", "log", "--kind", "presser", "--mode", "luring", "--strategy", "informasi", "--title", "x", "--starts", "2025-10-14 09:00"],
                 "error: kind: 'presser' is not one of press_conference"),
                (["interaction", "log", "--kind", "call", "--mode", "daring", "--strategy", "jejaring", "--title", "x", "--starts", "2025-10-14 09:00", "--ends", "2025-10-14 08:00"],
                 "error: ends_at: 2025-10-14 08:00 WIB is before starts_at"),
                (["interaction", "agenda", "--from", "2025-01-01", "--to", "2026-06-30"], "error: to: the range is 546 days"),
                (["interaction", "list", "--quarter", "2025-Q7"], "error: quarter: '2025-Q7' is not a quarter"),
            ] {
                let run = try CommandLineRun(arguments, environment: editor)
                #expect(run.status == 1, "\(arguments)")
                #expect(run.stderr.hasPrefix(prefix) && run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
            }
        }
    }
}
