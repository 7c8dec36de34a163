import TenBoardCore
/// A framed box drawn over whatever is below it (help, forms): frame, title and a filled inside.
public enum Box {
    /// Draws the frame and clears the inside; returns the inner rectangle.
    ///
    /// - Parameters:
    ///   - title: written into the top edge; `nil` for none.
    @discardableResult
    public static func draw(_ rect: Rect, into grid: inout Grid, title: String?, glyphs: Glyphs,
                            role: Role = .overlay, titleRole: Role = .overlayTitle) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let inner = rect.width - 2
        for y in rect.y..<rect.maxY { grid.fill(x: rect.x, y: y, count: rect.width, role: role) }
        let edge = String(repeating: glyphs.horizontal, count: inner)
        grid.put(glyphs.topLeft + edge + glyphs.topRight, x: rect.x, y: rect.y, role: role)
        grid.put(glyphs.bottomLeft + edge + glyphs.bottomRight, x: rect.x, y: rect.maxY - 1, role: role)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            grid.put(glyphs.vertical, x: rect.x, y: y, role: role)
            grid.put(glyphs.vertical, x: rect.maxX - 1, y: y, role: role)
        }
        if let title {
            grid.put(" " + TextFit.truncate(title, to: max(0, inner - 4)) + " ", x: rect.x + 2, y: rect.y,
                     role: titleRole, limit: rect.maxX - 1)
        }
        return Rect(x: rect.x + 1, y: rect.y + 1, width: inner, height: rect.height - 2)
    }
}
