import Foundation
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// The files layer of the store: the hot file read without a lock and written under it, the
/// archive segments it names opened for readers, the `.bak`, and the one read-modify-write
/// (`update`) every change goes through.
extension IssueStore {
    /// The store as it is now, read without a lock (files are only ever replaced whole).
    ///
    /// A store that does not exist yet reads as empty.
    /// - Throws: `TenBoardError` exit 65 naming the file and the line or field when it is damaged.
    public func snapshot() throws(TenBoardError) -> StoreSnapshot {
        try load() ?? StoreState()
    }

    /// The open issues, oldest first: the hot file's alone, as the settled file holds only
    /// closed customers (a store whose settled file holds an open one is damaged: `merge`).
    public func openIssues() throws(TenBoardError) -> [Issue] {
        try loadStamped(withSettled: false).state?.openIssues ?? []
    }

    /// Whether the store's hot file exists (a store is created by its first change).
    public var exists: Bool { FileManager.default.fileExists(atPath: hotURL.path) }

    /// A fingerprint of the hot file, `nil` when there is none; compare it each tick.
    public func changeStamp() -> FileStamp? {
        FileStamp.of(hotURL.path)
    }

    func load() throws(TenBoardError) -> StoreState? {
        try loadStamped().state
    }

    /// What the hot file held and the stamp of the very file it was read from (`nil`s when there
    /// is none yet): a change that finds the hot file still that file under the lock need not
    /// read and parse it again (`update(at:reusing:_:)`).
    struct StampedState: Sendable {
        var state: StoreState?
        var stamp: FileStamp?
    }

    /// Reads the hot file once, with the stamp of what was read (fstat of the open file: a
    /// writer's rename meanwhile gives the path another stamp), and the issues of the settled
    /// file it names unless `withSettled` is false (`StoreState.isHotOnly`).
    func loadStamped(withSettled: Bool = true) throws(TenBoardError) -> StampedState {
        var previousRevision: Int?
        while true {
            var read = try loadHot()
            guard withSettled, var state = read.state, let ref = state.settled else { return read }
            if let settled = try readSettled(ref) {
                try merge(settled, into: &state)
                read.state = state
                return read
            }
            // Gone while the hot file stayed the same: not a writer at work (which keeps the
            // generation the hot file named until the change after it), but a damaged store.
            if previousRevision == state.revision {
                throw StoreFile.error(.missing, settledURL(ref.file).path, .settledFile)
            }
            previousRevision = state.revision
        }
    }

    /// The hot file alone (`StoreState.isHotOnly` when it names a settled file).
    private func loadHot() throws(TenBoardError) -> StampedState {
        let data: Data
        let stamp: FileStamp?
        switch StoreFile.open(hotURL.path, .readOnly) {
        case .failure(.missing):
            // No hot file: a store not created yet, unless the path is not a directory at all.
            if let info = FileSystemCalls.info(directory.path), info.type != .directory {
                throw TenBoardError(exitCode: .noInput) { $0.storeNotADirectory(directory.path) }
            }
            return StampedState(state: nil, stamp: nil)
        case .failure(let failure):
            throw StoreFile.error(failure, hotURL.path, .storeFile)
        case .success(let (fd, _)):
            defer { fd.closeQuietly() }
            stamp = (try? fd.info()).map(FileStamp.init)
            // The very file parsed (or written) last time (the same stamp, as
            // `update(at:reusing:_:)` trusts under the lock): its state as it was.
            if let stamp, let known = lastParsed.withLock({ $0 }), known.stamp == stamp, known.state != nil { return known }
            data = try StoreFile.readAll(fd, path: hotURL.path, what: .storeFile)
        }
        let parsed = StampedState(state: try parse(data), stamp: stamp)
        if stamp != nil { lastParsed.withLock { $0 = parsed } }
        return parsed
    }

