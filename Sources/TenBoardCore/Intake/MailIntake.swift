import Foundation

/// Records received mail in the store (`tenboard intake`): a new issue, or a message added to the
/// issue it replies to; the same `Message-ID` once; auto-replies and bounces filed in the intake
/// log instead. The raw message is kept in the store's `mail/` folder.
///
/// Intakes run one at a time (`intake.lock`), so that deciding "new, reply or duplicate" and
/// recording it are one step; the store's own lock is taken inside, by its usual API.
public struct MailIntake: Sendable {
    public let store: IssueStore
    public let settings: IntakeSettings
    public var limits: MIMELimits
    /// How long to wait for another intake or writer before giving up with exit 75.
    public var lockTimeout: TimeInterval

    /// The folder of the store that holds intake's lock, index and log.
    public static let directoryName = "intake"
    /// The folder of the store that holds the kept messages.
    public static let mailDirectoryName = "mail"
    /// The most text of one message kept in the issue itself; the whole message is in the copy.
    /// Small, because the hot file holds five weeks of issues and every command reads it.
    public static let maxTextInIssue = 1500

    public init(store: IssueStore, settings: IntakeSettings = IntakeSettings(), limits: MIMELimits = MIMELimits(), lockTimeout: TimeInterval = 30) {
        self.store = store
        self.settings = settings
        self.limits = limits
        self.lockTimeout = lockTimeout
    }

    /// What became of a message.
    public enum Outcome: Sendable, Equatable {
        case created(Issue)
        case appended(Issue)
        case duplicate(issueID: String)
        case filed(reason: String)
    }

    var intakeURL: URL { store.directory.appendingPathComponent(MailIntake.directoryName) }
    public var log: IntakeLog { IntakeLog(store: store.directory) }

    /// Records one message.
    ///
    /// - Parameters:
    ///   - raw: the message as the MTA delivered it.
    ///   - envelopeSender: the MTA's return path (Postfix's `SENDER`), `nil` when unknown.
    ///   - deliveredAt: when it was delivered (a Maildir file's time), used when there is no `Received:`.
    ///   - now: this instant.
    /// - Throws: `TenBoardError` when it could not be stored; the caller exits 75 so the MTA retries.
    public func record(raw: [UInt8], envelopeSender: String? = nil, deliveredAt: Date? = nil, now: Date = Date()) throws(TenBoardError) -> Outcome {
        let mail = IncomingMail(raw: raw, limits: limits)
        let zone = store.schedule.timeZone
        var received = mail.receivedAt ?? deliveredAt ?? now
        // A Received date far ahead of our clock is somebody else's clock: use ours.
        if received > now.addingTimeInterval(300) { received = now }
        let receivedStamp = Timestamp(received.wholeSeconds, in: zone)
        let sender = mail.fromAddress ?? envelopeSender.map(Untrusted.headerValue) ?? ""

        return try withIntakeLock { () throws(TenBoardError) -> Outcome in
            let kept = try keep(raw, mail: mail, at: receivedStamp)
            // A message without a Message-ID is known by its bytes, so a redelivery is still one.
            let messageKey: String? = mail.messageID ?? "raw-\(kept.hash)"
            let isEmpty = raw.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            if let reason = isEmpty ? "an empty message" : IntakeRules.notCustomerReason(mail, envelopeSender: envelopeSender, settings: settings) {
                try log.append(IntakeLog.Entry(
                    at: Timestamp(now.wholeSeconds, in: zone), outcome: "filed", issue: nil, from: sender, subject: mail.subject,
                    messageID: mail.messageID, reason: reason, raw: kept.path), durable: true)
                return .filed(reason: reason)
            }
            let state = try store.snapshot()
            if let id = messageKey, let existing = try issueHolding(messageID: id, in: state) {
                try? log.append(IntakeLog.Entry(
                    at: Timestamp(now.wholeSeconds, in: zone), outcome: "duplicate", issue: existing, from: sender,
                    subject: mail.subject, messageID: id, reason: nil, raw: kept.path))
                return .duplicate(issueID: existing)
            }
            let message = messageRecord(mail, key: messageKey, kept: kept, received: receivedStamp, sender: sender)
            var outcome: Outcome?
            let thread = try threadTarget(mail, in: state)
            // A reply to an issue already in the archive would go straight back there, unseen:
            // it becomes a new issue that names the old one.
            if let target = thread, state.index(of: target) != nil {
                do {
                    let issue = try store.modify(id: target, at: now) { issue in
                        var messages: [JSONValue]
                        if case .array(let items)? = issue.extra[Issue.messagesField] { messages = items } else { messages = [] }
                        messages.append(message)
                        issue.extra[Issue.messagesField] = .array(messages)
                        if !issue.isOpen { issue.extra[Issue.wroteAgainField] = .string(receivedStamp.rfc3339) }
                        if issue.extra[Issue.emailField] == nil, !sender.isEmpty { issue.extra[Issue.emailField] = .string(sender) }
                    }
                    outcome = .appended(issue)
                } catch let error as TenBoardError where error.exitCode == .noInput {
                    outcome = nil // the issue went (withdrawn, edited away): a new one then
                } catch let error as TenBoardError {
                    throw error
                } catch {
                    throw TenBoardError("\(error)", exitCode: .tempFailure)
                }
            }
            if outcome == nil {
                var fields: [String: JSONValue] = [
                    "customer": .string(customerName(mail, sender: sender)),
                    "summary": .string(summary(mail, sender: sender)),
                    "kind": .string(IntakeRules.kind(subject: mail.subject, text: mail.text, rules: settings.kinds).rawValue),
                    "receivedAt": .string(receivedStamp.rfc3339),
                    "channel": .string("mail"),
                    Issue.messagesField: .array([message]),
                ]
                if !sender.isEmpty { fields[Issue.emailField] = .string(sender) }
                if let thread { fields[Issue.followsField] = .string(thread) }
                do {
                    outcome = .created(try store.add(records: [.object(fields)], at: now)[0])
                } catch let error as TenBoardError {
                    throw error
                } catch {
                    throw TenBoardError("\(error)", exitCode: .tempFailure)
                }
            }
            let (issue, word): (Issue, String) = switch outcome! {
            case .created(let i): (i, mail.readProblem == nil ? "new" : "unreadable")
            case .appended(let i): (i, "appended")
            default: fatalError("unreachable")
            }
            // The index only speeds up finding archived issues; the issue itself is the record.
            if let id = messageKey { try? index(messageID: id, issueID: issue.id) }
            try? log.append(IntakeLog.Entry(
                at: Timestamp(now.wholeSeconds, in: zone), outcome: word, issue: issue.id, from: sender, subject: mail.subject,
                messageID: mail.messageID, reason: mail.readProblem, raw: kept.path))
            return outcome!
        }
    }

