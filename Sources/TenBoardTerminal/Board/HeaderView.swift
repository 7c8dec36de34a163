import Foundation
import TenBoardCore

/// The two header lines: the morning and its countdown in the state's colour, then progress,
/// pace, streak and the day's tally. Less important parts are left out on narrow terminals.
enum HeaderView {
    static func draw(_ state: BoardState, into grid: inout Grid, area: Rect, glyphs: Glyphs) {
        let h = state.header
        let status = h.status
        let text = Words(state.language)
        let words = Words(state.language)
        let stateRole: Role = state.unread ? .stateOverdue : Role(h.state)
        let deadline = h.deadlineTime.description
        let left = Words.countdown(h.secondsLeft)

        // Line 1: title bar, the state badge on the right.
        grid.fill(x: area.x, y: area.y, count: area.width, role: .titleBar)
        // What follows the state's name; nothing when it would only say it again.
        let clock: String? = switch h.state {
        case .waiting, .warning: text.leftUntil(left, to: deadline)
        case .done: text.spare(left, before: deadline)
        case .overdue: text.overdue(by: left, after: deadline)
        case .closed: nil
        case .quiet: h.secondsLeft >= 0 ? text.leftUntil(left, to: deadline) : nil
        case .none: text.nextDeadline(Words(state.language).day(h.morning), deadline, in: left)
        }
        let badgeLabel = Words(state.language).state(h.state).uppercased()
        // A store that was never read has no state to show: say so rather than "no customers".
        let fullBadge = state.unread ? " \(text.storeUnreadable) "
            : clock.map { " \(badgeLabel) \(glyphs.separator.trimmingBlanks()) \($0) " } ?? " \(badgeLabel) "
        let shortBadge = state.unread ? fullBadge : clock.map { " \($0) " } ?? fullBadge
        let titleParts = [
            Segment(" " + text.appName, role: .titleBar, priority: 1),
            Segment(text.morning(Words(state.language).day(h.morning)), role: .titleBar, priority: 2),
        ]
        var badge = fullBadge
        if DisplayWidth.of(fullBadge) + 12 > area.width { badge = shortBadge }
        badge = TextFit.truncate(badge, to: area.width)
        let badgeWidth = DisplayWidth.of(badge)
        Segment.draw(titleParts, into: &grid, x: area.x, y: area.y, width: area.width - badgeWidth - 1,
                     separator: glyphs.separator, separatorRole: .titleBar)
        grid.put(badge, x: area.maxX - badgeWidth, y: area.y, role: stateRole)

        // Line 2: the numbers of the morning.
        guard area.height > 1 else { return }
        var parts: [Segment] = []
        // The line starts with one space: before "as at" on a frozen board, else before the numbers.
        let lead = h.frozenAt == nil ? " " : ""
        if let frozen = h.frozenAt {
            parts.append(Segment(" " + words.asAt(frozen, in: state.timeZone), role: .notice, priority: 10))
        }
        if state.unread {
            // No numbers at all: every one of them would be a guess.
            grid.put(" " + text.nothingRead, x: area.x, y: area.y + 1, role: .stateOverdue, limit: area.maxX)
            return
        }
        if h.state == .quiet {
            parts.append(Segment(lead + words.noCustomers, role: .dim, priority: 9))
        } else if h.state != .none {
            parts.append(Segment(lead + text.progress(status.helpedAll, of: status.inScope), role: .normal, priority: 9))
            if status.helpedLate > 0 { parts.append(Segment(text.late(status.helpedLate), role: .stateOverdue, priority: 5)) }
            if status.carriedOver > 0 {
                parts.append(Segment(words.carriedOver(status.carriedOver), role: .stateOverdue, priority: 5))
            }
            let urgent: Role = stateRole == .stateWarning || stateRole == .stateOverdue ? stateRole : .normal
            if let pace = status.paceNeeded {
                parts.append(Segment(text.paceShort(pace), role: urgent, priority: 6))
            } else if status.waiting > 0, h.secondsLeft > 0 {
                parts.append(Segment(words.toGo(status.waiting), role: urgent, priority: 6))
            }
            if let finish = status.projectedFinish {
                // The most useful early warning: red when the team will not make it.
                parts.append(Segment(text.projected(BoardClock.time(finish, in: state.timeZone)),
                                     role: status.finishesLate ? .stateOverdue : .dim, priority: status.finishesLate ? 6 : 2))
            }
        } else {
            parts.append(Segment(lead + Words(state.language).state(.none), role: .dim, priority: 9))
        }
        let strip = Words.strip(h.recent, unicode: glyphs == .unicode)
        parts.append(Segment(text.streak(status.streak), role: .normal, priority: 4))
        if !strip.isEmpty { parts.append(Segment(strip, role: .dim, priority: 2)) }
        if let rate = words.lastMornings(met: h.recentRate.met, of: h.recentRate.of) {
            parts.append(Segment(rate, role: .dim, priority: 1))
        }
        parts.append(Segment(text.tally(h.tally), role: .normal, priority: 3))
        if state.readOnly { parts.append(Segment(text.readOnly, role: .notice, priority: 7)) }
        Segment.draw(parts, into: &grid, x: area.x, y: area.y + 1, width: area.width, separator: glyphs.separator)
    }

}
