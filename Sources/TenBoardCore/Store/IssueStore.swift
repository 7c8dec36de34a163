import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A cheap fingerprint of the hot file: when it differs from the last one, re-read the store.
public struct FileStamp: Sendable, Equatable {
    var inode: UInt64
    var seconds: Int
    var nanoseconds: Int
    var size: Int64
}

/// The issues of a team, in a directory that several processes read and change at once.
///
/// Every change is a read-modify-write under the store's exclusive lock (`StoreLock`), and every
/// file is replaced atomically (`AtomicFile`), so readers never lock and never see half a file,
/// and no update is lost. Open issues and those of the last five weeks live in one hot file,
/// `issues.json`; older history moves to monthly archive segments so that the commands a team
/// uses all day do not slow down as the years pass.
public final class IssueStore: Sendable {
    public let directory: URL
    public let schedule: MorningSchedule
    /// Resolved issues whose morning, and whose help, lie more than this many days back move to
    /// the archive.
    ///
    /// Five weeks by default (`hotDays`): the screens read the hot file alone, and what they
    /// show reaches that far back: the strip of the last 20 mornings with customers (about four
    /// weeks of working days) and who helped how many this month. Older mornings are read from
    /// the archive (`input(forMorning:)`), and the streak over them is carried in the hot file
    /// (`StreakBase`). A shorter window makes a very large store's commands cheaper (the hot
    /// file is read by every command and rewritten by every change; README, Benchmarks) but
    /// would need those screens' rows kept apart first.
    public let archiveAfterDays: Int

    /// The default of `archiveAfterDays`.
    public static let hotDays = 35

    public static let hotFileName = "issues.json"

    /// The real time: a change dated later than this (plus a minute of clock skew) is refused,
    /// and the archive horizon never moves past it. Tests set it.
    let clock: @Sendable () -> Date

    /// How far a change may be dated after the real time (clocks of two machines differ a little).
    public static let clockSkew: TimeInterval = 60

    public init(
        directory: URL, schedule: MorningSchedule = MorningSchedule(), archiveAfterDays: Int = IssueStore.hotDays,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.directory = directory
        self.schedule = schedule
        self.archiveAfterDays = archiveAfterDays
        self.clock = clock
    }

    public var hotURL: URL { directory.appendingPathComponent(IssueStore.hotFileName) }
    var archiveURL: URL { directory.appendingPathComponent(ArchiveSegment.directoryName) }

    // MARK: Reading

    /// The store as it is now, read without a lock (files are only ever replaced whole).
    ///
    /// A store that does not exist yet reads as empty.
    /// - Throws: `TenBoardError` exit 65 naming the file and the line or field when it is damaged.
    public func snapshot() throws(TenBoardError) -> StoreSnapshot {
        try load() ?? StoreState()
    }

    /// Whether the store's hot file exists (a store is created by its first change).
    public var exists: Bool { FileManager.default.fileExists(atPath: hotURL.path) }

    /// A fingerprint of the hot file, `nil` when there is none; compare it each tick.
    public func changeStamp() -> FileStamp? {
        var info = stat()
        guard stat(hotURL.path, &info) == 0 else { return nil }
        return FileStamp(
            inode: UInt64(info.st_ino), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec,
            size: Int64(info.st_size))
    }

    func load() throws(TenBoardError) -> StoreState? {
        guard let data = try StoreFile.read(hotURL, what: .storeFile) else {
            // No hot file: a store not created yet, unless the path is not a directory at all.
            var info = stat()
            if stat(directory.path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
                throw TenBoardError(exitCode: .noInput) { $0.storeNotADirectory(directory.path) }
            }
            return nil
        }
        do {
            return try StoreState(json: try JSONParser.parse(data))
        } catch let error as JSONSyntaxError {
            throw damaged("\(error)")
        } catch {
            throw damaged("\(error)")
        }
    }

    func damaged(_ detail: String) -> TenBoardError {
        TenBoardError(exitCode: .dataError) { $0.hotFileDamaged(hotURL.path, detail, backup: "\(IssueStore.hotFileName).bak") }
    }

