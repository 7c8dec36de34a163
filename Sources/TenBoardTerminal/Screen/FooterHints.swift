/// Drawing a footer of key hints and a line of text segments that drops what does not fit.
public enum FooterHints {
    /// Draws a footer of hints on row `y`: the least important hints are left out, in order,
    /// until the rest fits; the row is filled with `.footer`.
    public static func drawFooter(_ hints: [KeyHint], into grid: inout Grid, y: Int, x: Int = 0, width: Int? = nil) {
        let width = width ?? grid.width
        grid.fill(x: x, y: y, count: width, role: .footer)
        let kept = fit(hints, width: width - 1, measure: \.width, priority: \.priority, gap: 2)
        var column = x + 1
        for hint in kept {
            column = grid.put(hint.key, x: column, y: y, role: .footerKey, limit: x + width)
            column = grid.put(" " + hint.label, x: column, y: y, role: .footer, limit: x + width) + 2
        }
    }

    /// The items to keep, in their order, dropping the lowest priority (latest first) until the
    /// sum of widths plus gaps fits.
    static func fit<T>(_ items: [T], width: Int, measure: (T) -> Int, priority: (T) -> Int, gap: Int) -> [T] {
        var kept = Array(items.enumerated())
        func total() -> Int { kept.reduce(0) { $0 + measure($1.element) } + gap * max(0, kept.count - 1) }
        while total() > width, !kept.isEmpty {
            let victim = kept.indices.min { a, b in
                (priority(kept[a].element), -kept[a].offset) < (priority(kept[b].element), -kept[b].offset)
            }!
            kept.remove(at: victim)
        }
        return kept.map(\.element)
    }
}