    // MARK: The issue's fields

    func customerName(_ mail: IncomingMail, sender: String) -> String {
        let name = mail.customer.map { String($0.prefix(200)) } ?? ""
        return name.isEmpty ? (sender.isEmpty ? "unknown sender" : sender) : name
    }

    func summary(_ mail: IncomingMail, sender: String) -> String {
        if let problem = mail.readProblem {
            _ = problem
            return "unreadable mail from \(sender.isEmpty ? "an unknown sender" : sender)"
        }
        var subject = MailIntake.strippedSubject(mail.subject)
        if subject.isEmpty {
            subject = mail.text.split(separator: "\n").first.map { Untrusted.headerValue(String($0)) } ?? ""
        }
        if subject.isEmpty { subject = "(no subject)" }
        return subject.count > 200 ? String(subject.prefix(199)) + "…" : subject
    }

    /// A subject without reply and forward prefixes (`Re:`, `Fwd:`, `Antw:`, `AW:`, `Doorst:`).
    static func strippedSubject(_ subject: String) -> String {
        var s = Substring(subject.trimmingBlanks())
        let prefixes = ["re:", "fw:", "fwd:", "antw:", "aw:", "doorst:", "wg:", "sv:", "tr:"]
        var changed = true
        while changed {
            changed = false
            for p in prefixes where s.lowercased().hasPrefix(p) {
                s = s.dropFirst(p.count).drop(while: { $0 == " " })
                changed = true
            }
        }
        return String(s)
    }

    /// The message as kept in the issue's `messages` list.
    func messageRecord(_ mail: IncomingMail, key: String?, kept: KeptMessage, received: Timestamp, sender: String) -> JSONValue {
        var o: [String: JSONValue] = [
            "receivedAt": .string(received.rfc3339), "from": .string(sender), "subject": .string(mail.subject),
            "raw": .string(kept.path),
        ]
        if let key { o["messageId"] = .string(key) }
        var notes = mail.notes
        if let problem = mail.readProblem { notes.append("not readable as MIME: \(problem)") }
        var text = mail.text
        if text.count > MailIntake.maxTextInIssue {
            text = String(text.prefix(MailIntake.maxTextInIssue))
            notes.append("only the first \(MailIntake.maxTextInIssue) characters are shown here; the whole message is in \(kept.path)")
        }
        o["text"] = .string(text)
        if let dropped = kept.note { notes.append(dropped) }
        if !notes.isEmpty { o["notes"] = .array(notes.map(JSONValue.string)) }
        return .object(o)
    }

    // MARK: Threading and duplicates

    /// The issue that already holds `messageID`: the hot file first, then the index (for archived history).
    func issueHolding(messageID: String, in state: StoreState) throws(TenBoardError) -> String? {
        if let issue = state.issues.first(where: { $0.hasMessage(id: messageID) }) { return issue.id }
        for id in lookUp(messageID) {
            if let i = state.index(of: id) {
                if state.issues[i].hasMessage(id: messageID) { return id }
            } else if let number = Int(id), number < state.nextID {
                return id // archived
            }
        }
        return nil
    }

    /// The issue a message belongs to: one of its references, else its subject's `[#id]` tag.
    func threadTarget(_ mail: IncomingMail, in state: StoreState) throws(TenBoardError) -> String? {
        guard mail.readProblem == nil else { return nil }
        for ref in mail.references.prefix(20) {
            if let id = try issueHolding(messageID: ref, in: state) { return id }
        }
        if let tag = MailIntake.subjectTag(mail.subject) {
            if state.index(of: tag) != nil { return tag }
            if (try? store.issue(id: tag)) != nil { return tag }
        }
        return nil
    }

