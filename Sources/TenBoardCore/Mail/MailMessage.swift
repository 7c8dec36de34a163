import Foundation

/// A mail with a plain-text and an HTML alternative, ready to be written as RFC 5322 / MIME.
public struct MailMessage: Sendable, Equatable {
    public var from: MailAddress
    public var to: [MailAddress]
    /// Written as is when it is printable ASCII, as RFC 2047 encoded-words otherwise. Must not
    /// contain control characters: pass untrusted text through `Untrusted.headerValue` first.
    public var subject: String
    public var date: Date
    /// The zone whose offset the `Date` header shows (`+0100` for Europe/Amsterdam in winter).
    public var timeZone: TimeZone
    /// The `Message-ID` without angle brackets, from `MessageID.make`.
    public var messageID: String
    /// The `text/plain` part, the first alternative.
    public var text: String
    /// The `text/html` part, the preferred alternative; `nil` sends plain text only.
    public var html: String?
    /// `Content-Language`, such as `nl`; `nil` leaves the header out.
    public var language: String?

    public init(
        from: MailAddress, to: [MailAddress], subject: String, date: Date, timeZone: TimeZone,
        messageID: String, text: String, html: String? = nil, language: String? = nil
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.timeZone = timeZone
        self.messageID = messageID
        self.text = text
        self.html = html
        self.language = language
    }


    /// The message as written to sendmail's standard input: LF line endings, no dot-stuffing
    /// (sendmail runs with `-i`; msmtp stuffs dots itself).
    ///
    /// - Throws: `InvalidHeaderValue` when an address, display name, subject or Message-ID could
    ///   break the header: nothing is written then.
    public func rendered() throws(InvalidHeaderValue) -> String {
        guard MessageID.isValid(messageID) else {
            throw InvalidHeaderValue(header: "Message-ID", problem: "is not of the form left@right")
        }
        var headers = [
            try HeaderEncoding.addressList("From", [from]),
            try HeaderEncoding.addressList("To", to),
            try HeaderEncoding.unstructured("Subject", subject),
            "Date: " + MailMessage.dateHeader(date, in: timeZone),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            // RFC 3834: a report written by a program, so vacation responders stay quiet.
            "Auto-Submitted: auto-generated",
        ]
        if let language, language.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }), !language.isEmpty {
            headers.append("Content-Language: \(language)")
        }
        /// A UTF-8 body part in quoted-printable (lines ≤ 76, so no line reaches 998 bytes).
        func part(_ type: String, _ body: String) -> String {
            ["Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
             QuotedPrintable.encode(body)].joined(separator: "\n")
        }
        let textPart = part("text/plain", text)
        guard let html else {
            return (headers + [textPart]).joined(separator: "\n") + "\n"
        }
        // `=_` never occurs in quoted-printable output, so the boundary cannot occur in a part.
        let unique = messageID.prefix(while: { $0 != "@" }).split(separator: ".").last ?? ""
        let boundary = "=_tenboard_" + String(unique.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.suffix(40))
        let htmlPart = part("text/html", html)
        headers.append("Content-Type: multipart/alternative;\n boundary=\"\(boundary)\"")
        return (headers + [
            "",
            "This is a message in MIME format: plain text and HTML.",
            "",
            "--" + boundary,
            textPart,
            "--" + boundary,
            htmlPart,
            "--" + boundary + "--",
        ]).joined(separator: "\n") + "\n"
    }

    /// The RFC 5322 date: `Tue, 24 Nov 2026 10:00:00 +0100`, English whatever the locale.
    public static func dateHeader(_ date: Date, in timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
