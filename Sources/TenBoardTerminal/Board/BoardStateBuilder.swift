import Foundation
import TenBoardCore

/// Builds the header and the rows of the board from the store's data and the morning's status at
/// an instant: the rows are the account's lists, in display order, never decided again here.
public enum BoardStateBuilder {
    /// The header values and the rows (unfiltered), in display order.
    ///
    /// - Parameters:
    ///   - data: the store's issues, tally and streak base.
    ///   - schedule: the morning rules.
    ///   - now: the instant to show.
    ///   - frozen: the board shows `--at` another time: the header says so.
    ///   - recent: the strip of the last mornings when the caller keeps it (it changes at most with
    ///     the data and the minute); `nil` computes it.
    public static func build(
        _ data: BoardData, schedule: MorningSchedule, now: Date, frozen: Bool = false,
        recent: (strip: [MorningRow], rate: MorningRate)? = nil
    ) -> (BoardHeader, [BoardRow]) {
        let status = schedule.status(at: now, issues: data.issues, base: data.streakBase)
        let account = status.account
        let today = schedule.localDate(of: now)
        var header = BoardHeader(status: status, tally: data.tally[today] ?? 0, frozenAt: frozen ? now : nil)
        (header.recent, header.recentRate) = recent ?? MorningHistory.recent(data.issues, schedule: schedule, at: now, kept: data.recentMornings)
        var placer = MorningPlacer(schedule)
        func row(_ issue: Issue, _ group: BoardGroup, _ fate: MorningFate) -> BoardRow {
            let morning = account.missedMorning[issue.id]
                ?? (group == .nextMorning ? placer.morning(forReceived: issue.receivedAt.date) : account.morning)
            return BoardRow(issue: issue, group: group, morning: morning, fate: fate, deadline: account.deadline)
        }
        var rows: [BoardRow] = []
        // A helped customer who wrote again since: first, until a lead reopens or helps again.
        let wroteAgain = data.issues.filter { !$0.extra.isEmpty && $0.wroteAgainSinceHelped }
        rows += wroteAgain.map { row($0, .wroteAgain, account.fate(of: $0) ?? .helped) }
        let shownAgain = Set(wroteAgain.map(\.id))
        // Carried over first (the longest wait at the top), then this morning's, each oldest first.
        rows += account.carriedOver.filter { account.fate(of: $0) == .waiting }.map { row($0, .earlier, .waiting) }
        rows += account.waiting.filter { !account.isCarriedOver($0) }.map { row($0, .waiting, .waiting) }
        rows += account.nextMorning.map { row($0, .nextMorning, .nextMorning) }
        // Helped, latest first: sorted by position, the issues read in place (not copied per step).
        let helped = account.helped.count
        let order = account.helped.withUnsafeBufferPointer { inTime in
            account.helpedLate.withUnsafeBufferPointer { late in
                func issue(_ k: Int) -> UnsafePointer<Issue> { k < helped ? inTime.baseAddress! + k : late.baseAddress! + (k - helped) }
                return (0..<(helped + late.count)).sorted { a, b in
                    let x = issue(a).pointee.resolvedAt?.date ?? .distantPast, y = issue(b).pointee.resolvedAt?.date ?? .distantPast
                    return x != y ? x > y : issue(a).pointee.id > issue(b).pointee.id
                }
            }
        }
        for k in order {
            let (issue, fate) = k < helped ? (account.helped[k], MorningFate.helped) : (account.helpedLate[k - helped], .helpedLate)
            if !shownAgain.contains(issue.id) { rows.append(row(issue, .helped, fate)) }
        }
        return (header, rows)
    }

    /// Whether a row matches a filter: case- and accent-insensitive, on id, customer, summary,
    /// assignee, channel and kind.
    public static func matches(_ row: BoardRow, filter: String, language: Language) -> Bool {
        let needle = filter.trimmingBlanks()
        if needle.isEmpty { return true }
        let issue = row.issue
        let haystack = [issue.id, issue.customer, issue.summary, issue.assignee ?? "", issue.channel ?? "",
                        issue.kind.rawValue, Words(language).kind(issue.kind)].joined(separator: "\n")
        return haystack.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }
}
