/// A key hint of a footer ("q quit"): the key is drawn in `.footerKey`, the label in `.footer`.
public struct KeyHint: Sendable, Equatable {
    public var key: String
    public var label: String
    /// Higher stays longer when the footer is too narrow for every hint.
    public var priority: Int

    public init(_ key: String, _ label: String, priority: Int = 0) {
        self.key = key
        self.label = label
        self.priority = priority
    }

    var width: Int { DisplayWidth.of(key) + 1 + DisplayWidth.of(label) }
}

/// Drawing a footer of key hints and a line of text segments that drops what does not fit.
public enum Hints {
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

/// A piece of a line that may be left out when the line is too narrow.
public struct Segment: Sendable, Equatable {
    public var text: String
    public var role: Role
    public var priority: Int

    public init(_ text: String, role: Role = .normal, priority: Int = 0) {
        self.text = text
        self.role = role
        self.priority = priority
    }

    /// The segments that fit in `width` with `separator` between them, least important dropped first.
    public static func fit(_ segments: [Segment], width: Int, separator: String) -> [Segment] {
        Hints.fit(segments, width: width, measure: { DisplayWidth.of($0.text) }, priority: \.priority,
                  gap: DisplayWidth.of(separator))
    }

    /// Draws the segments that fit from `x` on row `y`.
    ///
    /// - Parameters:
    ///   - separatorRole: the role of the separators (default `.dim`).
    @discardableResult
    public static func draw(_ segments: [Segment], into grid: inout Grid, x: Int, y: Int, width: Int, separator: String,
                            separatorRole: Role = .dim) -> Int {
        var column = x
        for (i, segment) in fit(segments, width: width, separator: separator).enumerated() {
            if i > 0 { column = grid.put(separator, x: column, y: y, role: separatorRole, limit: x + width) }
            column = grid.put(segment.text, x: column, y: y, role: segment.role, limit: x + width)
        }
        return column
    }
}
