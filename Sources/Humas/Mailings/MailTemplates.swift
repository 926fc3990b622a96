import Foundation
import Mustache

/// A mailing's subject, text and HTML as Mustache templates over the ``MergeField``s.
///
/// Checked when saved, not when sent: a template that does not parse is refused with its line,
/// and one that names a field Humas does not fill is refused with the field's name, because a
/// press release that reaches 800 journalists as "Yth. {{nma}}" cannot be recalled. The subject
/// and text are plain text (nothing escaped); in the HTML every value is escaped.
struct MailTemplates: Sendable {
    let subject: MustacheTemplate
    let text: MustacheTemplate
    let html: MustacheTemplate?

    init(subject: String, text: String, html: String?) throws {
        var problems = FieldProblems()
        for (field, source) in [("subject", subject), ("text", text)] where source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.add(field, "is empty; write the \(field == "subject" ? "subject line" : "message text"), merge fields such as {{nama}} allowed")
        }
        let subject = problems.check { try Self.parse(subject, field: "subject", plainText: true) }
        let text = problems.check { try Self.parse(text, field: "text", plainText: true) }
        let html = problems.check { try html.map { try Self.parse($0, field: "html", plainText: false) } }
        try problems.throwIfAny()
        self.subject = subject!
        self.text = text!
        self.html = html ?? nil
    }

    /// The message for one recipient, with the Indonesian footer under both parts.
    func render(_ fields: MergeValues) -> RenderedMail {
        let values = fields.dictionary
        var subject = self.subject.render(values)
        if subject.contains(where: \.isNewline) {
            subject = subject.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ")
        }
        subject = subject.trimmingCharacters(in: .whitespaces)
        let text = self.text.render(values) + MailFooter.text(fields)
        let html = self.html.map { MailFooter.appendHTML(to: $0.render(values), fields) }
        return RenderedMail(subject: subject, text: text, html: html)
    }

    private static let plainTextPragma = "{{% CONTENT_TYPE: TEXT}}"

    private static func parse(_ source: String, field: String, plainText: Bool) throws -> MustacheTemplate {
        guard source.utf8.count <= 1_000_000 else {
            throw HumasError.invalid(field: field, message: "is over 1 MB; a mailing's template must be shorter")
        }
        let template: MustacheTemplate
        do {
            // The pragma sits on line 1 before the user's text, so error lines stay theirs.
            template = try MustacheTemplate(string: (plainText ? Self.plainTextPragma : "") + source)
        } catch let error as MustacheTemplate.ParserError {
            throw HumasError.invalid(field: field, message: "line \(error.context.lineNumber): \(describe(error.error)) (near \"\(error.context.line.replacingOccurrences(of: Self.plainTextPragma, with: "").trimmingCharacters(in: .whitespaces).prefix(60))\")")
        }
        let unknown = namesUsed(by: template).subtracting(MergeField.names).sorted()
        if let first = unknown.first {
            let more = unknown.count > 1 ? " (also: \(unknown.dropFirst().joined(separator: ", ")))" : ""
            throw HumasError.invalid(field: field, message: "unknown merge field {{\(first)}}\(more); the fields are \(MergeField.names.sorted().joined(separator: ", "))")
        }
        return template
    }

    /// Every name the template looks up: rendered once with every field set (sections open)
    /// and once with none (inverted sections open), recording each lookup.
    private static func namesUsed(by template: MustacheTemplate) -> Set<String> {
        let full = LookupRecorder(values: Dictionary(uniqueKeysWithValues: MergeField.names.map { ($0, "x") }))
        _ = template.render(full)
        let empty = LookupRecorder(values: [:])
        _ = template.render(empty)
        return full.names.union(empty.names)
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a section is closed with another name than it was opened with ({{#a}}…{{/b}})"
        case .unfinishedName: "a tag is not finished: {{ without }}"
        case .expectedSectionEnd: "a section is opened and never closed: {{#name}} needs {{/name}}"
        case .invalidSetDelimiter: "the delimiter change {{=… =}} is malformed"
        case .some: "Mustache cannot read this tag"
        case nil: "\(error)"
        }
    }
}

/// Subject, text and HTML of one recipient's message.
public struct RenderedMail: Sendable, Codable, Hashable {
    public var subject: String
    public var text: String
    public var html: String?
}

/// Answers Mustache's lookups from `values` and remembers every name asked for.
private final class LookupRecorder: MustacheParent {
    let values: [String: String]
    private(set) var names: Set<String> = []

    init(values: [String: String]) {
        self.values = values
    }

    func child(named name: String) -> Any? {
        names.insert(name)
        return values[name]
    }
}
