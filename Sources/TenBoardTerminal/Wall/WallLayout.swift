import TenBoardCore

/// The wall as a pure function of its state and the terminal's size: a title bar, the big
/// countdown (or the all-helped check mark), a line saying what it counts, progress, then the
/// waiting customers and who helped. Too small a terminal gets the same facts as plain lines.
public enum WallLayout {
    /// The grid for `state` on a `width` × `height` terminal.
    ///
    /// - Parameters:
    ///   - unicode: whether the terminal is UTF-8; `false` draws `#` digits and ASCII marks.
    ///   - shift: the burn-in offset from `WallShift`, in cells; ignored on small terminals, where
    ///     every cell is needed.
    public static func render(
        _ state: WallState, width: Int, height: Int, unicode: Bool = true, shift: WallShift.Offset = .zero
    ) -> Grid {
        var grid = Grid(width: width, height: height, unicode: unicode)
        let canShift = width >= 40 && height >= 16
        let inner = canShift ? (width - WallShift.maxX, height - WallShift.maxY) : (width, height)
        var page = WallPage(state: state, grid: Grid(width: inner.0, height: inner.1, unicode: unicode))
        page.draw()
        grid.blit(page.grid, x: canShift ? shift.x : 0, y: canShift ? shift.y : 0)
        if let notice = state.notice { noticeLine(notice, into: &grid) }
        return grid
    }

    /// A store problem in the bottom-right corner of the screen, over whatever is there; it does
    /// not shift, since it should not stay long.
    static func noticeLine(_ notice: String, into grid: inout Grid) {
        guard grid.height > 1, grid.width > 2 else { return }
        let glyphs = Glyphs.forLocale(utf8: grid.unicode)
        let clean = grid.unicode ? notice : TextSanitizer.visible(notice, ascii: true)
        let line = " " + TextFit.truncate(clean, to: grid.width - 2, ellipsis: glyphs.ellipsis) + " "
        grid.put(line, x: grid.width - DisplayWidth.of(line), y: grid.height - 1, role: .error)
    }

}
