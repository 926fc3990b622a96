import Foundation

/// A new mailing as a user wrote it: templates as text, the audience and campaign by id or name,
/// the schedule as text (a bare time is the unit's local time on the command line).
public struct NewMailing: Sendable {
    public var name: String
    public var fromAddress: String
    public var fromName: String?
    public var replyTo: String?
    public var subject: String
    public var text: String
    public var html: String?
    public var campaign: String?
    public var list: String?
    public var segment: String?
    public var scheduledAt: String?
    public var ratePerMinute: Int?
    public var attachments: [AttachmentInput] = []
    /// The owning unit's code; default the user's.
    public var unit: String?
    public var origin = InputOrigin.commandLine

    public init(name: String, fromAddress: String, subject: String, text: String) {
        self.name = name
        self.fromAddress = fromAddress
        self.subject = subject
        self.text = text
    }
}

/// What `mailing edit` changes; nil leaves a field as it is, "" clears an optional one. The
/// message and audience change only before sending starts; the rate at any time.
public struct MailingChanges: Sendable {
    public var name: String?
    public var fromAddress: String?
    public var fromName: String?
    public var replyTo: String?
    public var subject: String?
    public var text: String?
    public var html: String?
    public var campaign: String?
    public var list: String?
    public var segment: String?
    public var scheduledAt: String?
    public var ratePerMinute: Int??
    public var addAttachments: [AttachmentInput] = []
    public var removeAttachments: [String] = []
    public var origin = InputOrigin.commandLine

    public init() {}

    var touchesMessage: Bool {
        name != nil || fromAddress != nil || fromName != nil || replyTo != nil || subject != nil || text != nil
            || html != nil || campaign != nil || list != nil || segment != nil || scheduledAt != nil
            || !addAttachments.isEmpty || !removeAttachments.isEmpty
    }

    var isEmpty: Bool { !touchesMessage && ratePerMinute == nil }
}

/// A file to attach: read from a path (the CLI) or given as bytes (the API, base64 in JSON).
public struct AttachmentInput: Sendable {
    public enum Source: Sendable {
        case file(String)
        case bytes([UInt8])
    }

    public var filename: String?
    public var contentType: String?
    public var source: Source

    public init(path: String) {
        source = .file(path)
    }

    public init(filename: String, contentType: String?, bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        source = .bytes(bytes)
    }

    /// The largest attachment a message may carry: relays commonly refuse messages over 10–25 MB,
    /// and base64 adds a third.
    public static let maximumBytes = 10 * 1024 * 1024

    /// The name, type and bytes, checked: present, readable, 1 byte to 10 MB, a plain file name.
    func load(field: String) throws -> (filename: String, contentType: String, data: [UInt8]) {
        let data: [UInt8]
        var name = filename
        switch source {
        case .file(let path):
            let url = URL(fileURLWithPath: path)
            let attributes: [FileAttributeKey: Any]
            do {
                attributes = try FileManager.default.attributesOfItem(atPath: path)
            } catch {
                throw HumasError.invalid(field: field, message: "\(path): no such file; give the path of the PDF or image to attach")
            }
            if attributes[.type] as? FileAttributeType != .typeRegular {
                throw HumasError.invalid(field: field, message: "\(path) is not a file")
            }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            if size > Self.maximumBytes { throw Self.tooLarge(field: field, name: url.lastPathComponent, size: size) }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw HumasError.invalid(field: field, message: "\(path) cannot be read; check its permissions")
            }
            data = Array(contents)
            name = name ?? url.lastPathComponent
        case .bytes(let bytes):
            data = bytes
        }
        let filename = (name ?? "").trimmingCharacters(in: .whitespaces)
        guard !filename.isEmpty, filename.count <= 200, !filename.contains(where: { "/\\\"\r\n".contains($0) }) else {
            throw HumasError.invalid(field: field, message: "'\(filename)' is not a usable file name; use a plain name such as siaran-pers.pdf (no / \\ or quotes)")
        }
        if data.isEmpty { throw HumasError.invalid(field: field, message: "\(filename) is empty") }
        if data.count > Self.maximumBytes { throw Self.tooLarge(field: field, name: filename, size: data.count) }
        let type = contentType?.trimmingCharacters(in: .whitespaces).lowercased() ?? Self.contentType(for: filename)
        // type/subtype as RFC 2045 writes it, no parameters: it goes into a MIME header as is.
        guard type.range(of: #"^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$"#, options: .regularExpression) != nil else {
            throw HumasError.invalid(field: field, message: "content type '\(contentType ?? "")' is not type/subtype, e.g. application/pdf")
        }
        return (filename, type, data)
    }

    private static func tooLarge(field: String, name: String, size: Int) -> HumasError {
        .invalid(field: field, message: "\(name) is \(String(format: "%.1f", Double(size) / 1_048_576)) MB; attachments may be at most 10 MB (link to larger files in the text)")
    }

    static func contentType(for filename: String) -> String {
        switch (filename as NSString).pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "doc": "application/msword"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "txt": "text/plain"
        case "zip": "application/zip"
        default: "application/octet-stream"
        }
    }
}
