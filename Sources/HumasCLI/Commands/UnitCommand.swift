import ArgumentParser
import Humas

struct UnitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit",
        abstract: "The 553 KPU offices: KPU RI, provinces, kabupaten/kota.",
        subcommands: [List.self, Show.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List units, optionally below one of them.",
            discussion: """
                Examples:
                  humas unit list --under ID-JT
                  humas unit list --under ID-AC --tree
                  humas unit list --search semarang
                """)

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("Only this unit and the units below it.", valueName: "code")) var under: String?
        @Flag(help: "Indent by level to show the tree.") var tree = false
        @Option(help: ArgumentHelp("Only units whose name or code holds these words.", valueName: "words")) var search: String?

        func run() async throws {
            // Reference data: no acting user needed (a new operator looks up their office's code).
            let units = try await session.withService { try await $0.referenceUnits.list(under: under, search: search) }
            if output.json { return try output.printJSON(units) }
            var table = TextTable(columns: ["CODE", "NAME", "LEVEL", "TIME ZONE"])
            let topDepth = units.map(\.level.depth).min() ?? 0
            for unit in units {
                let indent = tree ? String(repeating: "  ", count: unit.level.depth - topDepth) : ""
                table.add([unit.code, indent + unit.name, unit.level.rawValue, unit.timeZone])
            }
            print(table.render())
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one unit.", discussion: "Example: humas unit show ID-JT-KOTA-SEMARANG")

        @OptionGroup var session: SessionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The unit's code.") var code: String

        func run() async throws {
            let unit = try await session.withService { try await $0.referenceUnits.show(code) }
            if output.json { return try output.printJSON(unit) }
            printFields([
                ("code", unit.code), ("name", unit.name), ("region", unit.regionName), ("level", unit.level.rawValue),
                ("time zone", unit.timeZone), ("capital", unit.capital ?? ""), ("parent", unit.parentCode ?? ""),
            ])
        }
    }
}

extension Unit.Level {
    var depth: Int {
        switch self {
        case .national: 0
        case .province: 1
        case .regency, .city: 2
        }
    }
}
