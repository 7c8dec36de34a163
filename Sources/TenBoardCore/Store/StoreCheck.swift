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
    /// - Parameter full: parse every segment, whatever its index says.
    /// - Throws: `TenBoardError` (65) when a file cannot be parsed at all.
    public static func run(_ store: IssueStore, full: Bool = false) throws(TenBoardError) -> StoreCheck {
        let (state, segments) = try store.snapshotWithSegments()
        var problems: [String] = []
        var seen: [String: Int] = [:]
        var files: [String] = []
        var archived = 0
        func note(_ id: String, in file: Int) {
            if let first = seen.updateValue(file, forKey: id) {
                problems.append("\(files[file]): the id '\(Untrusted.quoted(id))' is also in \(files[first])")
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
            if !full, let index, let entries = ArchiveIndex.entries(data), index == ArchiveIndex.build(data, entries: entries) {
                archived += entries.count
                for entry in entries { note(entry.id, in: file) }
                continue
            }
            let issues = try ArchiveSegment.decode(data, from: url)
            if let index, index != ArchiveIndex.build(data) {
                problems.append("\(indexURL.path): not the index of \(url.lastPathComponent) (it is only a help to find issues: delete it, and the next change to an issue of that segment writes it again)")
            }
            archived += issues.count
            for issue in issues {
                note(issue.id, in: file)
                if issue.isOpen { problems.append("\(url.path): issue \(issue.id) is open but archived") }
            }
            for issue in MorningCheck.resolvedBeforeReceived(issues) {
                problems.append("\(url.path): issue \(issue.id) was resolved before it was received")
            }
        }
        let hot = files.count
        files.append(store.hotURL.path)
        for issue in state.issues { note(issue.id, in: hot) }
        for issue in MorningCheck.resolvedBeforeReceived(state.issues) {
            problems.append("\(store.hotURL.path): issue \(issue.id) was resolved before it was received")
        }
        let open = state.issues.filter(\.isOpen).count
        let summary = store.exists
            ? "\(open) open, \(state.issues.count - open) recently resolved, \(archived) archived in \(state.segments.count) segment\(state.segments.count == 1 ? "" : "s"), revision \(state.revision)"
            : "does not exist yet (it is created by the first change)"
        return StoreCheck(summary: summary, problems: problems)
    }
}
