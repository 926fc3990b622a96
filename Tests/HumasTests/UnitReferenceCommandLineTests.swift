import Foundation
import Testing

/// The unit tree as a new operator meets it: no account needed, found by name, suggestions for
/// a code mistyped; and `humas serve` on a port already taken.
@Suite("Units: reference data from the command line")
struct UnitReferenceCommandLineTests {
    private let nobody = ["HUMAS_AS": ""]

    @Test("unit list and show answer without an acting user; --search finds units by name")
    func withoutAccount() throws {
        let list = try CommandLineRun(["unit", "list", "--under", "ID-JT", "--json"], environment: nobody)
        #expect(list.status == 0, "\(list.stderr)")
        let units = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(units.count == 36, "KPU Provinsi Jawa Tengah and its 35 kabupaten/kota")
        let show = try CommandLineRun(["unit", "show", "id-jt-kota-semarang"], environment: nobody)
        #expect(show.status == 0 && show.stdout.contains("KPU Kota Semarang"), "\(show.stderr)")
        let search = try CommandLineRun(["unit", "list", "--search", "kota semarang"], environment: nobody)
        #expect(search.status == 0 && search.stdout.contains("ID-JT-KOTA-SEMARANG") && !search.stdout.contains("ID-JT-KAB-SEMARANG"))
    }

    @Test("a mistyped code is one line naming the units it may have meant, exit 1")
    func suggestions() throws {
        let run = try CommandLineRun(["unit", "show", "semarang"], environment: nobody)
        #expect(run.status == 1)
        #expect(run.stderr == "error: unit: no unit has the code 'semarang'; did you mean ID-JT-KAB-SEMARANG (KPU Kabupaten Semarang), ID-JT-KOTA-SEMARANG (KPU Kota Semarang)?\n")
        let none = try CommandLineRun(["unit", "show", "ID-XX"], environment: nobody)
        #expect(none.status == 1 && none.stderr.contains("humas unit list --search NAME"), "\(none.stderr)")
    }

    @Test("humas serve on a port in use says so in one line with the port and --port")
    func portInUse() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(bound == 0 && listen(listener, 1) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let run = try CommandLineRun(["serve", "--port", String(port)])
        #expect(run.status == 1)
        #expect(run.stderr == "error: port \(port) on 127.0.0.1 is in use (another humas serve?); stop it or pick another with --port\n")
    }
}
