import Foundation

/// The mail fields of an issue, kept in its extra fields under documented names
/// (docs/issue-format.md): `email`, `messages`, `wroteAgain`.
extension Issue {
    public static let emailField = "email"
    public static let messagesField = "messages"
    public static let wroteAgainField = "wroteAgain"

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
