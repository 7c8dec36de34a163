import TenBoardCore

/// `n`: the small form for an issue that came in by phone, in a box over the board.
enum IssueFormView {
    static func draw(_ form: IssueForm, into grid: inout Grid, text: BoardText, glyphs: Glyphs) {
        let screen = Rect(x: 0, y: 0, width: grid.width, height: grid.height)
        let rect = screen.centered(width: min(64, grid.width - 2), height: min(7, grid.height - 2))
        let inner = Box.draw(rect, into: &grid, title: text.formTitle, glyphs: glyphs)
        let labelWidth = [text.formCustomer, text.formSummary, text.formKind].map(DisplayWidth.of).max()! + 2
        func label(_ s: String, _ field: IssueForm.Field, _ y: Int) {
            let focused = form.focus == field
            grid.put(" " + s, x: inner.x, y: y, role: focused ? .prompt : .overlay, limit: inner.x + labelWidth + 1)
        }
        let rows = [inner.y + 1, inner.y + 2, inner.y + 3]
        for (field, value, y) in [(IssueForm.Field.customer, form.customer.text, rows[0]),
                                  (.summary, form.summary.text, rows[1])] where y < inner.maxY {
            label(field == .customer ? text.formCustomer : text.formSummary, field, y)
            StatusLineView.drawField(question: "", answer: value, into: &grid, x: inner.x + labelWidth,
                                     y: y, width: inner.width - labelWidth, questionRole: .overlay,
                                     focused: form.focus == field)
        }
        guard rows[2] < inner.maxY else { return }
        label(text.formKind, .kind, rows[2])
        var x = inner.x + labelWidth + 1
        for kind in IssueKind.allCases {
            let chosen = kind == form.kind
            let word = chosen ? "[\(text.kind(kind))]" : " \(text.kind(kind)) "
            x = grid.put(word, x: x, y: rows[2], role: chosen ? (form.focus == .kind ? .selected : .overlayTitle) : .overlay,
                         limit: inner.maxX)
        }
    }
}
