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
            guard let data = try StoreFile.read(metaURL(morning), what: "outbox metadata") else { continue }
            do {
                let meta = try JSONDecoder.mailFiles.decode(Meta.self, from: data)
                reports.append(meta.report(morning: morning, file: emlURL(morning)))
            } catch {
                throw TenBoardError("\(metaURL(morning).path) is not valid outbox metadata: \(error)", exitCode: .dataError)
            }
        }
        return reports
    }

    func message(_ morning: LocalDate) throws(TenBoardError) -> Data {
        guard let data = try StoreFile.read(emlURL(morning), what: "outbox message") else {
            throw StoreFile.error(.missing, emlURL(morning).path, "outbox message")
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
        let data: Data
        do {
            data = try JSONEncoder.mailFiles.encode(Meta(report))
        } catch {
            throw TenBoardError("cannot encode outbox metadata: \(error)", exitCode: .software)
        }
        try AtomicFile.write(data, to: metaURL(report.morning))
    }

    /// Removes a report from the outbox, `.eml` first. The caller holds `MailLock`.
    func remove(_ morning: LocalDate) {
        guard StoreFile.isRealDirectory(directory) else { return }
        unlink(emlURL(morning).path)
        unlink(metaURL(morning).path)
        AtomicFile.syncDirectory(directory.path)
    }

    /// The JSON beside each `.eml`.
    private struct Meta: Codable {
        var messageID: String
        var sender: String
        var recipients: [String]
        var composedAt: Date
        var attempts: Int
        var lastAttemptAt: Date?
        var lastError: String?
        var sendingSince: Date?

        init(_ r: PendingReport) {
            messageID = r.messageID
            sender = r.sender
            recipients = r.recipients
            composedAt = r.composedAt
            attempts = r.attempts
            lastAttemptAt = r.lastAttemptAt
            lastError = r.lastError
            sendingSince = r.sendingSince
        }

        func report(morning: LocalDate, file: URL) -> PendingReport {
            PendingReport(
                morning: morning, messageID: messageID, sender: sender, recipients: recipients,
                composedAt: composedAt, attempts: attempts, lastAttemptAt: lastAttemptAt,
                lastError: lastError, sendingSince: sendingSince, file: file)
        }
    }
}

extension JSONEncoder {
    /// Sorted keys (stable files), ISO 8601 dates in whole seconds.
    static var mailFiles: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension JSONDecoder {
    static var mailFiles: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
