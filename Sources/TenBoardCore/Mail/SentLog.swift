import Foundation

/// One delivery of a morning report that sendmail accepted.
public struct SentReport: Sendable, Equatable, Codable {
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
        guard let data = try StoreFile.read(url, what: "record of sent reports") else { return [:] }
        let raw: [String: [SentReport]]
        do {
            raw = try JSONDecoder.mailFiles.decode([String: [SentReport]].self, from: data)
        } catch {
            throw TenBoardError(
                "\(url.path) is damaged, so tenboard cannot tell which reports were sent; repair or move it away (\(error))",
                exitCode: .dataError)
        }
        var log: [LocalDate: [SentReport]] = [:]
        for (key, value) in raw {
            guard let morning = LocalDate(key) else {
                throw TenBoardError("\(url.path) has '\(Untrusted.quoted(key))' where a morning (YYYY-MM-DD) belongs", exitCode: .dataError)
            }
            log[morning] = value
        }
        return log
    }

    /// Adds one delivery. The caller holds the store lock across this read-modify-write.
    func record(_ report: SentReport, for morning: LocalDate) throws(TenBoardError) {
        var log = try load()
        log[morning, default: []].append(report)
        let raw = Dictionary(uniqueKeysWithValues: log.map { ($0.key.description, $0.value) })
        let data: Data
        do {
            data = try JSONEncoder.mailFiles.encode(raw)
        } catch {
            throw TenBoardError("cannot encode \(url.path): \(error)", exitCode: .software)
        }
        try AtomicFile.write(data, to: url)
    }
}
