import Foundation

/// One delivery of a morning report that sendmail accepted.
public struct SentReport: Sendable, Equatable {
    public var sentAt: Date
    /// Without angle brackets.
    public var messageID: String
    /// The envelope recipients.
    public var recipients: [String]

    public init(sentAt: Date, messageID: String, recipients: [String]) {
        self.sentAt = sentAt
        self.messageID = messageID
        self.recipients = recipients
    }
}

/// `<store>/sent.json`: for each morning, every delivery in order (more than one only after
/// `--force`). This is what makes `--send` once per morning.
struct SentLog: Sendable {
    let url: URL

    init(store: URL) {
        url = store.appendingPathComponent("sent.json")
    }

    /// All deliveries by morning; empty when the file does not exist yet.
    ///
    /// - Throws: `TenBoardError` (65) when the file exists but cannot be read: tenboard then
    ///   cannot know what was sent, so it sends nothing rather than risk sending twice.
    func load() throws(TenBoardError) -> [LocalDate: [SentReport]] {
        guard let data = try StoreFile.read(url, what: .sentLog) else { return [:] }
        let file = try MailFileJSON(data, url: url, what: .sentLog, damaged: { $0.sentLogDamaged })
        var log: [LocalDate: [SentReport]] = [:]
        for (key, value) in file.members {
            guard let morning = LocalDate(key) else {
                throw TenBoardError(exitCode: .dataError) { $0.notAMorningKey(url.path, Untrusted.quoted(key)) }
            }
            guard case .array(let entries) = value else {
                throw TenBoardError(exitCode: .dataError) { $0.notDeliveries(url.path, Untrusted.quoted(key)) }
            }
            log[morning] = try entries.map { entry throws(TenBoardError) in
                guard case .object(let fields) = entry else {
                    throw TenBoardError(exitCode: .dataError) { $0.notDeliveries(url.path, Untrusted.quoted(key)) }
                }
                return SentReport(sentAt: try MailFileJSON.date(fields["sentAt"], "sentAt", in: url),
                                  messageID: try MailFileJSON.string(fields["messageID"], "messageID", in: url),
                                  recipients: try MailFileJSON.strings(fields["recipients"], "recipients", in: url))
            }
        }
        return log
    }

    /// Adds one delivery. The caller holds the store lock across this read-modify-write.
    func record(_ report: SentReport, for morning: LocalDate) throws(TenBoardError) {
        var log = try load()
        log[morning, default: []].append(report)
        let json = JSONValue.object(Dictionary(uniqueKeysWithValues: log.map { morning, reports in
            (morning.description, JSONValue.array(reports.map { report in
                .object(["sentAt": MailFileJSON.date(report.sentAt), "messageID": .string(report.messageID),
                         "recipients": .array(report.recipients.map(JSONValue.string))])
            }))
        }))
        try AtomicFile.write(MailFileJSON.bytes(json), to: url)
    }
}
