import Foundation

extension IssueStore {
    /// The history of every morning up to the one relevant at `at`, from the whole store
    /// (archive included), with the tally marks the store keeps.
    public func history(at: Date) throws(TenBoardError) -> MorningHistory {
        let issues = try allIssues()
        let state = try snapshot()
        return schedule.history(of: issues, at: at, tally: MorningHistory.tally(state.tally))
    }
}