    /// Every issue, archived history included, archive first (month by month), then the hot file.
    public func allIssues() throws(TenBoardError) -> [Issue] {
        let (state, segments) = try snapshotWithSegments()
        var issues: [Issue] = []
        for segment in segments {
            issues += try ArchiveSegment.decode(try segment.contents(), from: segment.url)
        }
        return issues + state.issues
    }

    /// The issue with `id`, archived or not.
    /// - Throws: exit 66 when there is none.
    public func issue(id: String) throws(TenBoardError) -> Issue {
        // The hot file first: an issue there needs no archive segment opened (nor readable).
        let hot = try snapshot()
        if let i = hot.index(of: id) { return hot.issues[i] }
        // The segments of the hot file just read (it is read again only when a writer replaced one).
        let (state, segments) = try snapshotWithSegments(startingWith: hot)
        if let i = state.index(of: id) { return state.issues[i] }
        for segment in segments.reversed() {
            if let found = try segment.issue(id: id, index: indexURL(forSegment: segment.url)) { return found }
        }
        throw unknown(id)
    }

    /// The index file of the segment at `url`.
    func indexURL(forSegment url: URL) -> URL {
        archiveURL.appendingPathComponent(ArchiveIndex.name(forSegment: url.lastPathComponent))
    }

    /// An archive segment a reader has open: a writer may replace and delete the file meanwhile,
    /// but what is open stays readable.
    struct OpenSegment {
        var url: URL
        var handle: FileHandle

        func contents() throws(TenBoardError) -> Data {
            try StoreFile.readAll(handle.fileDescriptor, path: url.path, what: .archiveSegment)
        }

        /// The issue with `id` if it is in this segment: one line read when the segment's index
        /// answers (and the line it points at holds that id), else the whole segment.
        func issue(id: String, index: URL) throws(TenBoardError) -> Issue? {
            var info = stat()
            let fd = handle.fileDescriptor
            if fstat(fd, &info) == 0 {
                switch ArchiveIndex.lookup(id, in: index, segmentSize: Int(info.st_size)) {
                case .absent:
                    return nil
                case .at(let offset, let length):
                    if let bytes = ArchiveIndex.read(fd, offset: offset, length: length),
                       let issue = try? ArchiveSegment.decode(bytes, from: url).first, issue.id == id {
                        return issue
                    }
                case .unknown:
                    break
                }
            }
            return try ArchiveSegment.decode(try contents(), from: url).first { $0.id == id }
        }
    }

    /// The store as it is now with the archive segments it names already open, for readers that
    /// take no lock. A writer that archives or unarchives writes a new generation of a segment,
    /// and the change after it deletes the old one; a reader that read the hot file before those
    /// two changes finds its segment gone, and simply reads the newer hot file.
    func snapshotWithSegments(startingWith first: StoreState? = nil) throws(TenBoardError) -> (StoreState, [OpenSegment]) {
        var previousRevision: Int?
        var first = first
        while true {
            let state: StoreState
            if let given = first { state = given } else { state = try snapshot() }
            first = nil
            if !state.segments.isEmpty { try StoreFile.checkDirectory(archiveURL) }
            var segments: [OpenSegment] = []
            var missing: (URL, StoreFile.Failure)?
            for name in state.segments {
                let url = archiveURL.appendingPathComponent(name)
                switch StoreFile.open(url.path, O_RDONLY) {
                case .success(let (fd, _)):
                    segments.append(OpenSegment(url: url, handle: FileHandle(fileDescriptor: fd, closeOnDealloc: true)))
                    continue
                case .failure(.missing):
                    missing = (url, .missing)
                case .failure(let failure):
                    throw StoreFile.error(failure, url.path, .archiveSegment)
                }
                break
            }
            guard let (url, failure) = missing else { return (state, segments) }
            // Gone while the hot file stayed the same: not a writer at work, but a damaged store.
            if previousRevision == state.revision {
                throw StoreFile.error(failure, url.path, .archiveSegment)
            }
            previousRevision = state.revision
        }
    }

