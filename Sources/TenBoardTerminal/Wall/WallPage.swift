import Foundation
import TenBoardCore

/// One rendering in progress: the state, the grid and the row where the next part goes.
struct WallPage {
    let state: WallState
    var grid: Grid
    var row = 0
    let text: Words
    let glyphs: Glyphs

    init(state: WallState, grid: Grid) {
        self.state = state
        self.grid = grid
        text = Words(state.language)
        glyphs = Glyphs.forLocale(utf8: grid.unicode)
    }

    var width: Int { grid.width }
    var height: Int { grid.height }

    /// Rows kept for the title, the lines about the big digits and a few customers.
    static let rowsBesideBig = 7

    mutating func draw() {
        guard width > 0, height > 0 else { return }
        let big = bigText
        let resultRows = state.mode == .between && state.result != nil ? 1 : 0
        // Up to two fifths of the screen: room is left for the waiting customers.
        let budget = min(height - WallPage.rowsBesideBig - resultRows, max(5, height * 2 / 5))
        if height >= 12, let clock = BigClock.fitting(big.text, width: width - 4, height: budget) {
            titleBar()
            row += 1
            if state.mode == .between, let result = state.result { resultLine(result) }
            badge(big, clock: clock, padRows: clock.height + 2 <= budget ? 1 : 0)
        } else {
            compactHeadline(big)
        }
        labelLines()
        peopleLines()
        row += 1
        lists()
    }

    // MARK: the parts

    /// What the big digits say, and in which role.
    var bigText: (text: String, role: Role) {
        let role = Role(state.state)
        switch state.mode {
        case .countdown:
            let time = Words.countdown(state.secondsLeft)
            return (state.secondsLeft < 0 ? "+" + time : time, role)
        case .allHelped:
            return ("\u{2713}", role)
        case .between:
            return (Words.countdown(max(0, state.secondsLeft)), .stateNone)
        }
    }

    mutating func titleBar() {
        let title = state.mode == .between ? text.wallNextTitle(state.morning, deadline: state.deadline)
            : text.wallTitle(state.morning, deadline: state.deadline)
        grid.fill(x: 0, y: row, count: width, role: .titleBar)
        // A frozen view (--at) says so where the clock would be.
        let clock = state.frozenAt.map { " " + Words(state.language).asAt($0, in: state.status.schedule.timeZone) + " " }
            ?? " \(state.clock) "
        let room = width - DisplayWidth.of(clock) - 1
        grid.put(fit(" " + joinFitting(title.components(separatedBy: " · "), room - 1), room), x: 0, y: row, role: .titleBar)
        if room > 10 { grid.put(clock, x: width - DisplayWidth.of(clock), y: row, role: state.frozenAt == nil ? .titleBar : .notice) }
        row += 1
    }

    mutating func resultLine(_ result: MorningResult) {
        centered(text.morningResult(result), role: result.inScope == 0 ? .stateNone : result.met ? .stateDone : .stateOverdue)
        row += 1
    }

    /// The big digits on a block of their state's colour: the board's themes give state roles a
    /// background (or reverse), so lit cells show the foreground and unlit ones the block. The
    /// block is only as wide as the text, plus a margin.
    mutating func badge(_ big: (text: String, role: Role), clock: BigClock, padRows: Int) {
        let textWidth = clock.width
        let pad = min(2 * clock.font.pixelWidth, (width - textWidth) / 2)
        let x = (width - textWidth) / 2
        for y in row..<(row + clock.height + 2 * padRows) {
            grid.fill(x: x - pad, y: y, count: textWidth + 2 * pad, role: big.role)
        }
        clock.draw(into: &grid, x: x, y: row + padRows, role: big.role)
        row += clock.height + 2 * padRows + 1
    }

