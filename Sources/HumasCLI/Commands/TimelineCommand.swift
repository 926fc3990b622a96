import ArgumentParser
import Humas

/// `humas contact timeline ID` and `humas org timeline ID`: one merged history, newest first.
struct ContactTimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "A contact's history: activities they took part in and affiliation changes, newest first.",
        discussion: "Example: humas contact timeline 12 --limit 20")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var page: PageOptions
    @Argument(help: "The contact's id.") var id: Int64

    func run() async throws {
        let result = try await session.withSession { try await $0.timelines.contact(id, limit: page.limit, cursor: page.cursor) }
        try printTimeline(result, output, page)
    }
}

struct OrganizationTimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "An organization's history: activities it or its people took part in, people joining and leaving.",
        discussion: "Example: humas org timeline 7")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var page: PageOptions
    @Argument(help: "The organization's id.") var id: Int64

    func run() async throws {
        let result = try await session.withSession { try await $0.timelines.organization(id, limit: page.limit, cursor: page.cursor) }
        try printTimeline(result, output, page)
    }
}