    func unknown(_ id: String) -> TenBoardError {
        TenBoardError(exitCode: .noInput) { $0.noIssue(Untrusted.quoted(id), in: directory.path) }
    }

    // MARK: Changing

    /// Runs `body` on the current state under the exclusive lock and writes the result back.
    ///
    /// Before writing, resolved history that has grown old moves to the archive.
    /// - Parameter now: the instant of the change (the archive horizon and a new store's date).
    /// - Throws: what `body` throws (nothing is written then), or `TenBoardError` for a damaged
    ///   store (65), a full disk (75), or a directory it may not write (73).
    @discardableResult
    public func update<T>(now: Date = Date(), _ body: (inout StoreState) throws -> T) throws -> T {
        try StoreLock.withExclusiveLock(in: directory) {
            removeLeftovers()
            var state = try load() ?? StoreState(createdAt: schedule.localDate(of: now))
            let before = state
            do {
                let result = try body(&state)
                try ensureNothingDropped(before: before, after: state)
                try archive(&state, now: now)
                if state != before {
                    state.revision = before.revision
                    try state.count(\.revision)
                    try write(state)
                    // Segment generations this change replaced stay until the next one, because
                    // issues.json.bak (now `before`) names them: restoring it must find them. What
                    // neither names goes: older generations, and what a killed writer left behind.
                    removeUnnamedSegments(state, alsoKeeping: before.segments)
                }
                return result
            } catch {
                // Nothing was committed: segments this change wrote (a full disk stopped the hot
                // file after them) go now, not at some later successful write.
                for name in Set(state.segments).subtracting(before.segments) {
                    removeSegment(name)
                }
                throw error
            }
        }
    }

    /// A body may drop issues only through the archive step; this guards against a bug losing one.
    func ensureNothingDropped(before: StoreState, after: StoreState) throws {
        guard after.issues.count < before.issues.count else { return }
        let kept = Set(after.issues.map(\.id))
        if let lost = before.issues.first(where: { !kept.contains($0.id) }) {
            throw TenBoardError(exitCode: .software) { $0.wouldDropIssue(lost.id) }
        }
    }

    func write(_ state: StoreState) throws(TenBoardError) {
        let path = hotURL.path
        // Keep the previous version as issues.json.bak: a hard link, so it costs no copy. Only
        // once the new version is on disk: a write that fails (a full disk) leaves the old .bak,
        // and cannot make room for itself by freeing it.
        try AtomicFile.write(Data((JSONWriter.pretty(state.json) + "\n").utf8), to: hotURL) {
            let bakTemp = directory.appendingPathComponent(AtomicFile.temporaryPrefix + "bak").path
            unlink(bakTemp)
            if link(path, bakTemp) == 0 {
                rename(bakTemp, path + ".bak")
            }
        }
    }

    /// Removes temporary files a crashed writer left behind; only called under the lock, when no
    /// writer can be busy with one.
    func removeLeftovers() {
        for dir in [directory, archiveURL] where StoreFile.isRealDirectory(dir) || dir == directory {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { continue }
            for name in names where name.hasPrefix(AtomicFile.temporaryPrefix) {
                unlink(dir.appendingPathComponent(name).path)
            }
        }
    }

    /// Changes one issue, wherever it is; an archived one comes back to the hot file first.
    ///
    /// An issue not in the hot file is looked for in the archive's indexes without the lock
    /// (they are read like the hot file, never changed in place), and the change then starts
    /// again under the lock with the segment to try first: the lock is not held while the
    /// indexes of years of history are read.
    @discardableResult
    public func modify(id: String, now: Date = Date(), _ change: (inout Issue) throws -> Void) throws -> Issue {
        var hint: String??
        while true {
            do {
                return try update(now: now) { state in
                    if state.index(of: id) == nil {
                        guard let hint else {
                            if state.segments.isEmpty { throw unknown(id) }
                            throw LookUpWithoutLock()
                        }
                        try unarchive(id: id, into: &state, tryingFirst: hint)
                    }
                    guard let i = state.index(of: id) else { throw unknown(id) }
                    try change(&state.issues[i])
                    return state.issues[i]
                }
            } catch is LookUpWithoutLock {
                hint = .some(try? segmentHolding(id))
            }
        }
    }

