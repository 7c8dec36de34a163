import Foundation
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// An issue by id wherever it is: the hot file first, then the archive's segment indexes
/// (`ArchiveIndex`), read without the lock; `modify` brings an archived issue back to the hot
/// file under the lock, with the segment to try first.
extension IssueStore {
    /// Every issue, archived history included, archive first (month by month), then the hot file.
    public func allIssues() throws(TenBoardError) -> [Issue] {
        let (state, segments) = try snapshotWithSegments()
        var issues: [Issue] = []
        for segment in segments {
            issues += try segment.issues()
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

    func unknown(_ id: String) -> TenBoardError {
        TenBoardError(exitCode: .noInput) { $0.noIssue(Untrusted.quoted(id), in: directory.path) }
    }

    /// Changes one issue, wherever it is; an archived one comes back to the hot file first.
    ///
    /// The hot file is read and the issue looked up without the lock: in the hot file, else in
    /// the archive's indexes (read like the hot file, never changed in place; a segment without a
    /// valid index is read whole). Under the lock the hot file is parsed again only when a writer
    /// replaced it meanwhile, and only the segment found is read and rewritten: the lock is never
    /// held while years of history are searched. An id in neither is refused (66) without the
    /// lock. Should writers keep moving the issue between look-up and lock, the fourth try
    /// searches under the lock.
    @discardableResult
    public func modify(id: String, at now: Date = Date(), _ change: (inout Issue) throws -> Void) throws -> Issue {
        var attempt = 0
        while true {
            attempt += 1
            let searchUnderLock = attempt > 3
            do {
                // The hot file's issues first; the settled file is read only for an id not there.
                // An archived one is brought back into the hot file's issues alone.
                var known = try loadStamped(withSettled: searchUnderLock)
                var segment: String?
                if !searchUnderLock {
                    guard let hot = known.state else { throw unknown(id) }
                    if hot.index(of: id) == nil {
                        if hot.isHotOnly {
                            let all = try loadStamped()
                            guard all.stamp == known.stamp else { throw LookUpAgain() }
                            if all.state?.index(of: id) != nil { known = all }
                        }
                        if known.state?.index(of: id) == nil {
                            guard let name = try segmentHolding(id, in: hot) else { throw unknown(id) }
                            segment = name
                        }
                    }
                }
                return try update(at: now, reusing: known, hotOnly: known.state?.isHotOnly ?? false) { state in
                    if state.index(of: id) == nil {
                        if searchUnderLock {
                            try unarchive(id: id, into: &state)
                        } else {
                            // Found in a segment, or in the hot file when it was read: the store
                            // changed since; look again.
                            guard let segment else { throw LookUpAgain() }
                            try unarchive(id: id, into: &state, tryingFirst: segment, only: true)
                        }
                    }
                    guard let i = state.index(of: id) else {
                        if searchUnderLock { throw unknown(id) }
                        throw LookUpAgain()
                    }
                    try change(&state.issues[i])
                    return state.issues[i]
                }
            } catch is LookUpAgain {
                continue
            }
        }
    }

    /// Thrown by `modify`'s look-up or its change (nothing written) when the store changed
    /// between the look-up without the lock and the change under it.
    private struct LookUpAgain: Error {}

    /// The archive segment of `state` that holds `id`, searched without the lock, newest first:
    /// each segment's index, or the segment itself when it has no valid index; `nil` when no
    /// segment holds it.
    /// - Throws: `LookUpAgain` when a segment `state` names is gone (a writer replaced it).
    func segmentHolding(_ id: String, in state: StoreState) throws -> String? {
        for name in state.segments.reversed() where !(state.takenBack[name]?.contains(id) ?? false) {
            let url = archiveURL.appendingPathComponent(name)
            guard let info = FileSystemCalls.info(url.path, followLinks: false), info.type == .regular else { throw LookUpAgain() }
            switch ArchiveIndex.lookup(id, in: indexURL(forSegment: url), segmentSize: Int(info.size)) {
            case .at:
                return name
            case .absent:
                continue
            case .unknown:
                guard let data = try StoreFile.read(url, what: .archiveSegment) else { throw LookUpAgain() }
                if try ArchiveSegment.locate(id, in: data, from: url) != nil { return name }
            }
        }
        return nil
    }

    /// Moves an archived issue back into `state`: its segment found by the indexes (each a small
    /// file; a segment without a valid one is read whole, and given one), its line read (the one
    /// the index points at), and the issue taken back (`StoreState.takenBack`): the segment keeps
    /// the line, which every reader of it leaves out, until the next archiving of its month
    /// writes it anew (`addToArchive`). Nothing of the archive is written: the hot file is the one
    /// commit, and the morning ledger takes the issue's part out in the same change.
    /// - Parameters:
    ///   - first: the segment to try before the others, newest first.
    ///   - only: look in `first` alone (nothing happens when it is not there).
    func unarchive(id: String, into state: inout StoreState, tryingFirst first: String? = nil, only: Bool = false) throws {
        let archiveBefore = state.archiveIdentity
        if !state.segments.isEmpty { try StoreFile.checkDirectory(archiveURL) }
        var order = Array(state.segments.indices.reversed())
        if let first, let at = state.segments.firstIndex(of: first), let position = order.firstIndex(of: at) {
            order.remove(at: position)
            order.insert(at, at: 0)
        }
        if only {
            order = order.prefix(1).filter { state.segments[$0] == first }
        }
        for n in order {
            let name = state.segments[n]
            if state.takenBack[name]?.contains(id) ?? false { continue }
            let url = archiveURL.appendingPathComponent(name)
            let indexURL = indexURL(forSegment: url)
            let fd: FileDescriptor
            switch StoreFile.open(url.path, .readOnly) {
            case .success(let (opened, _)): fd = opened
            case .failure(let failure): throw StoreFile.error(failure, url.path, .archiveSegment)
            }
            defer { fd.closeQuietly() }
            guard let info = try? fd.info() else { throw StoreFile.error(.notRegular, url.path, .archiveSegment) }
            var found: Issue?
            switch ArchiveIndex.lookup(id, in: indexURL, segmentSize: Int(info.size)) {
            case .absent:
                continue
            case .at(let offset, let length):
                // The line the index points at, when it holds that id.
                if let bytes = fd.read(exactly: length, at: offset), let issue = try? ArchiveSegment.decode(bytes, from: url).first, issue.id == id {
                    found = issue
                }
            case .unknown:
                break
            }
            if found == nil {
                let data = try StoreFile.readAll(fd, path: url.path, what: .archiveSegment)
                found = try ArchiveSegment.locate(id, in: data, from: url)?.0
                // Under the lock: a segment named by the hot file gets the index it lacked.
                if let rebuilt = ArchiveIndex.build(data) { try? AtomicFile.write(rebuilt, to: indexURL) }
            }
            guard let issue = found else { continue }
            state.takenBack[name, default: []].append(id)
            try takeBackMornings(of: issue, segmentsBefore: archiveBefore, into: &state)
            insertSorted(issue, into: &state.issues)
            return
        }
    }

    /// `issues` without those whose id is in `takenBack`.
    static func leavingOut(_ takenBack: Set<String>, _ issues: [Issue]) -> [Issue] {
        takenBack.isEmpty ? issues : issues.filter { !takenBack.contains($0.id) }
    }

    func insertSorted(_ issue: Issue, into issues: inout [Issue]) {
        let at = issues.lastIndex(where: { $0.receivedAt <= issue.receivedAt }).map { $0 + 1 } ?? 0
        issues.insert(issue, at: at)
    }
}

extension IssueStore.OpenSegment {
    /// The issue with `id` if it is in this segment: one line read when the segment's index
    /// answers (and the line it points at holds that id), else the whole segment.
    func issue(id: String, index: URL) throws(TenBoardError) -> Issue? {
        if takenBack.contains(id) { return nil }
        if let info = try? descriptor.info() {
            switch ArchiveIndex.lookup(id, in: index, segmentSize: Int(info.size)) {
            case .absent:
                return nil
            case .at(let offset, let length):
                if let bytes = descriptor.read(exactly: length, at: offset),
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
