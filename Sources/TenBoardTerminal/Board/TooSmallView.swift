import TenBoardCore
/// What a terminal below `BoardLayout.minWidth`×`minHeight` shows instead of the board: a short
/// message, centred, never a crash. Growing the terminal brings the board back as it was.
enum TooSmallView {
    static func draw(into grid: inout Grid, text: BoardText) {
        let lines = [text.tooSmall, text.needSize(BoardLayout.minWidth, BoardLayout.minHeight)]
        let top = max(0, (grid.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let cut = TextFit.truncate(line, to: grid.width, ellipsis: "")
            let x = max(0, (grid.width - DisplayWidth.of(cut)) / 2)
            grid.put(cut, x: x, y: top + i, role: i == 0 ? .stateWarning : .normal)
        }
    }
}