    /// Thrown inside `modify`'s change (nothing written) to look the issue up without the lock.
    private struct LookUpWithoutLock: Error {}

    /// The archive segment whose index points at `id`, read without a lock; `nil` when no index
    /// answers (the search under the lock then reads every segment that needs it).
    func segmentHolding(_ id: String) throws(TenBoardError) -> String? {
        let state = try snapshot()
        for name in state.segments.reversed() {
            let url = archiveURL.appendingPathComponent(name)
            var info = stat()
            guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            if case .at = ArchiveIndex.lookup(id, in: indexURL(forSegment: url), segmentSize: Int(info.st_size)) {
                return name
            }
        }
        return nil
    }

    /// Moves an archived issue back into `state`: its segment found by the indexes (each a small
    /// file; a segment without a valid one is read whole, and given one), and a new generation of
    /// it written without that line, the other lines copied as they are.
    /// - Parameter first: the segment to try before the others, newest first.
    func unarchive(id: String, into state: inout StoreState, tryingFirst first: String? = nil) throws {
        if !state.segments.isEmpty { try StoreFile.checkDirectory(archiveURL) }
        var order = Array(state.segments.indices.reversed())
        if let first, let at = state.segments.firstIndex(of: first), let position = order.firstIndex(of: at) {
            order.remove(at: position)
            order.insert(at, at: 0)
        }
        for n in order {
            let name = state.segments[n]
            let url = archiveURL.appendingPathComponent(name)
            let index = indexURL(forSegment: url)
            // The segment's size from the file, its bytes only when the index points into it.
            var info = stat()
            guard lstat(url.path, &info) == 0 else { throw StoreFile.error(.missing, url.path, .archiveSegment) }
            guard info.st_mode & S_IFMT == S_IFREG else { throw StoreFile.error(.notRegular, url.path, .archiveSegment) }
            let answer = ArchiveIndex.lookup(id, in: index, segmentSize: Int(info.st_size))
            if answer == .absent { continue }
            guard let data = try StoreFile.read(url, what: .archiveSegment) else {
                throw StoreFile.error(.missing, url.path, .archiveSegment)
            }
            var found: (Issue, Range<Int>)?
            switch data.count == Int(info.st_size) ? answer : .unknown {
            case .absent:
                continue
            case .at(let offset, let length):
                if let issue = try? ArchiveSegment.decode(data.subdata(in: offset..<offset + length), from: url).first, issue.id == id {
                    found = (issue, offset..<min(offset + length + 1, data.count))
                }
            case .unknown:
                break
            }
            if found == nil {
                found = try ArchiveSegment.locate(id, in: data, from: url)
                // Under the lock: a segment named by the hot file gets the index it lacked.
                if let rebuilt = ArchiveIndex.build(data) { try? AtomicFile.write(rebuilt, to: index) }
            }
            guard let (issue, range) = found else { continue }
            var rest = data
            rest.removeSubrange(range)
            let month = ArchiveSegment.parse(name: name)!.month
            var isEmpty = true
            JSONLinesText.forEachLine(in: rest) { if !$0.isBlank { isEmpty = false } }
            if isEmpty {
                state.segments.remove(at: n)
            } else {
                state.segments[n] = try writeSegment(month: month, data: rest, existing: state.segments)
            }
            insertSorted(issue, into: &state.issues)
            return
        }
    }

    func insertSorted(_ issue: Issue, into issues: inout [Issue]) {
        let at = issues.lastIndex(where: { $0.receivedAt <= issue.receivedAt }).map { $0 + 1 } ?? 0
        issues.insert(issue, at: at)
    }

