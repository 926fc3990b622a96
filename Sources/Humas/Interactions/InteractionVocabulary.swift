import Foundation

/// The closed vocabularies of an activity. Each spells its values as users type them (the
/// Bakohumas strategies in Indonesian, as the source document names them), and an unknown value
/// is refused with the list of valid ones.
public enum InteractionKind: String, Sendable, Codable, CaseIterable {
    case pressConference = "press_conference", pressRelease = "press_release"
    case coordinationMeeting = "coordination_meeting", mediaGathering = "media_gathering"
    case interview, talkshow
    /// Audiensi: a delegation received by the office, or the office received by an agency.
    case audience, socialization, visit
    case focusGroup = "focus_group", call, message
    case hoaxClarification = "hoax_clarification", other
}

/// How an activity was held: online (daring), in person (luring), or both.
public enum InteractionMode: String, Sendable, Codable, CaseIterable {
    case daring, luring, hybrid
}

/// The eight Bakohumas strategies every activity serves.
public enum BakohumasStrategy: String, Sendable, Codable, CaseIterable {
    /// Building networks: interaction with internal and external stakeholders.
    case jejaring
    /// Meetings, coordination and cooperation with agencies and stakeholders.
    case pertemuan
    /// Providing programme and policy information.
    case informasi
    /// Encouraging public participation in accessing and spreading electoral information.
    case partisipasi
    /// Managing PR facilities.
    case sarana
    /// Building public opinion, image and a positive reputation.
    case citra
    /// Periodic PR design and evaluation.
    case evaluasi
    /// Preparing skilled staff.
    case sdm
}

public enum InteractionStatus: String, Sendable, Codable, CaseIterable {
    case planned, done, cancelled
}

/// What a participant did at an activity.
public enum ParticipantRole: String, Sendable, Codable, CaseIterable {
    case speaker, attendee, organizer, interviewer, interviewee, host, moderator, guest, observer
}

extension RawRepresentable where Self: CaseIterable, RawValue == String {
    /// The value a user typed (case and spaces forgiven), or an error naming `field` and listing
    /// every valid value.
    public static func parse(_ text: String, field: String) throws -> Self {
        let normalized = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
        guard let value = Self(rawValue: normalized) else {
            let valid = allCases.map(\.rawValue).joined(separator: ", ")
            throw HumasError.invalid(field: field, message: "'\(text)' is not one of \(valid)")
        }
        return value
    }
}