    /// The settled file's path.
    func settledURL(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// The issues of the settled file `ref` names; `nil` when it is missing. Parsed once for as
    /// long as the file stays the same (`lastSettled`, by name and stamp).
    func readSettled(_ ref: SettledFile.Reference) throws(TenBoardError) -> [Issue]? {
        let url = settledURL(ref.file)
        switch StoreFile.open(url.path, .readOnly) {
        case .failure(.missing):
            return nil
        case .failure(let failure):
            throw StoreFile.error(failure, url.path, .settledFile)
        case .success(let (fd, _)):
            defer { fd.closeQuietly() }
            let stamp = (try? fd.info()).map(FileStamp.init)
            if let stamp, let known = lastSettled.withLock({ $0 }), known.file == ref.file, known.stamp == stamp { return known.issues }
            let issues = try ArchiveSegment.decode(try StoreFile.readAll(fd, path: url.path, what: .settledFile), from: url)
            if let stamp { lastSettled.withLock { $0 = SettledCache(file: ref.file, stamp: stamp, issues: issues) } }
            return issues
        }
    }

    /// `state` (read without its settled file) with the settled file's `issues` among its own;
    /// exit 65 naming the settled file and the line when an id is in both files or twice in the
    /// settled file, or an issue there is open.
    func merge(_ settled: [Issue], into state: inout StoreState) throws(TenBoardError) {
        precondition(state.isHotOnly)
        let hotIDs = Set(state.issues.map(\.id))
        var seen = Set<String>()
        for (n, issue) in settled.enumerated() where hotIDs.contains(issue.id) || !seen.insert(issue.id).inserted || issue.isOpen {
            let id = Untrusted.quoted(issue.id)
            let problem = hotIDs.contains(issue.id) ? "the id '\(id)' is also in \(IssueStore.hotFileName)"
                : issue.isOpen ? "the open issue '\(id)': this file holds closed ones only" : "the id '\(id)' is there twice"
            let path = settledURL(state.settled!.file).path
            let line = settledLine(of: n, in: state.settled!) ?? n + 1
            throw TenBoardError(exitCode: .dataError) { $0.badLine(path, line: line, problem) }
        }
        state.issues = SettledFile.merged(state.issues, settled)
        state.settledIssues = settled
    }

    /// The line of the settled file `ref` names that holds its `n`-th issue (readers skip blank
    /// lines); `nil` when it cannot be read again. For messages only.
    private func settledLine(of n: Int, in ref: SettledFile.Reference) -> Int? {
        guard let data = try? StoreFile.read(settledURL(ref.file), what: .settledFile) else { return nil }
        var issue = 0
        var found: Int?
        JSONLinesText.forEachLine(in: data) { line in
            guard found == nil, !line.isBlank else { return }
            if issue == n { found = line.number }
            issue += 1
        }
        return found
    }

    /// The state in the hot file's bytes; exit 65 naming the file when they are not one.
    func parse(_ data: Data) throws(TenBoardError) -> StoreState {
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

    /// An archive segment a reader has open: a writer may replace and delete the file meanwhile,
    /// but what is open stays readable.
    struct OpenSegment {
        var url: URL
        var handle: FileHandle
        /// The ids taken back from it (`StoreState.takenBack`): their lines are left out.
        var takenBack: Set<String> = []

        var descriptor: FileDescriptor { FileDescriptor(rawValue: handle.fileDescriptor) }

        func contents() throws(TenBoardError) -> Data {
            try StoreFile.readAll(descriptor, path: url.path, what: .archiveSegment)
        }

        /// Its issues, those taken back left out.
        func issues() throws(TenBoardError) -> [Issue] {
            IssueStore.leavingOut(takenBack, try ArchiveSegment.decode(try contents(), from: url))
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
                switch StoreFile.open(url.path, .readOnly) {
                case .success(let (fd, _)):
                    segments.append(OpenSegment(url: url, handle: FileHandle(fileDescriptor: fd.rawValue, closeOnDealloc: true),
                                                takenBack: Set(state.takenBack[name] ?? [])))
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

    /// Runs `body` on the current state under the exclusive lock and writes the result back.
    ///
    /// Before writing, resolved history that has grown old moves to the archive.
    /// - Parameter now: the instant of the change (the archive horizon and a new store's date).
    /// - Throws: what `body` throws (nothing is written then), or `TenBoardError` for a damaged
    ///   store (65), a full disk (75), or a directory it may not write (73).
    @discardableResult
    public func update<T>(at now: Date = Date(), _ body: (inout StoreState) throws -> T) throws -> T {
        try update(at: now, reusing: nil, body)
    }

    /// `update(at:_:)` starting from `known`, read without the lock, when the hot file is still
    /// the file it was read from (its stamp, taken under the lock): one parse of the hot file for
    /// a change that looked first (`modify`), not two.
    ///
    /// With `hotOnly`, `body` gets the hot file's issues alone when the hot file names a settled
    /// file (`StoreState.isHotOnly`): for a change that only adds an open issue or changes one of
    /// the hot file's (the settled file's are closed customers of mornings before today). The
    /// settled file is read all the same when this change has to move issues into it or into the
    /// archive (`needsSettled`), before those steps run.
    func update<T>(at now: Date, reusing known: StampedState?, hotOnly: Bool = false, _ body: (inout StoreState) throws -> T) throws -> T {
        try StoreLock.withExclusiveLock(in: directory) {
            removeLeftovers()
            var current: StoreState?
            if let known, let stamp = known.stamp, let read = known.state, FileStamp.of(hotURL.path) == stamp {
                current = read
            } else {
                current = try loadStamped(withSettled: !hotOnly).state
            }
            if !hotOnly, var read = current, read.isHotOnly {
                try mergeSettled(into: &read)
                current = read
            }
            var state = current ?? StoreState(createdAt: schedule.localDate(of: now))
            var before = state
            do {
                let result = try body(&state)
                try ensureNothingDropped(before: before, after: state)
                if state.isHotOnly, needsSettled(state, now: now) {
                    try mergeSettled(into: &state)
                    try mergeSettled(into: &before)
                }
                try archive(&state, now: now)
                if !state.isHotOnly { try settle(&state, now: now) }
                if state != before {
                    state.revision = before.revision
                    try state.count(\.revision)
                    try write(state)
                    // Segment generations this change replaced stay until the next one, because
                    // issues.json.bak (now `before`) names them: restoring it must find them. What
                    // neither names goes: older generations, and what a killed writer left behind.
                    // The same for the settled file.
                    removeUnnamedSegments(state, alsoKeeping: before.segments)
                    removeUnnamedSettled(state, alsoKeeping: before.settled?.file)
                }
                return result
            } catch {
                // Nothing was committed: segments this change wrote (a full disk stopped the hot
                // file after them) go now, not at some later successful write; so does a settled
                // file it wrote.
                for name in Set(state.segments).subtracting(before.segments) {
                    removeSegment(name)
                }
                if let file = state.settled?.file, file != before.settled?.file {
                    FileSystemCalls.remove(settledURL(file).path)
                }
                throw error
            }
        }
    }

    /// Reads the settled file of a state read without it (under the lock: a missing one is a
    /// damaged store).
    func mergeSettled(into state: inout StoreState) throws(TenBoardError) {
        guard state.isHotOnly, let ref = state.settled else { return }
        guard let settled = try readSettled(ref) else { throw StoreFile.error(.missing, settledURL(ref.file).path, .settledFile) }
        try merge(settled, into: &state)
    }

    /// A body may drop issues only through the archive step; this guards against a bug losing one.
    func ensureNothingDropped(before: StoreState, after: StoreState) throws {
        guard after.issues.count < before.issues.count else { return }
        let kept = Set(after.issues.map(\.id))
        if let lost = before.issues.first(where: { !kept.contains($0.id) }) {
            throw TenBoardError(exitCode: .software) { $0.wouldDropIssue(lost.id) }
        }
    }

    /// Writes the hot file (its own issues: `StoreState.hotIssues`), keeping the one before as
    /// issues.json.bak; the store then knows the new file without parsing it (`lastParsed`).
    func write(_ state: StoreState) throws(TenBoardError) {
        let path = hotURL.path
        var hot = state
        hot.issues = state.hotIssues
        hot.settledIssues = nil
        // Keep the previous version as issues.json.bak: a hard link, so it costs no copy. Only
        // once the new version is on disk: a write that fails (a full disk) leaves the old .bak,
        // and cannot make room for itself by freeing it.
        try AtomicFile.write(Data((hot.prettyText + "\n").utf8), to: hotURL) {
            let bakTemp = directory.appendingPathComponent(AtomicFile.temporaryPrefix + "bak").path
            FileSystemCalls.remove(bakTemp)
            if (try? FileSystemCalls.link(path, as: bakTemp)) != nil {
                try? FileSystemCalls.rename(bakTemp, to: path + ".bak")
            }
        }
        // Under the lock, so the file at `path` is the one just written.
        if let stamp = FileStamp.of(path) {
            lastParsed.withLock { $0 = StampedState(state: hot, stamp: stamp) }
        } else {
            lastParsed.withLock { $0 = nil }
        }
    }

    /// Removes temporary files a crashed writer left behind; only called under the lock, when no
    /// writer can be busy with one.
    func removeLeftovers() {
        for dir in [directory, archiveURL] where StoreFile.isRealDirectory(dir) || dir == directory {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { continue }
            for name in names where name.hasPrefix(AtomicFile.temporaryPrefix) {
                FileSystemCalls.remove(dir.appendingPathComponent(name).path)
            }
        }
    }
}