    /// Adds a new issue with the next free id.
    @discardableResult
    public func add(
        customer: String, summary: String, kind: IssueKind = .question, receivedAt: Date,
        assignee: String? = nil, isInternal: Bool = false, channel: String? = nil, now: Date = Date()
    ) throws -> Issue {
        let received = Timestamp(receivedAt.wholeSeconds, in: schedule.timeZone)
        var fields: [String: JSONValue] = [
            "customer": .string(customer), "summary": .string(summary), "kind": .string(kind.rawValue),
            "receivedAt": .string(received.rfc3339), "internal": .bool(isInternal),
        ]
        if let assignee { fields["assignee"] = .string(assignee) }
        if let channel { fields["channel"] = .string(channel) }
        return try add(records: [.object(fields)], now: now)[0]
    }

    /// Adds issues from JSON objects (as `tenboard add --json` reads them): `id` and `receivedAt`
    /// may be absent (the next free id, and `now`). All or nothing.
    @discardableResult
    public func add(records: [JSONValue], now: Date = Date()) throws -> [Issue] {
        let stamp = Timestamp(now.wholeSeconds, in: schedule.timeZone)
        let (parsed, problems) = IssueStore.readRecords(
            records.enumerated().map { ImportRecord(position: "record \($0.offset + 1)", json: $0.element) }, now: stamp)
        guard problems.isEmpty else {
            throw TenBoardError(exitCode: .dataError) { IssueStore.listProblems(problems, words: $0) + "\n" + $0.nothingAdded }
        }
        return try update(now: now) { state in
            try insert(parsed, into: &state, now: now, name: nil)
        }
    }

    /// Marks an issue helped.
    ///
    /// - Parameters:
    ///   - by: who helped the customer: credited on the wall and in the report.
    ///   - recordedBy: who records it, kept when it is not `by` (a lead recording a colleague's
    ///     call-back); `nil` when the helper records it themselves.
    ///   - action: the action point so the problem does not come back; `nil` or empty for none.
    ///   - at: when the customer was helped (a lead may record a call-back made earlier).
    /// - Throws: exit 66 for an unknown id, 65 when it is already resolved.
    @discardableResult
    public func resolve(id: String, by: String, action: String?, at: Date) throws -> Issue {
        try resolve(id: id, by: by, recordedBy: nil, action: action, at: at)
    }

    /// Marks an issue helped by `by`, recorded by `recordedBy` (kept only when someone else).
    @discardableResult
    public func resolve(id: String, by: String, recordedBy: String?, action: String?, at: Date) throws -> Issue {
        try modify(id: id, now: at) { issue in
            guard issue.status != .withdrawn else {
                throw TenBoardError(exitCode: .dataError) { $0.resolveWithdrawn(id) }
            }
            guard issue.isOpen else {
                let (who, when) = (issue.resolvedBy ?? "?", issue.resolvedAt?.rfc3339 ?? "?")
                throw TenBoardError(exitCode: .dataError) { $0.alreadyResolved(id, by: who, at: when) }
            }
            let latest = clock().addingTimeInterval(IssueStore.clockSkew)
            guard at <= latest else {
                let (time, now) = (Timestamp(at.wholeSeconds, in: schedule.timeZone).rfc3339, Timestamp(clock().wholeSeconds, in: schedule.timeZone).rfc3339)
                throw TenBoardError(exitCode: .dataError) { $0.resolvedInTheFuture(id, at: time, now: now) }
            }
            guard at >= issue.receivedAt.date else {
                let received = issue.receivedAt.rfc3339
                throw TenBoardError(exitCode: .dataError) { $0.resolvedBeforeReceipt(id, received: received) }
            }
            issue.status = .resolved
            let resolvedAt = Timestamp(at.wholeSeconds, in: schedule.timeZone)
            guard resolvedAt.isReadable else {
                throw TenBoardError(exitCode: .dataError) { $0.notAStorableTime(id, resolvedAt.rfc3339) }
            }
            issue.resolvedAt = resolvedAt
            issue.resolvedBy = by
            let recorder = recordedBy?.trimmingCharacters(in: .whitespacesAndNewlines)
            issue.recordedBy = recorder.flatMap { $0.isEmpty || $0 == by ? nil : $0 }
            let trimmed = action?.trimmingCharacters(in: .whitespacesAndNewlines)
            issue.action = (trimmed?.isEmpty ?? true) ? nil : trimmed
        }
    }

