/// What each kind of activity looks like in a humas team's log: how common it is, how it is
/// held, which Bakohumas strategy it usually serves and who takes part.
struct InteractionKind: Sendable {
    let code: String
    /// Share among all activities (relative).
    let weight: Double
    /// Shares of daring and hybrid; the rest is luring.
    let daring: Double
    let hybrid: Double
    /// The strategy the kind usually serves; otherwise one is drawn from the overall shares.
    let usualStrategies: [String]
    let participants: ClosedRange<Int>
    /// The first participant's role (an interviewer, a talkshow's host), then the others'.
    let leadRole: String?
    let title: @Sendable (_ topic: String, _ unit: GeneratorUnit) -> String

    /// Press releases, coordination meetings and socialization are the daily work; hoax
    /// clarifications and focus groups are rarer.
    static let all: [InteractionKind] = [
        .init(code: "press_release", weight: 18, daring: 0.9, hybrid: 0, usualStrategies: ["informasi"],
              participants: 0...2, leadRole: nil) { topic, _ in "Siaran Pers: \(topic)" },
        .init(code: "coordination_meeting", weight: 17, daring: 0.2, hybrid: 0.15, usualStrategies: ["pertemuan", "jejaring"],
              participants: 2...8, leadRole: nil) { topic, _ in "Rapat Koordinasi \(topic)" },
        .init(code: "socialization", weight: 16, daring: 0.1, hybrid: 0.1, usualStrategies: ["partisipasi", "informasi"],
              participants: 1...6, leadRole: "speaker") { topic, unit in "Sosialisasi \(topic) di \(unit.regionName)" },
        .init(code: "press_conference", weight: 6, daring: 0.1, hybrid: 0.25, usualStrategies: ["informasi", "citra"],
              participants: 3...8, leadRole: nil) { topic, _ in "Konferensi Pers \(topic)" },
        .init(code: "interview", weight: 6, daring: 0.35, hybrid: 0, usualStrategies: ["informasi", "citra"],
              participants: 1...2, leadRole: "interviewer") { topic, _ in "Wawancara Media: \(topic)" },
        .init(code: "media_gathering", weight: 5, daring: 0, hybrid: 0.05, usualStrategies: ["jejaring", "citra"],
              participants: 4...8, leadRole: nil) { _, unit in "Media Gathering KPU \(unit.regionName)" },
        .init(code: "audience", weight: 5, daring: 0.05, hybrid: 0, usualStrategies: ["jejaring", "pertemuan"],
              participants: 2...6, leadRole: nil) { topic, _ in "Audiensi: \(topic)" },
        .init(code: "visit", weight: 5, daring: 0, hybrid: 0, usualStrategies: ["jejaring"],
              participants: 1...4, leadRole: "host") { _, unit in "Kunjungan Redaksi Media \(unit.regionName)" },
        .init(code: "call", weight: 5, daring: 1, hybrid: 0, usualStrategies: ["jejaring", "informasi"],
              participants: 1...1, leadRole: nil) { topic, _ in "Telepon Konfirmasi \(topic)" },
        .init(code: "message", weight: 5, daring: 1, hybrid: 0, usualStrategies: ["informasi"],
              participants: 1...3, leadRole: nil) { topic, _ in "Pesan Undangan \(topic)" },
        .init(code: "talkshow", weight: 4, daring: 0.3, hybrid: 0.2, usualStrategies: ["informasi", "partisipasi"],
              participants: 2...4, leadRole: "host") { topic, _ in "Talkshow: \(topic)" },
        .init(code: "focus_group", weight: 3, daring: 0.15, hybrid: 0.15, usualStrategies: ["evaluasi", "sdm"],
              participants: 4...8, leadRole: "moderator") { topic, _ in "Diskusi Kelompok Terpumpun \(topic)" },
        .init(code: "hoax_clarification", weight: 2.5, daring: 0.7, hybrid: 0.1, usualStrategies: ["citra", "informasi"],
              participants: 0...4, leadRole: nil) { hoax, _ in "Klarifikasi Hoaks: \(hoax)" },
        .init(code: "other", weight: 2.5, daring: 0.3, hybrid: 0.1, usualStrategies: ["sarana", "sdm", "evaluasi"],
              participants: 0...3, leadRole: nil) { topic, _ in "Kegiatan Kehumasan: \(topic)" },
    ]

    /// The eight Bakohumas strategies and their overall shares: information, meetings and
    /// networks most.
    static let strategies = WeightedChoice([
        ("informasi", 26.0), ("pertemuan", 21.0), ("jejaring", 19.0), ("partisipasi", 12.0), ("citra", 8.0),
        ("evaluasi", 5.0), ("sarana", 5.0), ("sdm", 4.0),
    ])
}
