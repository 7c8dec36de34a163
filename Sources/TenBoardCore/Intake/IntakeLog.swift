import Foundation
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// What intake did with each message, one JSON object a line in `intake/log.jsonl` of the store:
/// so a lead can check that nothing real was filed away as an auto-reply or bounce.
public struct IntakeLog: Sendable {
    public let directory: URL
    static let fileName = "log.jsonl"
    /// The log is started afresh (the old one kept as `log.1.jsonl`) past this size.
    static let rotateBytes = 4 << 20

    public init(store: URL) {
        directory = store.appendingPathComponent(MailIntake.directoryName)
    }

    var url: URL { directory.appendingPathComponent(IntakeLog.fileName) }

    /// One line of the log.
    public struct Entry: Sendable, Equatable {
        public var at: Timestamp
        /// `new`, `appended`, `duplicate`, `unreadable` or `filed`.
        public var outcome: String
        public var issue: String?
        public var from: String
        public var subject: String
        public var messageID: String?
        public var reason: String?
        /// The kept copy, relative to the store.
        public var raw: String?

        var json: JSONValue {
            var o: [String: JSONValue] = [
                "at": .string(at.rfc3339), "outcome": .string(outcome), "from": .string(from), "subject": .string(subject),
            ]
            if let issue { o["issue"] = .string(issue) }
            if let messageID { o["messageId"] = .string(messageID) }
            if let reason { o["reason"] = .string(reason) }
            if let raw { o["raw"] = .string(raw) }
            return .object(o)
        }

        init(at: Timestamp, outcome: String, issue: String?, from: String, subject: String, messageID: String?, reason: String?, raw: String?) {
            self.at = at
            self.outcome = outcome
            self.issue = issue
            self.from = from
            self.subject = subject
            self.messageID = messageID
            self.reason = reason
            self.raw = raw
        }

        init?(json: JSONValue) {
            guard case .object(let o) = json, case .string(let at)? = o["at"], let t = Timestamp(rfc3339: at),
                  case .string(let outcome)? = o["outcome"] else { return nil }
            func s(_ k: String) -> String? { if case .string(let v)? = o[k] { return v } else { return nil } }
            self.init(at: t, outcome: outcome, issue: s("issue"), from: s("from") ?? "", subject: s("subject") ?? "",
                      messageID: s("messageId"), reason: s("reason"), raw: s("raw"))
        }
    }

    /// Appends `entry` in one `write` (O_APPEND), so lines of concurrent deliveries never mix.
    /// Call under the intake lock (rotation renames the file).
    ///
    /// - Parameter durable: `fsync` before returning: for a message filed as not a customer, whose
    ///   only record is this line; a recorded message's record is its issue.
    func append(_ entry: Entry, durable: Bool = false) throws(TenBoardError) {
        try AtomicFile.makeDirectory(directory)
        if let info = FileSystemCalls.info(url.path), Int(info.size) > IntakeLog.rotateBytes {
            try? FileSystemCalls.rename(url.path, to: directory.appendingPathComponent("log.1.jsonl").path)
        }
        let line = Data((JSONWriter.compact(entry.json) + "\n").utf8)
        let fd = try IntakeLog.openForAppending(url.path, .intakeLog)
        defer { fd.closeQuietly() }
        do throws(Errno) { try fd.write(whole: line) } catch { throw AtomicFile.failure(error) { $0.cannotWrite(.intakeLog, url.path) } }
        if durable {
            do throws(Errno) { try fd.sync() } catch { throw AtomicFile.failure(error) { $0.cannotWrite(.intakeLog, url.path, toDisk: true) } }
        }
    }

    /// Opens (and creates) a file to append to, group-writable whatever the umask, as the store's
    /// files are: the MTA's user and a lead's `--maildir` run may both write it.
    static func openForAppending(_ path: String, _ what: StoreFileKind) throws(TenBoardError) -> FileDescriptor {
        let fd: FileDescriptor
        do throws(Errno) {
            fd = try .open(path: path, .writeOnly, options: [.append, .create, .noFollow, .closeOnExec], permissions: FilePermissions(rawValue: 0o664))
        } catch {
            throw AtomicFile.failure(error) { $0.cannotOpen(what, path) }
        }
        if let info = try? fd.info(), info.userID.rawValue == ProcessIdentity.userID,
           !info.permissions.isSuperset(of: [.groupRead, .groupWrite]) {
            try? fd.setPermissions(AtomicFile.mode(replacing: path).union([.ownerReadWrite, .groupRead, .groupWrite]))
        }
        return fd
    }

    /// The last `count` entries, oldest first; `filedOnly` keeps the messages that were not taken.
    public func last(_ count: Int, filedOnly: Bool = false) throws(TenBoardError) -> [Entry] {
        var entries: [Entry] = []
        for name in ["log.1.jsonl", IntakeLog.fileName] {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else { continue }
            for line in data.split(separator: 0x0A) {
                guard let value = try? JSONParser.parse(Data(line)), let entry = Entry(json: value) else { continue }
                if filedOnly && entry.outcome != "filed" { continue }
                entries.append(entry)
            }
        }
        return Array(entries.suffix(count))
    }
}