    /// Opens a resolved or withdrawn issue again; who resolved or withdrew it, when and why is cleared, the action point is kept (offered again on the next resolve).
    @discardableResult
    public func reopen(id: String, now: Date = Date()) throws -> Issue {
        try modify(id: id, now: now) { issue in
            guard !issue.isOpen else {
                throw TenBoardError(exitCode: .dataError) { $0.alreadyOpen(id) }
            }
            issue.status = .open
            issue.resolvedAt = nil
            issue.resolvedBy = nil
            issue.recordedBy = nil
            issue.withdrawnAt = nil
            issue.withdrawnReason = nil
        }
    }

    /// Assigns an issue to a person, or to nobody with `nil`.
    @discardableResult
    public func assign(id: String, to assignee: String?, now: Date = Date()) throws -> Issue {
        try modify(id: id, now: now) { issue in
            let trimmed = assignee?.trimmingCharacters(in: .whitespacesAndNewlines)
            issue.assignee = (trimmed?.isEmpty ?? true) ? nil : trimmed
        }
    }
}

extension Date {
    /// This instant without its fraction of a second: what people write and read.
    var wholeSeconds: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}

extension IssueStore {
    /// Lets a person edit the hot file, like visudo, and replaces it only if the result is a valid
    /// store and nobody changed the store meanwhile. The store is not locked while the editor is
    /// open (writers and the 10:00 report would wait on a person): the lock is taken only to
    /// replace the file, and an edit of a revision that has moved on is refused.
    ///
    /// The private copy is created with `O_EXCL` under a random name and mode 0600, so nobody can
    /// plant a link for it. The copy of a failed edit is kept for another try.
    /// - Parameter edit: runs the editor on the path of the copy.
    /// - Returns: whether the store was replaced (`false` when the copy was saved unchanged).
    @discardableResult
    public func editHotFile(_ edit: (String) throws -> Void) throws -> Bool {
        try AtomicFile.makeDirectory(directory)
        let original = try StoreFile.read(hotURL, what: .storeFile)
            ?? Data((JSONWriter.pretty(StoreState().json) + "\n").utf8)
        var template = Array(directory.appendingPathComponent("issues.edit-XXXXXX.json").path.utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 5) }
        guard fd >= 0 else { throw AtomicFile.failure(errno) { $0.cannotCreateWorkingCopy(in: directory.path) } }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        let copy = AtomicFile.string(template)
        let written = original.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        close(fd)
        guard written else {
            unlink(copy)
            throw AtomicFile.failure(errno) { $0.cannotWriteWorkingCopy(copy) }
        }
        do { try edit(copy) } catch {
            unlink(copy)
            throw error
        }
        guard let edited = try StoreFile.read(URL(fileURLWithPath: copy), what: .workingCopy) else {
            throw TenBoardError(exitCode: .noInput) { $0.workingCopyGone("\(copy)") }
        }
        if edited == original {
            unlink(copy)
            return false
        }
        var state: StoreState
        do {
            state = try StoreState(json: try JSONParser.parse(edited))
        } catch {
            throw TenBoardError(exitCode: .dataError) { $0.editNotValid("\(copy)", "\(error)") }
        }
        try StoreLock.withExclusiveLock(in: directory) {
            let current = try StoreFile.read(hotURL, what: .storeFile)
                ?? Data((JSONWriter.pretty(StoreState().json) + "\n").utf8)
            guard current == original else {
                throw TenBoardError(exitCode: .tempFailure) { $0.changedWhileEditing(hotURL.path, copy: "\(copy)") }
            }
            let before = try? load()
            state.revision = max(state.revision, before?.revision ?? 0)
            try state.count(\.revision)
            try write(state)
        }
        unlink(copy)
        return true
    }
}
