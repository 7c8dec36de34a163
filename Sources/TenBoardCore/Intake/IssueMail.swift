import Foundation

/// The mail fields of an issue, kept in its extra fields under documented names
/// (docs/issue-format.md): `email`, `messages`, `wroteAgain`.
extension Issue {
    public static let emailField = "email"
    public static let messagesField = "messages"
    public static let wroteAgainField = "wroteAgain"
    /// On an issue made from a reply to an archived issue: that issue's id.
    public static let followsField = "follows"

    /// The customer's mail address, when the issue came in by mail.
    public var email: String? {
        if case .string(let s)? = extra[Issue.emailField] { return s }
        return nil
    }

    /// The messages received for this issue, oldest first.
    public var mailMessages: [[String: JSONValue]] {
        guard case .array(let items)? = extra[Issue.messagesField] else { return [] }
        return items.compactMap { if case .object(let o) = $0 { return o } else { return nil } }
    }

    /// When the customer wrote again after being helped; `nil` when they did not.
    public var wroteAgain: Timestamp? {
        guard case .string(let s)? = extra[Issue.wroteAgainField], let t = Timestamp(rfc3339: s) else { return nil }
        // Only news while the issue stays resolved since then.
        guard !isOpen, let resolvedAt, t >= resolvedAt else { return nil }
        return t
    }

    /// Helped, then the customer wrote again (a mail threaded onto it after `resolvedAt`): the
    /// board and the wall show it apart, for a lead to decide, until it is reopened or helped again.
    public var wroteAgainSinceHelped: Bool { status == .resolved && wroteAgain != nil }

    /// Whether one of the issue's messages has this `Message-ID`.
    func hasMessage(id: String) -> Bool {
        mailMessages.contains { $0["messageId"] == .string(id) }
    }

    /// The first `lines` lines of the latest message's text, for `show` and the detail view.
    public func mailTextLines(_ lines: Int) -> [String] {
        guard let last = mailMessages.last, case .string(let text)? = last["text"] else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).prefix(lines).map(String.init)
    }
}

extension Issue {
    /// The mail part of an issue's detail (`show`): address, "wrote again", and each message
    /// with its first lines. Label/value pairs, values neutralised for a terminal; the text lines
    /// have an empty label.
    public func mailDetail(zone: TimeZone, language: Language, lines: Int = 12) -> [(String, String)] {
        let nl = language == .nl
        var pairs: [(String, String)] = []
        if let email { pairs.append((nl ? "e-mail" : "email", Untrusted.oneLine(email))) }
        if case .string(let follows)? = extra[Issue.followsField] {
            pairs.append((nl ? "vervolg op" : "follows", Untrusted.oneLine(follows)))
        }
        if let wroteAgain {
            pairs.append((nl ? "schreef opnieuw" : "wrote again", Timestamp(wroteAgain.date, in: zone).rfc3339))
        }
        let messages = mailMessages
        for (n, message) in messages.enumerated() {
            func s(_ key: String) -> String { if case .string(let v)? = message[key] { return v } else { return "" } }
            let when = Timestamp(rfc3339: s("receivedAt")).map { Timestamp($0.date, in: zone).rfc3339 } ?? "?"
            let label = (nl ? "bericht" : "message") + (messages.count > 1 ? " \(n + 1)" : "")
            pairs.append((label, "\(when)  \(Untrusted.oneLine(s("from")))  \(Untrusted.oneLine(s("subject")))"))
            let text = s("text").split(separator: "\n", omittingEmptySubsequences: false)
            for line in text.prefix(lines) { pairs.append(("", "  " + Untrusted.clean(String(line)))) }
            if text.count > lines { pairs.append(("", nl ? "  … (\(text.count - lines) regels meer)" : "  … (\(text.count - lines) more lines)")) }
            if case .array(let notes)? = message["notes"] {
                for case .string(let note) in notes { pairs.append(("", "  [" + Untrusted.oneLine(note) + "]")) }
            }
            if !s("raw").isEmpty { pairs.append(("", "  " + (nl ? "origineel: " : "original: ") + Untrusted.oneLine(s("raw")))) }
        }
        return pairs
    }
}
