import TenBoardCore
/// Renders the board: a pure function from a `BoardState` and a size to a `Grid`, so every screen
/// can be tested as text and the curses layer only copies cells.
public enum BoardRenderer {
    /// The whole screen.
    ///
    /// - Parameters:
    ///   - state: what to show.
    ///   - width, height: the terminal's size in cells.
    ///   - unicode: `false` for a non-UTF-8 locale: ASCII glyphs and text (default `true`).
    public static func render(_ state: BoardState, width: Int, height: Int, unicode: Bool = true) -> Grid {
        var grid = Grid(width: width, height: height, unicode: unicode)
        let glyphs = Glyphs.forLocale(utf8: unicode)
        let text = Words(state.language)
        let layout = BoardLayout(state: state, width: width, height: height)
        if layout.tooSmall {
            TooSmallView.draw(into: &grid, text: text)
            return grid
        }
        HeaderView.draw(state, into: &grid, area: layout.header, glyphs: glyphs)
        switch state.screen {
        case .list:
            IssueListView.draw(state, into: &grid, headings: layout.headings, body: layout.body, glyphs: glyphs)
        case .detail:
            DetailView.draw(state, into: &grid, area: layout.body, glyphs: glyphs)
        }
        if let status = layout.status {
            StatusLineView.draw(state, into: &grid, area: status)
        }
        FooterView.draw(state, into: &grid, area: layout.footer, glyphs: glyphs)
        switch state.overlay {
        case .help(let page): HelpOverlay.draw(page, into: &grid, text: text, glyphs: glyphs)
        case .form(let form): IssueFormView.draw(form, into: &grid, text: text, glyphs: glyphs)
        case .none, .prompt: break
        }
        return grid
    }

    /// The first list line to show so the selection is visible, moving as little as possible from
    /// `state.scrollTop`. The controller keeps it (`BoardController.settle`) so scrolling stays steady.
    public static func listTop(_ state: BoardState, width: Int, height: Int) -> Int {
        let layout = BoardLayout(state: state, width: width, height: height)
        let lines = IssueListView.lines(state)
        return IssueListView.top(lines: lines, selectedID: state.selectedID, rows: state.rows,
                                 visible: layout.body.height, preferred: state.scrollTop)
    }
}
