import TenBoardCore
/// What a terminal below `BoardLayout.minWidth`×`minHeight` shows instead of the board: a short
/// message, centred, never a crash. Growing the terminal brings the board back as it was.
///
/// The message is wrapped at spaces, so a 10×3 terminal reads "Terminal / too small / need 32x8"
/// rather than a word cut in half; the size needed is left out when it does not fit whole.
enum TooSmallView {
    static func draw(into grid: inout Grid, text: Words) {
        let message = TextFit.wrap(text.tooSmall, to: grid.width)
        let need = TextFit.wrap(text.needSize(BoardLayout.minWidth, BoardLayout.minHeight), to: grid.width)
        let lines = message.count + need.count <= grid.height ? message + need : Array(message.prefix(grid.height))
        let top = max(0, (grid.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (grid.width - DisplayWidth.of(line)) / 2)
            grid.put(line, x: x, y: top + i, role: i < message.count ? .stateWarning : .normal)
        }
    }
}
