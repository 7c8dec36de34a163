import Foundation
import TenBoardCore

/// Builds the header and the rows of the board from the store's data and the morning's status at
/// an instant, using the morning rules of `MorningSchedule`.
public enum BoardStateBuilder {
    /// The header values and the rows (unfiltered), in display order.
    ///
    /// - Parameters:
    ///   - data: the store's issues, tally and streak base.
    ///   - schedule: the morning rules.
    ///   - now: the instant to show.
    public static func build(_ data: BoardData, schedule: MorningSchedule, now: Date) -> (BoardHeader, [BoardRow]) {
        let status = schedule.status(at: now, issues: data.issues, base: data.streakBase, since: data.since)
        let account = status.account
        let today = schedule.localDate(of: now)
        let header = BoardHeader(
            morning: status.morning, deadlineTime: schedule.deadline, secondsLeft: status.secondsLeft,
            state: status.state, helped: status.helped, helpedLate: status.helpedLate,
            inScope: status.inScope, waiting: status.waiting, nextMorning: status.nextMorning,
            paceNeeded: status.paceNeeded, projectedFinish: status.projectedFinish, streak: status.streak,
            tally: data.tally[today] ?? 0
        )
        var rows: [BoardRow] = []
        func morning(_ issue: Issue) -> LocalDate { schedule.morning(forReceived: issue.receivedAt.date) }
        // Oldest first across earlier mornings and this one: the longest wait is at the top.
        let waiting = (account.earlier.map { ($0, BoardGroup.earlier) } + account.waiting.map { ($0, BoardGroup.waiting) })
            .sorted { ($0.0.receivedAt.date, $0.0.id) < ($1.0.receivedAt.date, $1.0.id) }
        rows += waiting.map { BoardRow(issue: $0.0, group: $0.1, morning: morning($0.0)) }
        rows += account.nextMorning.map { BoardRow(issue: $0, group: .nextMorning, morning: morning($0)) }
        let helped = (account.helped + account.helpedLate).sorted {
            ($0.resolvedAt?.date ?? .distantPast, $0.id) > ($1.resolvedAt?.date ?? .distantPast, $1.id)
        }
        rows += helped.map { BoardRow(issue: $0, group: .helped, morning: account.morning) }
        return (header, rows)
    }

    /// Whether a row matches a filter: case- and accent-insensitive, on id, customer, summary,
    /// assignee, channel and kind.
    public static func matches(_ row: BoardRow, filter: String, language: Language) -> Bool {
        let needle = filter.trimmingCharacters(in: .whitespaces)
        if needle.isEmpty { return true }
        let issue = row.issue
        let haystack = [issue.id, issue.customer, issue.summary, issue.assignee ?? "", issue.channel ?? "",
                        issue.kind.rawValue, BoardText(language).kind(issue.kind)].joined(separator: "\n")
        return haystack.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }
}
