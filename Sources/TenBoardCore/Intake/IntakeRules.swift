import Foundation

/// What intake is configured with: the kind keywords, the size cap of a kept message, the
/// senders always or never taken, and who we are (so our own report coming back is not a customer).
public struct IntakeSettings: Sendable, Equatable {
    /// Keyword → kind, tried in order on the subject and the text; the first match wins, and
    /// no match is a question. Config key `intake-kinds`, items `keyword=kind`.
    public var kinds: [(keyword: String, kind: IssueKind)]
    /// The largest message kept whole, in bytes (config `intake-max-size`, default 10 MB); bigger
    /// parts are dropped from the kept copy, and noted.
    public var maxMessageBytes: Int
    /// Senders (`ann@example.nl`) or domains (`example.nl`, `@example.nl`) always taken as
    /// customers, even when their mail looks automatic (config `intake-allow`).
    public var allow: [String]
    /// Senders or domains never taken (config `intake-deny`); wins over `allow`.
    public var deny: [String]
    /// Our own address (the report's sender): mail from it is not a customer.
    public var ownAddress: String?

    public static let defaultKinds: [(keyword: String, kind: IssueKind)] = [
        ("klacht", .complaint), ("complaint", .complaint), ("ontevreden", .complaint),
        ("bug", .bug), ("fout", .bug), ("error", .bug), ("crash", .bug),
        ("storing", .problem), ("werkt niet", .problem), ("broken", .problem), ("kapot", .problem),
        ("doet het niet", .problem), ("does not work", .problem), ("doesn't work", .problem), ("outage", .problem),
    ]

    public init(
        kinds: [(keyword: String, kind: IssueKind)] = IntakeSettings.defaultKinds, maxMessageBytes: Int = 10 << 20,
        allow: [String] = [], deny: [String] = [], ownAddress: String? = nil
    ) {
        self.kinds = kinds
        self.maxMessageBytes = maxMessageBytes
        self.allow = allow
        self.deny = deny
        self.ownAddress = ownAddress
    }

    public static func == (a: IntakeSettings, b: IntakeSettings) -> Bool {
        a.kinds.map(\.keyword) == b.kinds.map(\.keyword) && a.kinds.map(\.kind) == b.kinds.map(\.kind)
            && a.maxMessageBytes == b.maxMessageBytes && a.allow == b.allow && a.deny == b.deny && a.ownAddress == b.ownAddress
    }

    /// Parses `keyword=kind` items (config `intake-kinds`).
    /// - Returns: the rules, or the first item that is not one, with why.
    public static func parseKinds(_ items: [String]) -> Result<[(keyword: String, kind: IssueKind)], IntakeRuleError> {
        var rules: [(keyword: String, kind: IssueKind)] = []
        for item in items {
            let pieces = item.split(separator: "=", maxSplits: 1).map { $0.trimmingBlanks() }
            guard pieces.count == 2, !pieces[0].isEmpty, let kind = IssueKind(rawValue: pieces[1].lowercased()) else {
                return .failure(IntakeRuleError(item: item))
            }
            rules.append((pieces[0].lowercased(), kind))
        }
        return .success(rules)
    }
}

/// An `intake-kinds` item that is not `keyword=kind`.
public struct IntakeRuleError: Error, Sendable, Equatable {
    public var item: String
}

/// The decisions intake takes about a message: is it a customer, and what kind of request.
public enum IntakeRules {
    /// The kind the first matching keyword gives, looked for as a whole word (or words) in the
    /// subject, then in the first 4,000 characters of the text; `.question` when none matches.
    public static func kind(subject: String, text: String, rules: [(keyword: String, kind: IssueKind)]) -> IssueKind {
        for haystack in [subject.lowercased(), String(text.prefix(4000)).lowercased()] {
            for rule in rules where containsWord(haystack, rule.keyword) { return rule.kind }
        }
        return .question
    }

    /// `word` in `text` with no letter or digit right before or after it.
    static func containsWord(_ text: String, _ word: String) -> Bool {
        var searchFrom = text.startIndex
        while let r = text.range(of: word, range: searchFrom..<text.endIndex) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            if !(before?.isLetter ?? false || before?.isNumber ?? false), !(after?.isLetter ?? false || after?.isNumber ?? false) {
                return true
            }
            searchFrom = r.upperBound
        }
        return false
    }

    /// Why a message is not from a customer (auto-reply, bounce, list, our own report, denied),
    /// `nil` when it is one. `envelopeSender` is the MTA's return path (`SENDER`), `nil` if unknown.
    public static func notCustomerReason(_ mail: IncomingMail, envelopeSender: String?, settings: IntakeSettings) -> String? {
        let address = mail.fromAddress?.lowercased() ?? ""
        if matches(address, settings.deny) { return "sender \(address) is on the deny list (intake-deny)" }
        if !address.isEmpty, matches(address, settings.allow) { return nil }
        if let envelopeSender, envelopeSender.isEmpty || envelopeSender == "<>" {
            return "empty envelope sender (a bounce or notification)"
        }
        guard let header = mail.header else { return nil }
        if let auto = header.value("Auto-Submitted")?.lowercased(), !auto.hasPrefix("no") {
            return "Auto-Submitted: \(Untrusted.headerValue(auto)) (an automatic message, RFC 3834)"
        }
        if let precedence = header.value("Precedence")?.lowercased().trimmingBlanks(),
           ["bulk", "junk", "list", "auto_reply", "auto-reply"].contains(precedence) {
            return "Precedence: \(precedence)"
        }
        if header.has("X-Autoreply") || header.has("X-Autorespond") { return "X-Autoreply (an automatic reply)" }
        if header.has("X-Auto-Response-Suppress") { return "X-Auto-Response-Suppress (sent by a program)" }
        if let returnPath = header.value("Return-Path"), returnPath.filter({ $0 != " " }) == "<>" {
            return "empty Return-Path (a bounce or notification)"
        }
        if mail.contentType.mimeType == "multipart/report" {
            let type = mail.contentType.parameters["report-type"]?.lowercased() ?? ""
            return "multipart/report\(type.isEmpty ? "" : "; report-type=\(Untrusted.headerValue(type))") (a delivery or read report)"
        }
        let local = address.split(separator: "@").first.map(String.init) ?? ""
        if ["mailer-daemon", "postmaster"].contains(local) { return "sender \(address) is a mail system" }
        if let own = settings.ownAddress?.lowercased(), address == own { return "sent from our own address \(own)" }
        if mail.references.contains(where: { $0.hasPrefix("tenboard.") }) || (mail.messageID?.hasPrefix("tenboard.") ?? false) {
            return "a reply to or copy of our own morning report"
        }
        return nil
    }

    /// Whether `address` is one of `entries`: a whole address, or a domain (`example.nl` or
    /// `@example.nl`) that the address is at or under.
    static func matches(_ address: String, _ entries: [String]) -> Bool {
        guard !address.isEmpty else { return false }
        let domain = address.split(separator: "@").last.map(String.init) ?? ""
        return entries.contains { entry in
            let e = entry.lowercased().trimmingBlanks()
            if e.contains("@") && !e.hasPrefix("@") { return e == address }
            let d = e.hasPrefix("@") ? String(e.dropFirst()) : e
            return !d.isEmpty && (domain == d || domain.hasSuffix("." + d))
        }
    }
}
