import Foundation
import TenBoardCore

/// The list of customers: waiting ones oldest first, then those counting for the next morning
/// and those helped this morning, each part under its own heading. Columns adapt to the width.
enum IssueListView {
    /// A line of the list: a part's heading, a customer, or the "nobody waits" line.
    enum Line: Equatable {
        case section(BoardGroup, count: Int)
        case row(Int)
        case empty
    }

    /// The lines for the state's rows, headings included (kept in `BoardState.list`).
    static func lines(_ state: BoardState) -> [Line] { state.list.lines }

    /// The lines for `rows`, headings included.
    static func lines(_ rows: [BoardRow]) -> [Line] {
        var out: [Line] = []
        var counts: [BoardGroup: Int] = [:]
        for i in rows.indices { counts[rows[i].group, default: 0] += 1 }
        if (counts[.earlier] ?? 0) + (counts[.waiting] ?? 0) == 0 { out.append(.empty) }
        var previous: BoardGroup?
        // "This morning" gets its heading only when carried-over customers stand above it.
        let headWaiting = (counts[.earlier] ?? 0) > 0
        out.reserveCapacity(rows.count + 6)
        for i in rows.indices {
            let group = rows[i].group
            if group != previous, group != .waiting || headWaiting {
                out.append(.section(group, count: counts[group] ?? 0))
            }
            previous = group
            out.append(.row(i))
        }
        return out
    }

    /// The first line to show: `preferred` if the selection is visible from there, else the
    /// nearest start that shows it; never past the end.
    static func top(lines: [Line], selectedID: String?, rows: [BoardRow], visible: Int, preferred: Int) -> Int {
        guard visible > 0 else { return 0 }
        let maxTop = max(0, lines.count - visible)
        var top = min(max(0, preferred), maxTop)
        if let selected = selectedLine(lines, selectedID: selectedID, rows: rows) {
            // Keep the part's heading in view when selecting its first customer.
            let wanted = selected > 0 && isSection(lines[selected - 1]) ? selected - 1 : selected
            if wanted < top { top = wanted }
            if selected >= top + visible { top = selected - visible + 1 }
        }
        return min(max(0, top), maxTop)
    }

    private static func isSection(_ line: Line) -> Bool {
        if case .section = line { return true }
        return false
    }

    private static func selectedLine(_ lines: [Line], selectedID: String?, rows: [BoardRow]) -> Int? {
        guard selectedID != nil else { return nil }
        return lines.firstIndex { line in
            if case .row(let i) = line { return rows[i].issue.id == selectedID }
            return false
        }
    }

    static func draw(_ state: BoardState, into grid: inout Grid, headings: Rect, body: Rect, glyphs: Glyphs) {
        let text = Words(state.language)
        let columns = Columns(state: state, width: body.width)
        columns.drawHeadings(into: &grid, y: headings.y, text: text)
        let lines = lines(state)
        let top = top(lines: lines, selectedID: state.selectedID, rows: state.rows, visible: body.height,
                      preferred: state.scrollTop)
        for (offset, line) in lines.dropFirst(top).prefix(body.height).enumerated() {
            let y = body.y + offset
            switch line {
            case .empty:
                let message = state.unread ? text.nothingRead
                    : state.filter.isEmpty ? text.nobodyWaiting : text.noMatch(state.filter)
                grid.put("  " + message, x: body.x, y: y, role: state.unread ? .stateOverdue : .dim, limit: body.maxX)
            case .section(let group, let count):
                let title: String = switch group {
                case .earlier: text.sectionEarlier(count)
                case .waiting: text.sectionThisMorning(count)
                case .nextMorning: text.sectionNextMorning(count)
                case .helped: text.sectionHelped(count)
                case .wroteAgain: text.sectionWroteAgain(count)
                }
                let rule = String(repeating: glyphs.horizontal, count: 2)
                let x = grid.put(" \(rule) \(title) ", x: body.x, y: y, role: .section, limit: body.maxX)
                let fill = max(0, body.maxX - x)
                grid.put(String(repeating: glyphs.horizontal, count: fill), x: x, y: y, role: .section, limit: body.maxX)
            case .row(let i):
                let row = state.rows[i]
                let selected = row.issue.id == state.selectedID
                columns.draw(row, into: &grid, y: y, now: state.now, text: text, glyphs: glyphs,
                             zone: state.timeZone, selected: selected)
            }
        }
    }
}
