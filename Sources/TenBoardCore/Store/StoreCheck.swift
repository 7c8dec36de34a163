import Foundation

/// `tenboard check` of the store: every file read and cross-checked, nothing changed.
public struct StoreCheck: Sendable {
    /// "12 open, 40 resolved, 100000 archived in 24 segments".
    public var summary: String
    /// What is wrong, each naming its file and issue; empty when all is well.
    public var problems: [String]

    /// Reads the hot file and every archive segment.
    ///
    /// A segment whose index is exactly the one its bytes give (size, checksum and every line's
    /// id and place) holds the lines tenboard wrote, each a valid resolved issue when written:
    /// its ids are taken from those lines without a parse, as `export` copies them. Any other
    /// segment, and every segment with `full`, is parsed issue by issue.
    /// - Parameters:
    ///   - full: parse every segment, whatever its index says.
    ///   - words: the language of the summary and the problems.
    /// - Throws: `TenBoardError` (65) when a file cannot be parsed at all.
    public static func run(_ store: IssueStore, full: Bool = false, words: Words = Words(.en)) throws(TenBoardError) -> StoreCheck {
        let (state, segments) = try store.snapshotWithSegments()
        var problems: [String] = []
        var seen: [String: Int] = [:]
        var files: [String] = []
        var archived = 0
        func note(_ id: String, in file: Int) {
            if let first = seen.updateValue(file, forKey: id) {
                problems.append(words.idTwice(files[file], id: Untrusted.quoted(id), alsoIn: files[first]))
            }
        }
        seen.reserveCapacity(state.issues.count + segments.count * 4096)
        for segment in segments {
            let url = segment.url
            let file = files.count
            files.append(url.path)
            let data = try segment.contents()
            let indexURL = store.indexURL(forSegment: url)
            let index = try? StoreFile.read(indexURL, what: .archiveIndex)
            // Ids taken back from it are left out; one it does not hold is named.
            var taken = segment.takenBack
            defer { for id in taken.sorted() { problems.append(words.notTakenFrom(url.path, id: Untrusted.quoted(id))) } }
            if !full, let index, let entries = ArchiveIndex.entries(data), index == ArchiveIndex.build(data, entries: entries) {
                for entry in entries where taken.remove(entry.id) == nil {
                    archived += 1
                    note(entry.id, in: file)
                }
                continue
            }
            var issues = try ArchiveSegment.decode(data, from: url)
            issues.removeAll { taken.remove($0.id) != nil }
            if let index, index != ArchiveIndex.build(data) {
                problems.append(words.notTheIndex(indexURL.path, of: url.lastPathComponent))
            }
            archived += issues.count
            for issue in issues {
                note(issue.id, in: file)
                if issue.isOpen { problems.append(words.openButArchived(url.path, id: issue.id)) }
            }
            for issue in MorningCheck.resolvedBeforeReceived(issues) {
                problems.append(words.resolvedBeforeReceived(url.path, id: issue.id))
            }
        }
        let hot = files.count
        files.append(store.hotURL.path)
        let settledIDs = Set((state.settledIssues ?? []).map(\.id))
        if let ref = state.settled { files.append(store.settledURL(ref.file).path) }
        /// The file an issue of `state.issues` is in: the hot file or the settled file.
        func fileOf(_ issue: Issue) -> Int { settledIDs.contains(issue.id) ? hot + 1 : hot }
        for issue in state.issues { note(issue.id, in: fileOf(issue)) }
        let kept = Set(state.issues.map(\.id))
        for segment in segments {
            for id in segment.takenBack.sorted() where !kept.contains(id) {
                problems.append(words.takenBackLost(segment.url.path, id: Untrusted.quoted(id)))
            }
        }
        for issue in MorningCheck.resolvedBeforeReceived(state.issues) {
            problems.append(words.resolvedBeforeReceived(files[fileOf(issue)], id: issue.id))
        }
        // Written before the longest wait was refused: archiving it would count every morning
        // of the wait under the store lock.
        for issue in state.issues {
            guard let closed = issue.closedAt, issue.waitsTooLong(until: closed) else { continue }
            problems.append(files[fileOf(issue)] + ": " + words.waitTooLong(issue.id, received: issue.receivedAt.rfc3339, years: Issue.longestWaitYears))
        }
        let open = state.issues.filter(\.isOpen).count
        let summary = store.exists
            ? words.storeSummary(open: open, recent: state.issues.count - open, archived: archived, segments: state.segments.count, revision: state.revision)
            : words.storeNotYet
        return StoreCheck(summary: summary, problems: problems)
    }
}
