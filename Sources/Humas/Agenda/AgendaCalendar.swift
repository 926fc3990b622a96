import Foundation

/// An agenda as an iCalendar feed that Google Calendar, Outlook and Thunderbird import or
/// subscribe to. Each activity keeps one UID for life, so a calendar updates an event when the
/// activity moves and marks it cancelled (`STATUS:CANCELLED`) rather than duplicating it.
enum AgendaCalendar {
    /// The domain of every UID: stable across servers and exports.
    static let uidDomain = "humas.kpu.go.id"

    static func render(_ agenda: Agenda, generatedAt: Date = Date()) -> String {
        var ics = ICalendarWriter()
        ics.line("BEGIN", "VCALENDAR")
        ics.line("VERSION", "2.0")
        ics.line("PRODID", "-//KPU//Humas//ID")
        ics.line("CALSCALE", "GREGORIAN")
        ics.line("METHOD", "PUBLISH")
        ics.text("X-WR-CALNAME", "Agenda Humas \(agenda.unitName)")
        ics.line("X-WR-TIMEZONE", agenda.zone.rawValue)
        for interaction in agenda.interactions {
            event(interaction, generatedAt: generatedAt, into: &ics)
        }
        ics.line("END", "VCALENDAR")
        return ics.text
    }

    private static func event(_ interaction: Interaction, generatedAt: Date, into ics: inout ICalendarWriter) {
        ics.line("BEGIN", "VEVENT")
        ics.line("UID", "interaction-\(interaction.id)@\(uidDomain)")
        ics.time("DTSTAMP", generatedAt)
        ics.time("DTSTART", interaction.startsAt.date)
        if let end = interaction.endsAt { ics.time("DTEND", end.date) }
        ics.time("CREATED", interaction.createdAt)
        ics.time("LAST-MODIFIED", interaction.updatedAt)
        ics.text("SUMMARY", interaction.status == .cancelled ? "DIBATALKAN: \(interaction.title)" : interaction.title)
        if let place = interaction.place ?? interaction.meetingUrl { ics.text("LOCATION", place) }
        if let url = interaction.meetingUrl { ics.line("URL", url) }
        ics.text("DESCRIPTION", description(interaction))
        // A list property: the comma separates values and is not escaped (RFC 5545, 3.8.1.2).
        ics.line("CATEGORIES", [interaction.kind.rawValue, interaction.strategy.rawValue].map(ICalendarWriter.escape).joined(separator: ","))
        ics.line("STATUS", interaction.status == .cancelled ? "CANCELLED" : "CONFIRMED")
        ics.line("TRANSP", "OPAQUE")
        ics.line("END", "VEVENT")
    }

    /// What a reader of the event sees in Bahasa Indonesia: the kind, mode, strategy and owner.
    private static func description(_ interaction: Interaction) -> String {
        var lines = [
            "Kegiatan: \(interaction.kind.rawValue) (\(interaction.mode.rawValue))",
            "Strategi Bakohumas: \(interaction.strategy.rawValue)",
            "Penyelenggara: \(interaction.unitName)" + (interaction.coorganizers.isEmpty ? "" : " bersama \(interaction.coorganizers.joined(separator: ", "))"),
        ]
        if let reason = interaction.cancelReason { lines.append("Dibatalkan: \(reason)") }
        if let summary = interaction.summary { lines.append(summary) }
        if let url = interaction.meetingUrl { lines.append("Tautan: \(url)") }
        return lines.joined(separator: "\n")
    }
}