    /// The id in a subject's `[#42]` tag.
    static func subjectTag(_ subject: String) -> String? {
        var rest = Substring(subject)
        while let open = rest.range(of: "[#") {
            let after = rest[open.upperBound...]
            let digits = after.prefix(while: { $0.isASCII && $0.isNumber })
            if !digits.isEmpty, digits.count <= 12, after.dropFirst(digits.count).first == "]" { return String(digits) }
            rest = after
        }
        return nil
    }

    /// Index of message ids for archived issues: `intake/ids/XYZ` (XYZ from a hash of the id), lines `issue<TAB>message-id`.
    func indexFile(_ messageID: String) -> URL {
        let hash = MailIntake.fnv1a(Array(messageID.utf8))
        let bucket = String(hash & 0xFFF, radix: 16)
        return intakeURL.appendingPathComponent("ids").appendingPathComponent(String(repeating: "0", count: 3 - bucket.count) + bucket)
    }

    func lookUp(_ messageID: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: indexFile(messageID).path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let pieces = line.split(separator: "\t", maxSplits: 1)
            return pieces.count == 2 && pieces[1] == messageID ? String(pieces[0]) : nil
        }
    }

    func index(messageID: String, issueID: String) throws(TenBoardError) {
        let url = indexFile(messageID)
        try AtomicFile.makeDirectory(url.deletingLastPathComponent())
        let line = Array("\(issueID)\t\(messageID)\n".utf8)
        let fd = try IntakeLog.openForAppending(url.path, .messageIDIndex)
        defer { fd.closeQuietly() }
        try? fd.write(whole: Data(line))
    }

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { b in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in b { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
            return h
        }
    }

    // MARK: Keeping the message

    /// Where a message was kept, relative to the store, and what was dropped from it.
    struct KeptMessage {
        var path: String
        var note: String?
        /// The kept bytes' hash and size, `0123456789abcdef-4711`.
        var hash: String
    }

    /// Writes the message (its big parts dropped when over the cap) to `mail/YYYY-MM/HASH.eml`;
    /// the name comes from the content, so a redelivery writes the same file.
    func keep(_ raw: [UInt8], mail: IncomingMail, at received: Timestamp) throws(TenBoardError) -> KeptMessage {
        let (bytes, note) = capped(raw, mail: mail)
        let hex = String(MailIntake.fnv1a(bytes), radix: 16)
        let hash = String(repeating: "0", count: 16 - hex.count) + hex + "-\(bytes.count)"
        let month = String(received.rfc3339.prefix(7))
        let relative = "\(MailIntake.mailDirectoryName)/\(month)/\(hash).eml"
        let url = store.directory.appendingPathComponent(relative)
        try AtomicFile.makeDirectory(url.deletingLastPathComponent())
        if let info = FileSystemCalls.info(url.path), Int(info.size) == bytes.count { return KeptMessage(path: relative, note: note, hash: hash) }
        try AtomicFile.write(Data(bytes), to: url)
        return KeptMessage(path: relative, note: note, hash: hash)
    }

    /// `raw` within `settings.maxMessageBytes`: the biggest parts replaced by a line that says so;
    /// a message that is not readable MIME is cut.
    func capped(_ raw: [UInt8], mail: IncomingMail) -> ([UInt8], String?) {
        let cap = settings.maxMessageBytes
        guard raw.count > cap else { return (raw, nil) }
        guard let message = mail.message else {
            return (Array(raw.prefix(cap)), "the message was \(raw.count) bytes; only its first \(cap) bytes are kept (intake-max-size)")
        }
        var excess = raw.count - cap
        var drop: [MIMEPart] = []
        for part in message.root.leaves.sorted(by: { $0.body.count > $1.body.count }) where excess > 0 {
            drop.append(part)
            excess -= part.body.count
        }
        var out: [UInt8] = []
        var at = 0
        for part in drop.sorted(by: { $0.body.lowerBound < $1.body.lowerBound }) {
            out += raw[at..<part.body.lowerBound]
            out += Array("[tenboard: a part of \(part.body.count) bytes was dropped here: over intake-max-size]\n".utf8)
            at = part.body.upperBound
        }
        out += raw[at...]
        if out.count > cap { out = Array(out.prefix(cap)) }
        return (out, "\(drop.count) part\(drop.count == 1 ? "" : "s") of the message dropped from the kept copy: it was \(raw.count) bytes, over intake-max-size (\(cap))")
    }

    // MARK: Locking

    func withIntakeLock<T>(_ body: () throws(TenBoardError) -> T) throws(TenBoardError) -> T {
        let lock = try LockFile(in: intakeURL, name: "intake.lock")
        let (path, seconds) = (lock.path, Int(lockTimeout))
        try lock.lock(timeout: lockTimeout) { TenBoardError(exitCode: .tempFailure) { $0.intakeLocked(path, seconds: seconds) } }
        defer { lock.unlock() }
        return try body()
    }
}
