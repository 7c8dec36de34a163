import TenBoardCore
/// The line above the footer: the prompt being answered, else the latest notice or store problem,
/// else the active filter. The resolve prompt takes a second line for "helped by"; a notice too
/// long for one line wraps onto a second.
enum StatusLineView {
    static func draw(_ state: BoardState, into grid: inout Grid, area: Rect) {
        let text = Words(state.language)
        if case .prompt(let prompt) = state.overlay {
            var area = area
            // A problem (a refused key, a damaged store, a change beaten by another lead) shows
            // above the prompt, not hidden by it, on two lines when it is long and there is room.
            let room = area.height - (prompt.helper == nil ? 1 : 2)
            if let notice = state.notice, notice.isError, room > 0 {
                let lines = noticeLines(notice.text, width: area.width - 1, height: room)
                for (i, line) in lines.enumerated() {
                    grid.fill(x: area.x, y: area.y + i, count: area.width, role: .error)
                    grid.put(" " + line, x: area.x, y: area.y + i, role: .error, limit: area.maxX)
                }
                area = Rect(x: area.x, y: area.y + lines.count, width: area.width, height: area.height - lines.count)
            }
            let question: String = switch prompt.purpose {
            case .resolve(let id): text.promptAction(id)
            case .assign(let id): text.promptAssign(id)
            case .withdraw(let id): text.promptWithdraw(id)
            case .filter: text.promptFilter
            case .tally(let last): Words(state.language).promptTally(last: last)
            case .praise(let id, let who): Words(state.language).promptPraise(id, who: Untrusted.oneLine(who))
            }
            if let helper = prompt.helper, prompt.onHelper, area.height < 2 {
                // One line only (a short terminal): show the field being typed in.
                drawField(question: text.promptHelpedBy, field: helper, into: &grid, x: area.x, y: area.y, width: area.width)
                return
            }
            drawField(question: question, field: prompt.field, into: &grid, x: area.x, y: area.y, width: area.width,
                      focused: !prompt.onHelper)
            if let helper = prompt.helper, area.height > 1 {
                let hint = " · " + text.promptSwitchHint
                let room = area.width - DisplayWidth.of(hint)
                drawField(question: text.promptHelpedBy, field: helper, into: &grid, x: area.x, y: area.y + 1,
                          width: room > 20 ? room : area.width, focused: prompt.onHelper)
                if room > 20 { grid.put(hint, x: area.x + room, y: area.y + 1, role: .dim, limit: area.maxX) }
            }
            return
        }
        if let notice = state.notice {
            let role: Role = notice.isError ? .error : .notice
            let lines = noticeLines(notice.text, width: area.width - 1, height: area.height)
            for (i, line) in lines.enumerated() {
                grid.fill(x: area.x, y: area.y + i, count: area.width, role: notice.isError ? .error : .normal)
                grid.put(" " + line, x: area.x, y: area.y + i, role: role, limit: area.maxX)
            }
            return
        }
        if !state.filter.isEmpty {
            grid.put(" " + text.filtered(state.filter, state.rows.count), x: area.x, y: area.y, role: .dim, limit: area.maxX)
        }
    }

    /// How many lines the status needs: two for the resolve prompt and for a notice longer than
    /// the width, else one; a prompt's problem goes above it (`nil` when there is nothing to show).
    static func height(_ state: BoardState, width: Int) -> Int? {
        let notice = state.notice.map { DisplayWidth.of($0.text) + 1 > width ? 2 : 1 }
        switch state.overlay {
        case .prompt(let prompt): return (prompt.helper == nil ? 1 : 2) + (state.notice?.isError == true ? notice ?? 0 : 0)
        default: return notice ?? (state.filter.isEmpty ? nil : 1)
        }
    }

    /// A notice cut into at most `height` lines at spaces; the last one ends with an ellipsis when
    /// there is more.
    static func noticeLines(_ text: String, width: Int, height: Int) -> [String] {
        guard width > 0, height > 0 else { return [] }
        var lines: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty, lines.count < height - 1, DisplayWidth.of(String(rest)) > width {
            var cut = rest.startIndex
            var used = 0
            var lastSpace: String.Index?
            for index in rest.indices {
                let w = DisplayWidth.of(rest[index]) ?? 1
                if used + w > width { break }
                used += w
                if rest[index] == " " { lastSpace = index }
                cut = rest.index(after: index)
            }
            let end = lastSpace.map { $0 > rest.startIndex ? $0 : cut } ?? cut
            lines.append(String(rest[..<end]))
            rest = rest[end...].drop { $0 == " " }
        }
        if !rest.isEmpty { lines.append(TextFit.truncate(String(rest), to: width)) }
        return lines
    }

    /// A question and the typed answer with the cursor where it is; when the answer is longer
    /// than the room, the part around the cursor is shown (that is where one types).
    static func drawField(question: String, field: TextField, into grid: inout Grid, x: Int, y: Int, width: Int,
                          questionRole: Role = .prompt, focused: Bool = true) {
        // The question is read whole when the answer keeps `answerRoom` cells (it scrolls), else
        // it gets half the line; a question cut short keeps a space before the answer.
        let room = max(width / 2, width - Self.answerRoom)
        let q = DisplayWidth.of(question) > room ? TextFit.truncate(question, to: max(0, room - 1)) + " " : question
        let column = question.isEmpty ? x : grid.put(" " + q, x: x, y: y, role: questionRole, limit: x + width)
        drawInput(field, into: &grid, x: column, y: y, width: x + width - column, focused: focused)
    }

    /// The cells an answer keeps beside a long question (the praise prompt's "the customer's words").
    static let answerRoom = 24

    /// The text of a field from `x`, `width` cells wide, the cursor cell in reverse when focused;
    /// a suggestion that typing replaces is drawn as selected.
    static func drawInput(_ field: TextField, into grid: inout Grid, x: Int, y: Int, width: Int, focused: Bool) {
        guard width > 0 else { return }
        let characters = Array(field.text)
        let widths = characters.map { DisplayWidth.of($0) ?? 1 }
        // The first character shown: as early as possible with the cursor cell still in the room.
        var start = 0
        func used(_ from: Int, _ to: Int) -> Int { widths[from..<to].reduce(0, +) }
        while start < field.cursor, used(start, field.cursor) + 1 > width { start += 1 }
        var column = x
        var i = start
        while i < characters.count {
            let w = widths[i]
            if column + w > x + width { break }
            let role: Role = focused && i == field.cursor ? .cursor : focused && field.isSuggestion ? .selected : .input
            column = grid.put(String(characters[i]), x: column, y: y, role: role, limit: x + width)
            i += 1
        }
        if focused, field.cursor == characters.count, column < x + width {
            grid.put(" ", x: column, y: y, role: .cursor, limit: x + width)
        }
    }
}
