import Foundation
#if canImport(System)
import System
#else
import SystemPackage
#endif

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
            ?? Data((StoreState().prettyText + "\n").utf8)
        let (fd, copy): (FileDescriptor, String)
        do throws(Errno) {
            (fd, copy) = try FileSystemCalls.makeTemporaryFile(template: directory.appendingPathComponent("issues.edit-XXXXXX.json").path, suffixLength: 5)
        } catch {
            throw AtomicFile.failure(error) { $0.cannotCreateWorkingCopy(in: directory.path) }
        }
        do throws(Errno) {
            defer { fd.closeQuietly() }
            try fd.write(whole: original)
        } catch {
            FileSystemCalls.remove(copy)
            throw AtomicFile.failure(error) { $0.cannotWriteWorkingCopy(copy) }
        }
        do { try edit(copy) } catch {
            FileSystemCalls.remove(copy)
            throw error
        }
        guard let edited = try StoreFile.read(URL(fileURLWithPath: copy), what: .workingCopy) else {
            throw TenBoardError(exitCode: .noInput) { $0.workingCopyGone("\(copy)") }
        }
        if edited == original {
            FileSystemCalls.remove(copy)
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
                ?? Data((StoreState().prettyText + "\n").utf8)
            guard current == original else {
                throw TenBoardError(exitCode: .tempFailure) { $0.changedWhileEditing(hotURL.path, copy: "\(copy)") }
            }
            // History the store has stays named: a segment or settled file no longer named would
            // be deleted by the next change, with every issue in it. (A hot file that does not
            // parse names nothing: the edit repairs it.)
            if let had = try? parse(current), let problem = droppedHistory(from: had, to: state) {
                throw TenBoardError(exitCode: .dataError) { $0.editNotValid("\(copy)", problem) }
            }
            // The settled file it names must be there, and hold none of its ids.
            if state.isHotOnly {
                var whole = state
                do throws(TenBoardError) { try mergeSettled(into: &whole) } catch {
                    throw TenBoardError(exitCode: .dataError) { $0.editNotValid("\(copy)", error.message(in: $0.language)) }
                }
            }
            let before = try? load()
            state.revision = max(state.revision, before?.revision ?? 0)
            try state.count(\.revision)
            try write(state)
        }
        FileSystemCalls.remove(copy)
        return true
    }

    /// What an edit from `before` to `after` (both as the hot file says) would lose of the
    /// history outside the hot file: a segment or settled file that is there but no longer named
    /// (the next change deletes it), or an issue newly listed as taken back from a segment that
    /// is not among the issues (it would leave the archive at the month's next archiving).
    /// `nil` when nothing; in English, like the JSON reader's words.
    func droppedHistory(from before: StoreState, to after: StoreState) -> String? {
        for name in before.segments where !after.segments.contains(name) {
            if FileSystemCalls.info(archiveURL.appendingPathComponent(name).path, followLinks: false) != nil {
                return "'archive' no longer names \(name), which is there: the next change would delete it and the issues it holds; keep it"
            }
        }
        if let file = before.settled?.file, after.settled?.file != file,
           FileSystemCalls.info(settledURL(file).path, followLinks: false) != nil {
            return "'settled' no longer names \(file), which is there: the next change would delete it and the customers it holds; keep it"
        }
        let ids = Set(after.issues.map(\.id))
        for (name, taken) in after.takenBack.sorted(by: { $0.key < $1.key }) {
            let had = Set(before.takenBack[name] ?? [])
            if let id = taken.first(where: { !had.contains($0) && !ids.contains($0) }) {
                return "'takenBack.\(name)' lists '\(Untrusted.quoted(id))', which is not among the issues: it would leave the archive for good; remove it"
            }
        }
        return nil
    }
}
