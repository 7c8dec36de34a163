import Foundation
import TenBoardCore

/// One customer in full: who, what, since when, for which morning, who has it, and once helped,
/// by whom, when and the action point. Long texts wrap; what does not fit is cut at the bottom.
enum DetailView {
    static func draw(_ state: BoardState, into grid: inout Grid, area: Rect, glyphs: Glyphs) {
        let text = Words(state.language)
        guard let row = state.selectedRow else {
            grid.put("  " + text.nothingSelected, x: area.x, y: area.y + 1, role: .dim, limit: area.maxX)
            return
        }
        let issue = row.issue
        let zone = state.timeZone
        var lines: [(label: String, value: String, role: Role)] = []
        lines.append((text.labelCustomer, issue.customer + (issue.isInternal ? " (\(text.internalCustomer))" : ""), .normal))
        lines.append((text.labelKind, text.kind(issue.kind), .normal))
        let age = text.age(seconds: Int(state.now.timeIntervalSince(issue.receivedAt.date)))
        lines.append((text.labelReceived, BoardClock.dayTime(issue.receivedAt.date, in: zone, state.language)
                      + (issue.isOpen ? " (\(text.waitingFor(age)))" : ""), .normal))
        if let morning = row.morning {
            let words = Words(state.language)
            let mark: String = switch row.group {
            case .nextMorning: " (\(text.nextMorningMark))"
            case .earlier: " (\(words.carriedOverMark), \(words.missed(morning)))"
            case .helped where row.isLate: " (\(words.fate(.helpedLate)))"
            case .wroteAgain: " (\(text.wroteAgainMark))"
            default: ""
            }
            // A carried-over customer counts for this morning too, until helped.
            let day = row.group == .earlier ? state.header.morning : morning
            lines.append((text.labelCountsFor, words.day(day) + mark,
                          row.group == .earlier ? .stateOverdue : row.group == .nextMorning ? .nextMorning : .normal))
        }
        lines.append((text.labelAssignee, issue.assignee ?? text.nobody, issue.assignee == nil ? .dim : .normal))
        if let channel = issue.channel { lines.append((text.labelChannel, channel, .normal)) }
        if let resolved = issue.resolvedAt?.date, !issue.isOpen {
            lines.append((text.labelStatus, text.helpedBy(issue.resolvedBy, on: BoardClock.day(resolved, in: zone, state.language),
                                                      at: BoardClock.time(resolved, in: zone), late: row.isLate),
                          row.isLate ? .stateOverdue : .helped))
            if let recorder = issue.recordedBy { lines.append((text.labelRecordedBy, recorder, .dim)) }
        } else {
            lines.append((text.labelStatus, text.waitingFor(age), row.group == .earlier ? .stateOverdue : .normal))
        }

        let labelWidth = min(16, (lines.map { DisplayWidth.of($0.label) } + [DisplayWidth.of(text.labelAction), DisplayWidth.of(text.labelSummary)]).max()! + 2)
        var y = area.y
        let title = "#\(issue.id)  \(Columns.oneLine(issue.customer))"
        grid.put(" " + title, x: area.x, y: y, role: .overlayTitle, limit: area.maxX)
        y += 2
        let valueWidth = area.width - 2 - labelWidth
        func field(_ label: String, _ value: String, _ role: Role) {
            for (i, part) in TextFit.wrap(value, to: max(1, valueWidth)).enumerated() where y < area.maxY {
                if i == 0 { grid.put(label, x: area.x + 2, y: y, role: .columnHeading, limit: area.x + 2 + labelWidth) }
                grid.put(part, x: area.x + 2 + labelWidth, y: y, role: role, limit: area.maxX)
                y += 1
            }
        }
        for line in lines where y < area.maxY { field(line.label, line.value, line.role) }
        if let action = issue.action, !action.isEmpty { field(text.labelAction, action, .normal) }
        y += 1
        if y < area.maxY {
            grid.put(text.labelSummary, x: area.x + 2, y: y, role: .columnHeading, limit: area.maxX)
            y += 1
        }
        for part in TextFit.wrap(issue.summary, to: max(1, area.width - 4)) where y < area.maxY {
            grid.put(part, x: area.x + 4, y: y, role: .normal, limit: area.maxX)
            y += 1
        }
        // A mailed customer (tenboard intake): address, "wrote again", each message's first lines.
        let mail = issue.mailDetail(zone: zone, language: state.language, lines: 8)
        if !mail.isEmpty { y += 1 }
        for (label, value) in mail where y < area.maxY {
            if label.isEmpty {
                grid.put(value, x: area.x + 2, y: y, role: .normal, limit: area.maxX)
                y += 1
            } else {
                field(label, value, .normal)
            }
        }
    }
}
