import Foundation
import TenBoardCore
@testable import TenBoardTerminal

/// An in-memory store for controller tests: counts its changes as the stamp, and can be made to
/// fail loading like a damaged file.
final class FakeBoardStore: BoardStore {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var data: BoardData
    var stamp = 1
    var damaged: String?

    init(_ data: BoardData) { self.data = data }

    func loadBoard() throws -> BoardData {
        if let damaged { throw Failure(description: damaged) }
        return data
    }

    func boardStamp() -> Int? { stamp }

    /// A change by someone else (another lead, `tenboard add`).
    func external(_ change: (inout BoardData) -> Void) {
        change(&data)
        stamp += 1
    }

    private func modify(_ id: String, _ change: (inout Issue) throws -> Void) throws -> Issue {
        guard let i = data.issues.firstIndex(where: { $0.id == id }) else { throw Failure(description: "no issue \(id)") }
        try change(&data.issues[i])
        stamp += 1
        return data.issues[i]
    }

    func resolve(id: String, by: String, recordedBy: String?, action: String?, at: Date) throws -> Issue {
        try modify(id) {
            guard $0.isOpen else { throw Failure(description: "issue \(id) is already resolved") }
            $0.status = .resolved
            $0.resolvedAt = Timestamp(at, offsetSeconds: 3600)
            $0.resolvedBy = by
            $0.action = action?.isEmpty == false ? action : nil
        }
    }

    func withdraw(id: String, reason: String, at: Date) throws -> Issue {
        try modify(id) {
            guard $0.isOpen else { throw Failure(description: "issue \(id) is not open") }
            $0.status = .withdrawn
            $0.withdrawnReason = reason
        }
    }

    func reopen(id: String, at: Date) throws -> Issue {
        try modify(id) { $0.status = .open; $0.resolvedAt = nil; $0.resolvedBy = nil }
    }

    func assign(id: String, to assignee: String?, at: Date) throws -> Issue {
        try modify(id) { $0.assignee = assignee }
    }

    func add(_ new: NewIssue, at: Date) throws -> Issue {
        let id = String((data.issues.compactMap { Int($0.id) }.max() ?? 0) + 1)
        let issue = Issue(id: id, customer: new.customer, summary: new.summary, kind: new.kind,
                          receivedAt: Timestamp(new.receivedAt, offsetSeconds: 3600), assignee: new.assignee,
                          isInternal: new.isInternal, channel: new.channel)
        data.issues.append(issue)
        stamp += 1
        return issue
    }

    /// The same checks as `IssueStore.edit`: refused when the issue is no longer `expecting`.
    func edit(id: String, _ edit: IssueEdit, expecting: Issue, at: Date) throws -> Issue {
        try modify(id) {
            guard $0 == expecting else { throw Failure(description: "#\(id) was changed by someone else in the meantime") }
            try edit.apply(to: &$0, zone: TimeZone(secondsFromGMT: 3600)!)
        }
    }

    func restore(_ before: Issue, expecting after: Issue, at: Date) throws -> Issue {
        try modify(after.id) {
            guard $0 == after else { throw Failure(description: "#\(after.id) was changed by someone else in the meantime") }
            $0 = before
        }
    }

    /// Praise recorded through the board, oldest first.
    var praise: [Praise] = []

    func drawTally(who: String, by: String, at: Date, cap: Int) throws -> (mark: TallyMark, count: Int) {
        let day = W.schedule.localDate(of: at)
        let book = TallyBook(marks: data.tallyMarks)
        guard book.count(of: who, on: day) < cap else { throw Failure(description: "\(who) is at the cap") }
        let mark = TallyMark(day: day, who: who, by: by, at: Timestamp(at, in: W.schedule.timeZone))
        data.tallyMarks.append(mark)
        data.tally[day, default: 0] += 1
        stamp += 1
        return (mark, book.count(of: who, on: day) + 1)
    }

    func undoTally(_ mark: TallyMark, at: Date) throws -> Int {
        guard let i = data.tallyMarks.lastIndex(of: mark) else { throw Failure(description: "the mark is gone") }
        data.tallyMarks.remove(at: i)
        data.tally[mark.day, default: 1] -= 1
        stamp += 1
        return TallyBook(marks: data.tallyMarks).count(of: mark.who, on: mark.day)
    }

    func addPraise(who: String, customer: String, text: String, recordedBy: String, issue: String?, at: Date) throws -> Praise {
        let stampAt = Timestamp(at, in: W.schedule.timeZone)
        let p = Praise(who: who, customer: customer, text: text, at: stampAt, day: W.schedule.localDate(of: at),
                       recordedBy: recordedBy, issue: issue)
        praise.append(p)
        stamp += 1
        return p
    }

    func undoPraise(_ p: Praise, at: Date) throws {
        guard let i = praise.lastIndex(of: p) else { throw Failure(description: "the praise is gone") }
        praise.remove(at: i)
        stamp += 1
    }
}
