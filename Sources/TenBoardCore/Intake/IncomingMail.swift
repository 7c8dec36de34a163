import Foundation

/// What intake learns from one received message: who, about what, when it reached us, its text.
///
/// Everything here is untrusted: names and text may hold anything. Line breaks and control
/// characters are taken out of one-line values here; `Untrusted` still cleans all of it before
/// a terminal shows it.
public struct IncomingMail: Sendable {
    /// The message's header, `nil` when it could not be read at all.
    public var header: MIMEHeader?
    /// The top-level content type (`multipart/report` for a bounce).
    public var contentType: ContentType
    /// The `From` display name, decoded, on one line; `nil` when there is none.
    public var fromName: String?
    /// The `From` address (addr-spec), `nil` when there is none.
    public var fromAddress: String?
    /// The `Subject`, decoded, on one line; empty when there is none.
    public var subject: String
    /// The `Message-ID` without its angle brackets.
    public var messageID: String?
    /// The ids of `In-Reply-To` and `References`, nearest first.
    public var references: [String]
    /// The date of the top `Received:` field: when the message reached our server.
    public var receivedAt: Date?
    /// The text to read: the `text/plain` part, else the HTML part as text; decoded.
    public var text: String
    /// What was left out or could not be read, for the person reading the issue.
    public var notes: [String]
    /// Why the message could not be read as MIME, when it could not.
    public var readProblem: String?
    /// The parsed message, for dropping oversize parts from the kept copy.
    public var message: MIMEMessage?

    /// The customer's name as the board shows it: the display name, else the address.
    public var customer: String? {
        if let fromName, !fromName.isEmpty { return fromName }
        return fromAddress
    }

    /// Reads `raw`; never fails: a message that is not readable MIME is described as far as it goes.
    public init(raw: [UInt8], limits: MIMELimits = MIMELimits(), maxTextCharacters: Int = 100_000) {
        contentType = .textPlain
        subject = ""
        references = []
        text = ""
        notes = []
        let message: MIMEMessage
        do {
            message = try MIMEMessage(raw: raw, limits: limits)
        } catch {
            readProblem = error.problem
            // Still try to say who it is from: a From line near the top, read leniently.
            if let from = IncomingMail.scanFrom(raw) {
                let box = MailHeaderValues.mailbox(from)
                fromName = box.name
                fromAddress = box.address.map(Untrusted.headerValue)
            }
            return
        }
        self.message = message
        let header = message.header
        self.header = header
        contentType = message.root.contentType
        if let from = header.value("From") {
            let box = MailHeaderValues.mailbox(from)
            fromName = box.name
            fromAddress = box.address.map(Untrusted.headerValue)
        }
        subject = Untrusted.headerValue(header.decoded("Subject") ?? "")
        messageID = header.value("Message-ID").flatMap { MailHeaderValues.messageIDs($0).first }
        var refs = header.value("In-Reply-To").map(MailHeaderValues.messageIDs) ?? []
        refs += (header.value("References").map(MailHeaderValues.messageIDs) ?? []).reversed()
        var seen = Set<String>()
        references = refs.filter { seen.insert($0).inserted }
        receivedAt = header.values("Received").first.flatMap(MailHeaderValues.receivedDate)
        (text, notes) = IncomingMail.readableText(message, maxCharacters: maxTextCharacters)
    }

    /// The text part to show and what was not shown.
    static func readableText(_ message: MIMEMessage, maxCharacters: Int) -> (String, [String]) {
        let leaves = message.root.leaves
        var notes: [String] = []
        let readable = leaves.filter { !$0.isAttachment && $0.contentType.type == "text" }
        let chosen = readable.first { $0.contentType.subtype == "plain" } ?? readable.first { $0.contentType.subtype == "html" }
        let attachments = leaves.filter { $0.isAttachment || $0.contentType.type != "text" }
        if !attachments.isEmpty {
            let names = attachments.prefix(5).map { part -> String in
                let name = ContentType.parameters(ContentType.splitParameters(part.header.value("Content-Disposition") ?? "").dropFirst())["filename"]
                    ?? part.contentType.parameters["name"] ?? part.contentType.mimeType
                return Untrusted.headerValue(HeaderEncoding.decodeEncodedWords(name))
            }
            notes.append("\(attachments.count) attachment\(attachments.count == 1 ? "" : "s"): \(names.joined(separator: ", "))\(attachments.count > 5 ? ", …" : "")")
        }
        guard let chosen else { return ("", notes) }
        // Enough encoded bytes for maxCharacters of the worst case (4-byte UTF-8, QP-encoded, CRLF).
        let encodedLimit = maxCharacters * 16
        var bytes = message.decodedBody(of: chosen, maxEncodedBytes: encodedLimit)
        if chosen.body.count > encodedLimit {
            // A character cut in two at the end would make the whole text look like another charset.
            var trim = 0
            while trim < 3, let last = bytes.last, last & 0xC0 == 0x80 || last >= 0xC0 {
                bytes.removeLast()
                trim += 1
                if last >= 0xC0 { break }
            }
        }
        let charset = chosen.contentType.parameters["charset"].flatMap(MailCharset.init(name:))
        var text = charset?.decode(bytes) ?? MailCharset.guess(bytes)
        if chosen.contentType.subtype == "html" { text = HTMLText.text(text) }
        text = IncomingMail.normalised(text)
        if text.count > maxCharacters {
            text = String(text.prefix(maxCharacters))
            notes.append("the text was cut after \(maxCharacters) characters; the whole message is kept")
        }
        return (text, notes)
    }

    /// Line breaks as LF; NUL and other control characters except tab and LF removed; trailing
    /// white space and empty lines at the ends trimmed.
    static func normalised(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousCR = false
        for s in text.unicodeScalars {
            if s == "\r" { scalars.append("\n"); previousCR = true; continue }
            defer { previousCR = false }
            if s == "\n" { if !previousCR { scalars.append(s) }; continue }
            if s == "\t" { scalars.append(s); continue }
            if s.value < 0x20 || s.value == 0x7F || (0x80..<0xA0).contains(s.value) { continue }
            scalars.append(s)
        }
        let lines = String(scalars).split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()) }
        let first = lines.firstIndex { !$0.isEmpty } ?? lines.endIndex
        let last = lines.lastIndex { !$0.isEmpty } ?? lines.startIndex
        return first <= last ? lines[first...last].joined(separator: "\n") : ""
    }

    /// A `From:` field near the top of a message that is not readable MIME.
    static func scanFrom(_ raw: [UInt8]) -> String? {
        let head = MailCharset.guess(raw.prefix(64 << 10))
        for line in head.split(separator: "\n", maxSplits: 2000).prefix(2000) {
            if line.isEmpty || line == "\r" { break }
            if line.lowercased().hasPrefix("from:") {
                let value = line.dropFirst(5).trimmingBlanksAndNewlines()
                return String(value.prefix(1000))
            }
        }
        return nil
    }
}
