import TenBoardCore
/// `?`: every key in a box over the board.
enum HelpOverlay {
    static func draw(into grid: inout Grid, text: BoardText, glyphs: Glyphs) {
        let lines = text.helpLines(up: glyphs.up, down: glyphs.down)
        let keyWidth = lines.map { DisplayWidth.of($0.0) }.max()! + 2
        let wanted = keyWidth + lines.map { DisplayWidth.of($0.1) }.max()! + 4
        let screen = Rect(x: 0, y: 0, width: grid.width, height: grid.height)
        let rect = screen.centered(width: min(wanted, grid.width - 2), height: min(lines.count + 4, grid.height - 2))
        let inner = Box.draw(rect, into: &grid, title: text.helpTitle, glyphs: glyphs)
        for (i, line) in lines.prefix(max(0, inner.height - 2)).enumerated() {
            let y = inner.y + i
            grid.put(" " + line.0, x: inner.x, y: y, role: .overlayTitle, limit: inner.x + keyWidth)
            grid.put(TextFit.truncate(line.1, to: inner.width - keyWidth - 1), x: inner.x + keyWidth, y: y,
                     role: .overlay, limit: inner.maxX)
        }
        if inner.height >= 2 {
            grid.put(" " + text.helpFooter, x: inner.x, y: inner.maxY - 1, role: .overlay, limit: inner.maxX)
        }
    }
}
