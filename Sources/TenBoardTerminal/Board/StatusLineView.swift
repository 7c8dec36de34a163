import TenBoardCore
/// The line above the footer: the prompt being answered, else the latest notice or store problem,
/// else the active filter.
enum StatusLineView {
    static func draw(_ state: BoardState, into grid: inout Grid, area: Rect) {
        let text = BoardText(state.language)
        if case .prompt(let prompt) = state.overlay {
            let question: String = switch prompt.purpose {
            case .resolve(let id): text.promptAction(id)
            case .assign(let id): text.promptAssign(id)
            case .withdraw(let id): text.promptWithdraw(id)
            case .filter: text.promptFilter
            }
            drawField(question: question, answer: prompt.field.text, into: &grid, x: area.x, y: area.y, width: area.width)
            return
        }
        if let notice = state.notice {
            grid.fill(x: area.x, y: area.y, count: area.width, role: notice.isError ? .error : .normal)
            grid.put(" " + notice.text, x: area.x, y: area.y, role: notice.isError ? .error : .notice, limit: area.maxX)
            return
        }
        if !state.filter.isEmpty {
            grid.put(" " + text.filtered(state.filter, state.rows.count), x: area.x, y: area.y, role: .dim, limit: area.maxX)
        }
    }

    /// A question and the typed answer with a cursor cell after it; when the answer is longer
    /// than the room, its end is shown (that is where one types).
    static func drawField(question: String, answer: String, into grid: inout Grid, x: Int, y: Int, width: Int,
                          questionRole: Role = .prompt, focused: Bool = true) {
        let q = TextFit.truncate(question, to: max(0, width / 2))
        var column = grid.put(" " + q, x: x, y: y, role: questionRole, limit: x + width)
        let room = max(0, x + width - column - 1)
        var shown = answer
        while DisplayWidth.of(shown) > room, !shown.isEmpty { shown.removeFirst() }
        column = grid.put(shown, x: column, y: y, role: .input, limit: x + width)
        if focused { grid.put(" ", x: column, y: y, role: .cursor, limit: x + width) }
    }
}
