import Foundation

/// `tenboard check` of the store: every file read and cross-checked, nothing changed.
public struct StoreCheck: Sendable {
    /// "12 open, 40 resolved, 100000 archived in 24 segments".
    public var summary: String
    /// What is wrong, each naming its file and issue; empty when all is well.
    public var problems: [String]

    /// Reads the hot file and every archive segment.
    /// - Throws: `TenBoardError` (65) when a file cannot be parsed at all.
    public static func run(_ store: IssueStore) throws(TenBoardError) -> StoreCheck {
        let (state, segments) = try store.snapshotWithSegments()
        var problems: [String] = []
        var seen: [String: String] = [:]
        var archived = 0
        func note(_ issue: Issue, in file: String) {
            if let first = seen.updateValue(file, forKey: issue.id) {
                problems.append("\(file): the id '\(issue.id)' is also in \(first)")
            }
        }
        for segment in segments {
            let url = segment.url
            let data = try segment.contents()
            let issues = try ArchiveSegment.decode(data, from: url)
            if ArchiveIndex.matches(store.indexURL(forSegment: url), segment: data) == false {
                problems.append("\(store.indexURL(forSegment: url).path): not the index of \(url.lastPathComponent) (it is only a help to find issues: delete it, and the next change to an issue of that segment writes it again)")
            }
            archived += issues.count
            for issue in issues {
                note(issue, in: url.path)
                if issue.isOpen { problems.append("\(url.path): issue \(issue.id) is open but archived") }
            }
            for issue in MorningCheck.resolvedBeforeReceived(issues) {
                problems.append("\(url.path): issue \(issue.id) was resolved before it was received")
            }
        }
        for issue in state.issues { note(issue, in: store.hotURL.path) }
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