    /// Small terminals: the countdown in ordinary characters on the first line, on its colour.
    mutating func compactHeadline(_ big: (text: String, role: Role)) {
        let headline = state.mode == .allHelped ? text.allHelped(state.inScope) : big.text
        let line = fit(" " + headline + " ", width)
        grid.fill(x: 0, y: row, count: width, role: big.role)
        grid.put(line, x: (width - DisplayWidth.of(line)) / 2, y: row, role: big.role)
        row += 1
        if state.mode == .between, let result = state.result, row < height {
            centered(text.morningResult(result), role: .normal)
            row += 1
        }
    }

    /// The line that says what the big digits count, then progress, pace, streak and tally.
    mutating func labelLines() {
        let role = Role(state.state)
        switch state.mode {
        case .countdown:
            let label = state.state == .quiet ? text.quiet(state.deadline)
                : state.secondsLeft < 0 ? text.overdueSince(state.deadline, waiting: state.waiting, carriedOver: state.status.carriedOver)
                : text.untilDeadline(state.deadline, waiting: state.waiting, carriedOver: state.status.carriedOver)
            centered(label, role: role)
        case .allHelped:
            if height >= 12 { centered(text.allHelped(state.inScope), role: role); row += 1 }
            centered(text.toSpare(Words.countdown(state.secondsLeft), before: state.deadline), role: .normal)
        case .between:
            centered(text.untilNext(state.morning, state.deadline), role: .stateNone)
        }
        row += 1
        var facts: [String] = []
        if state.mode != .between, state.state != .quiet {
            facts.append(text.progress(helped: state.helped, late: state.helpedLate, of: state.inScope))
        }
        if state.mode == .countdown, let pace = state.paceNeeded {
            facts.append(text.pace(pace))
        } else if state.mode == .countdown, state.waiting > 0, state.secondsLeft > 0 {
            facts.append(text.toGo(state.waiting))
        }
        // The streak with the strip of the last mornings beside it, and the recent rate; on a
        // narrow wall the rate goes first, then the strip.
        let strip = Words.strip(state.recent, unicode: grid.unicode)
        let rate = Words(state.language).lastMornings(met: state.recentRate.met, of: state.recentRate.of)
        let streakIndex = facts.count
        facts.append(text.streak(state.streak) + (strip.isEmpty ? "" : " " + strip))
        if state.tally > 0, !showsTallyRow { facts.append(grid.unicode ? text.tallySaid(state.tally) : text.tallySaidASCII(state.tally)) }
        if let rate { facts.append(rate) }
        var line = facts.joined(separator: " · ")
        if rate != nil, DisplayWidth.of(line) > width { facts.removeLast(); line = facts.joined(separator: " · ") }
        if !strip.isEmpty, DisplayWidth.of(line) > width {
            facts[streakIndex] = text.streak(state.streak)
        }
        centered(joinFitting(facts, width), role: .normal)
        row += 1
    }

    // MARK: helpers

    /// `parts` joined by " · ", leaving out whole parts from the end (the least important) until
    /// the line fits `width`, rather than cutting one in the middle ("streak 0" as "st…"); the
    /// first part is always kept (cut by `fit` if even it is too wide).
    func joinFitting(_ parts: [String], _ width: Int) -> String {
        var parts = parts
        while parts.count > 1, DisplayWidth.of(fit(parts.joined(separator: " · "), .max)) > width { parts.removeLast() }
        return parts.joined(separator: " · ")
    }

    /// `text` with the separators of the terminal's character set, cut to `width` cells.
    func fit(_ text: String, _ width: Int) -> String {
        let local = grid.unicode ? text : text.replacingOccurrences(of: " · ", with: glyphs.separator)
        let clean = grid.unicode ? local : TextSanitizer.visible(local, ascii: true)
        return TextFit.truncate(clean, to: width, ellipsis: glyphs.ellipsis)
    }

    mutating func centered(_ text: String, role: Role) {
        guard row < height else { return }
        let line = fit(text, width)
        grid.put(line, x: (width - DisplayWidth.of(line)) / 2, y: row, role: role)
    }
}
