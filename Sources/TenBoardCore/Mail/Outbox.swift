import Foundation

/// A report that was composed but is not known to be delivered: `<store>/outbox/<morning>.eml`
/// with its envelope and history in `<morning>.json` beside it.
public struct PendingReport: Sendable, Equatable {
    public var morning: LocalDate
    /// Without angle brackets; a retry sends the same one.
    public var messageID: String
    /// The envelope sender (`-f`).
    public var sender: String
    /// The envelope recipients, as when the report was composed.
    public var recipients: [String]
    public var composedAt: Date
    /// Deliveries started so far, including one that was interrupted.
    public var attempts: Int
    public var lastAttemptAt: Date?
    /// Why the last attempt failed; `nil` before the first attempt.
    public var lastError: String?
    /// Set while an attempt runs. Found set by a later run, it means tenboard stopped mid-send
    /// (a crash, a kill, a power cut): sendmail may or may not have taken the message.
    public var sendingSince: Date?
    /// The `.eml` file, for messages to people and for inspection with a mail client.
    public var file: URL
}

/// The store's outbox directory. Writes go through `AtomicFile` under `MailLock` (no store writer
/// touches `outbox/`, so the store's lock is not needed and cannot delay a report's arrival); the
/// `.eml` is written after its `.json`, so an `.eml` always has its metadata.
struct Outbox: Sendable {
    let directory: URL

    init(store: URL) {
        directory = store.appendingPathComponent("outbox", isDirectory: true)
    }

    func emlURL(_ morning: LocalDate) -> URL { directory.appendingPathComponent("\(morning).eml") }
    func metaURL(_ morning: LocalDate) -> URL { directory.appendingPathComponent("\(morning).json") }

    /// Every pending report, oldest morning first; `[]` when there is no outbox.
    ///
    /// Reads without the lock: files are replaced atomically, so each is old or new, never torn.
    func pending() throws(TenBoardError) -> [PendingReport] {
        try StoreFile.checkDirectory(directory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        let mornings = names.filter { $0.hasSuffix(".eml") }.compactMap { LocalDate(String($0.dropLast(4))) }
        var reports: [PendingReport] = []
        for morning in mornings.sorted() {
            guard let data = try StoreFile.read(metaURL(morning), what: .outboxMetadata) else { continue }
            reports.append(try Self.report(data, morning: morning, url: metaURL(morning), file: emlURL(morning)))
        }
        return reports
    }

    func message(_ morning: LocalDate) throws(TenBoardError) -> Data {
        guard let data = try StoreFile.read(emlURL(morning), what: .outboxMessage) else {
            throw StoreFile.error(.missing, emlURL(morning).path, .outboxMessage)
        }
        return data
    }

    /// Stores `message` as pending for its morning, replacing what was pending for that morning.
    /// The caller holds `MailLock`.
    func put(_ report: PendingReport, message: Data) throws(TenBoardError) {
        try AtomicFile.makeDirectory(directory)
        try StoreFile.checkDirectory(directory)
        try update(report)
        try AtomicFile.write(message, to: emlURL(report.morning))
    }

    /// Rewrites the metadata of a pending report. The caller holds `MailLock`.
    func update(_ report: PendingReport) throws(TenBoardError) {
        try AtomicFile.write(MailFileJSON.bytes(Self.json(report)), to: metaURL(report.morning))
    }

    /// Removes a report from the outbox, `.eml` first. The caller holds `MailLock`.
    func remove(_ morning: LocalDate) {
        guard StoreFile.isRealDirectory(directory) else { return }
        FileSystemCalls.remove(emlURL(morning).path)
        FileSystemCalls.remove(metaURL(morning).path)
        AtomicFile.syncDirectory(directory.path)
    }

    /// The JSON beside each `.eml`.
    static func json(_ r: PendingReport) -> JSONValue {
        .object([
            "messageID": .string(r.messageID), "sender": .string(r.sender), "recipients": .array(r.recipients.map(JSONValue.string)),
            "composedAt": MailFileJSON.date(r.composedAt), "attempts": .int(r.attempts),
            "lastAttemptAt": MailFileJSON.date(r.lastAttemptAt), "lastError": r.lastError.map(JSONValue.string) ?? .null,
            "sendingSince": MailFileJSON.date(r.sendingSince),
        ])
    }

    /// A pending report from its metadata file.
    static func report(_ data: Data, morning: LocalDate, url: URL, file: URL) throws(TenBoardError) -> PendingReport {
        let meta = try MailFileJSON(data, url: url, what: .outboxMetadata, damaged: { $0.outboxDamaged(morning) })
        let fields = Dictionary(uniqueKeysWithValues: meta.members.map { ($0.key, $0.value) })
        return PendingReport(
            morning: morning, messageID: try MailFileJSON.string(fields["messageID"], "messageID", in: url),
            sender: try MailFileJSON.string(fields["sender"], "sender", in: url),
            recipients: try MailFileJSON.strings(fields["recipients"], "recipients", in: url),
            composedAt: try MailFileJSON.date(fields["composedAt"], "composedAt", in: url),
            attempts: try MailFileJSON.int(fields["attempts"], "attempts", in: url),
            lastAttemptAt: try MailFileJSON.optionalDate(fields["lastAttemptAt"], "lastAttemptAt", in: url),
            lastError: try MailFileJSON.optionalString(fields["lastError"], "lastError", in: url),
            sendingSince: try MailFileJSON.optionalDate(fields["sendingSince"], "sendingSince", in: url), file: file)
    }
}
