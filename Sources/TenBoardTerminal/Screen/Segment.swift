import TenBoardCore
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
        FooterHints.fit(segments, width: width, measure: { DisplayWidth.of($0.text) }, priority: \.priority,
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
