import Foundation
import Humas
import Postgres
import Testing

extension InteractionSuites {
    /// The agenda as iCalendar, read back with Python's `icalendar` package (the peer's own
    /// parser, from .build/peer-venv; `make test` creates it with scripts/peer-venv.sh).
    @Suite("Interactions: agenda and iCalendar", .serialized)
    struct AgendaCalendarTests {
        static let python = TestEnvironment.repositoryRoot.appendingPathComponent(".build/peer-venv/bin/python")
        static let reader = TestEnvironment.repositoryRoot.appendingPathComponent("Tests/peers/read_ics.py")

        @Test("every activity of the range is in the feed with a stable UID and equal UTC times; a WITA 09:00 is 01:00Z; cancelled is CANCELLED; text survives escaping and folding")
        func icsParsedByIcalendar() async throws {
            let editor = try InteractionTest.editor(at: "ID-SN-KOTA-MAKASSAR")
            let long = "Sosialisasi tahapan pemilu; bersama LO partai, Bawaslu dan \"media\" — pembahasan daftar pemilih tetap (DPT) di Kecamatan Ujung Pandang\nbaris kedua"
            let (agenda, ours) = try await withFixtureSession(editor) { session in
                var planned = InteractionTest.pressConference(long, starts: "2099-10-07 09:00", ends: "2099-10-07 12:30")
                planned.kind = "socialization"
                planned.place = "Aula KPU, Jl. Perintis; lantai 2"
                let first = try await session.interactions.log(planned)
                let second = try await session.interactions.log(InteractionTest.pressConference("Konferensi pers", starts: "2099-10-20 14:00", ends: nil))
                _ = try await session.interactions.cancel(second.id, reason: "Ditunda")
                let outside = try await session.interactions.log(InteractionTest.pressConference("Di luar rentang", starts: "2099-11-02 09:00", ends: nil))
                let agenda = try await session.interactions.agenda(
                    from: PostgresDate(year: 2099, month: 10, day: 1), to: PostgresDate(year: 2099, month: 10, day: 31))
                // Earlier runs of this test left activities in the same unit and month: look at this run's.
                let ours: Set<Int64> = [first.id, second.id, outside.id]
                #expect(agenda.interactions.map(\.id).filter(ours.contains) == [first.id, second.id], "earliest first, the one in November left out")
                return (agenda, ours)
            }
            let ics = agenda.iCalendar
            #expect(ics.split(separator: "\r\n", omittingEmptySubsequences: false).allSatisfy { $0.utf8.count <= 75 }, "lines fold at 75 octets")
            #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
            let parsed = try Self.parse(ics)
            let uids = Set(ours.map { "interaction-\($0)@humas.kpu.go.id" })
            let events = try #require(parsed["events"] as? [[String: Any]]).filter { uids.contains($0["uid"] as? String ?? "") }
            #expect(parsed["version"] as? String == "2.0")
            let mine = agenda.interactions.filter { ours.contains($0.id) }
            let first = mine[0], second = mine[1]
            #expect(events.map { $0["uid"] as? String } == ["interaction-\(first.id)@humas.kpu.go.id", "interaction-\(second.id)@humas.kpu.go.id"])
            #expect(events[0]["dtstart"] as? String == "2099-10-07T01:00:00Z", "09:00 WITA")
            #expect(events[0]["dtend"] as? String == "2099-10-07T04:30:00Z")
            #expect(events[0]["summary"] as? String == long, "escaped and folded text reads back as written")
            #expect(events[0]["location"] as? String == "Aula KPU, Jl. Perintis; lantai 2")
            #expect(events[0]["status"] as? String == "CONFIRMED")
            #expect(events[1]["status"] as? String == "CANCELLED")
            #expect(events[1]["dtstart"] as? String == "2099-10-20T06:00:00Z")
            #expect((events[1]["description"] as? String)?.contains("Dibatalkan: Ditunda") == true)
            #expect(events.allSatisfy { $0["dtstamp"] is String })
        }

        @Test("an agenda over 366 days is refused naming `to`")
        func rangeLimit() async throws {
            try await withFixtureSession(UserFixtures.nationalAdmin) { (session: Session) async throws in
                let error = await #expect(throws: HumasError.self) {
                    try await session.interactions.agenda(from: PostgresDate(year: 2025, month: 1, day: 1), to: PostgresDate(year: 2026, month: 1, day: 2))
                }
                #expect(error?.description.hasPrefix("to: the range is 367 days") == true)
                let leap = try await session.interactions.agenda(
                    from: PostgresDate(year: 2098, month: 1, day: 1), to: PostgresDate(year: 2098, month: 12, day: 31), under: "ID-PA-KOTA-JAYAPURA")
                #expect(leap.interactions.isEmpty)
            }
        }

        /// The feed as the peer library reads it.
        static func parse(_ ics: String) throws -> [String: Any] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-\(UUID().uuidString).ics")
            try Data(ics.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let process = Process()
            process.executableURL = python
            process.arguments = [reader.path, file.path]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "icalendar could not read the feed: \(problem)")
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
    }
}
