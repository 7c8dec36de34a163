import Foundation

extension IssueStore {
    /// Withdraws an issue that was not a customer's request (a duplicate, spam…): it leaves every
    /// count of every morning but stays in the store, in history and in export. `reopen` brings
    /// it back.
    ///
    /// - Parameters:
    ///   - reason: why, in a few words; required.
    ///   - at: when it was withdrawn.
    /// - Throws: exit 64 for an empty reason, 66 for an unknown id, 65 when it is not open.
    @discardableResult
    public func withdraw(id: String, reason: String, at: Date = Date()) throws -> Issue {
        let trimmed = reason.trimmingBlanksAndNewlines()
        guard !trimmed.isEmpty else {
            throw TenBoardError(exitCode: .usage) { $0.reasonNeeded(id) }
        }
        return try modify(id: id, at: at) { issue in
            guard issue.isOpen else {
                let status = issue.status
                throw TenBoardError(exitCode: .dataError) { $0.onlyOpenWithdrawn(id, status) }
            }
            guard !issue.waitsTooLong(until: at) else {
                let received = issue.receivedAt.rfc3339
                throw TenBoardError(exitCode: .dataError) { $0.waitTooLong(id, received: received, years: Issue.longestWaitYears) }
            }
            issue.status = .withdrawn
            issue.withdrawnAt = Timestamp(at.wholeSeconds, in: schedule.timeZone)
            issue.withdrawnReason = trimmed
        }
    }
}
