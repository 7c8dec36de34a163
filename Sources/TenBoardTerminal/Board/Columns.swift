import Foundation
import TenBoardCore

/// The list's columns for a width: id, customer, kind, age, assignee, summary. Kind and assignee
/// are dropped on narrow terminals; customer and summary share what is left.
struct Columns {
    var idWidth: Int
    var customerWidth: Int
    var kindWidth: Int?
    /// Room for "10h 05m" and "✓ 09:40".
    let ageWidth = 7
    var assigneeWidth: Int?
    var summaryWidth: Int
    /// The first cell holds the selection marker.
    let margin = 2

    init(state: BoardState, width: Int) {
        let text = Words(state.language)
        let list = state.list
        idWidth = min(8, max(2, list.idWidth))
        let kindWanted = IssueKind.allCases.map { DisplayWidth.of(text.kind($0)) }.max()!
        // Names get 24 and 12 cells, more on a wide terminal (a third of the free room for the
        // customer, a tenth of the width for the assignee): the summary still gets the most.
        let assigneeWanted = min(max(12, width / 10), max(DisplayWidth.of(text.columnAssignee), list.assigneeWidth))
        kindWidth = width >= 72 ? kindWanted : nil
        assigneeWidth = width >= 60 ? assigneeWanted : nil
        let fixed = margin + (idWidth + 1) + (ageWidth + 1) + (kindWidth.map { $0 + 1 } ?? 0)
            + (assigneeWidth.map { $0 + 1 } ?? 0)
        let rest = max(0, width - fixed)
        let customerWanted = min(max(24, rest / 3), max(DisplayWidth.of(text.columnCustomer), list.customerWidth))
        customerWidth = min(customerWanted, max(8, rest * 2 / 5))
        summaryWidth = max(0, rest - customerWidth - 1)
    }

    func drawHeadings(into grid: inout Grid, y: Int, text: Words) {
        grid.fill(x: 0, y: y, count: grid.width, role: .columnHeading)
        var x = margin
        x = cell(text.columnID, idWidth, into: &grid, x: x, y: y, role: .columnHeading)
        x = cell(text.columnCustomer, customerWidth, into: &grid, x: x, y: y, role: .columnHeading)
        if let kindWidth { x = cell(text.columnKind, kindWidth, into: &grid, x: x, y: y, role: .columnHeading) }
        x = cell(TextFit.padLeft(text.columnAge, to: ageWidth), ageWidth, into: &grid, x: x, y: y, role: .columnHeading)
        if let assigneeWidth { x = cell(text.columnAssignee, assigneeWidth, into: &grid, x: x, y: y, role: .columnHeading) }
        _ = cell(text.columnSummary, summaryWidth, into: &grid, x: x, y: y, role: .columnHeading)
    }

    func draw(_ row: BoardRow, into grid: inout Grid, y: Int, now: Date, text: Words, glyphs: Glyphs,
              zone: TimeZone, selected: Bool) {
        let issue = row.issue
        let base: Role = switch row.group {
        case .earlier, .waiting: .normal
        case .nextMorning: .nextMorning
        case .helped: .helped
        case .wroteAgain: .stateWarning
        }
        if selected { grid.put(glyphs.selection, x: 0, y: y, role: .selected) }
        var x = margin
        x = cell(issue.id, idWidth, into: &grid, x: x, y: y, role: base)
        x = cell(issue.customer, customerWidth, into: &grid, x: x, y: y, role: base)
        if let kindWidth { x = cell(text.kind(issue.kind), kindWidth, into: &grid, x: x, y: y, role: base) }
        let age: String
        var ageRole = base
        if row.group == .helped || row.group == .wroteAgain, let resolved = issue.resolvedAt?.date {
            // Helped late differs by symbol and colour; an earlier day shows its weekday.
            let mark = row.isLate ? glyphs.late : glyphs.check
            let day = Words.localDate(resolved, in: zone)
            age = mark + (day == Words.localDate(now, in: zone) ? BoardClock.time(resolved, in: zone)
                          : " " + Words(text.language).weekday(day.weekday))
            if row.isLate { ageRole = .stateOverdue }
        } else {
            age = text.age(seconds: Int(now.timeIntervalSince(issue.receivedAt.date)))
            // Urgent once its deadline has passed: carried over, or this morning's after the deadline.
            if row.group == .earlier || (row.group == .waiting && (row.deadline.map { now > $0 } ?? false)) {
                ageRole = .stateOverdue
            }
        }
        x = cell(TextFit.padLeft(age, to: ageWidth), ageWidth, into: &grid, x: x, y: y, role: ageRole)
        // For a helped customer, who helped (the seed's "customer thinker") says more than who had it.
        let who = row.group == .helped || row.group == .wroteAgain ? (issue.resolvedBy ?? issue.assignee) : issue.assignee
        if let assigneeWidth { x = cell(who ?? "", assigneeWidth, into: &grid, x: x, y: y, role: base) }
        _ = cell(Self.oneLine(issue.summary), summaryWidth, into: &grid, x: x, y: y, role: base)
        if selected { grid.paint(x: 0, y: y, count: grid.width, role: .selected) }
    }

    /// A summary in one line: line breaks become spaces here (the detail view keeps them).
    static func oneLine(_ text: String) -> String {
        // Both breaks hold a line feed; most summaries have none and stay as they are.
        guard text.utf8.contains(0x0A) else { return text }
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).joined(separator: " ")
    }

    private func cell(_ value: String, _ width: Int, into grid: inout Grid, x: Int, y: Int, role: Role) -> Int {
        let ellipsis = grid.unicode ? "…" : "~"
        grid.put(TextFit.truncate(value, to: width, ellipsis: ellipsis), x: x, y: y, role: role, limit: x + width)
        return x + width + 1
    }
}

extension Glyphs {
    /// The mark of a customer helped after the deadline, in place of the check: the same in
    /// Unicode and ASCII, so lateness never depends on colour alone.
    var late: String { "!" }
}
