import TenBoardCore
/// One cell of the screen: a grapheme cluster and its role. The right half of a two-cell cluster
/// is a continuation cell with empty text, so that every row has exactly `width` cells.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var role: Role

    /// A cell; `text` should be one printable grapheme cluster (use `Grid.put`, which ensures it).
    public init(_ text: String = " ", role: Role = .normal) {
        self.text = text
        self.role = role
    }

    /// True for the right half of a wide cluster; the terminal fills it, nothing is drawn there.
    public var isContinuation: Bool { text.isEmpty }
}

/// A screen's worth of styled cells in memory: views draw into it, tests read its text, and the
/// curses backend copies it to the terminal. Every string put into it is sanitised and measured
/// per grapheme cluster, so a cluster is never split and no control character gets through.
public struct Grid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `false` when the terminal's locale is not UTF-8: text is then reduced to ASCII on entry.
    public let unicode: Bool
    public private(set) var cells: [Cell]

    /// An empty grid.
    ///
    /// - Parameters:
    ///   - width, height: the size in cells; negative sizes count as 0.
    ///   - unicode: whether the terminal shows Unicode (default `true`).
    ///   - role: the role of the blank cells (default `.normal`).
    public init(width: Int, height: Int, unicode: Bool = true, role: Role = .normal) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.unicode = unicode
        cells = Array(repeating: Cell(" ", role: role), count: self.width * self.height)
    }

    /// The cell at column `x`, row `y`; both must be inside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Puts text at a position and returns the column after it.
    ///
    /// - Parameters:
    ///   - text: any text, untrusted included; unprintable clusters become placeholders.
    ///   - x, y: where the first cell goes; text outside the grid is dropped.
    ///   - role: the role of the cells; placeholders get `.placeholder`.
    ///   - limit: the last column (exclusive) it may use; `nil` means the grid's right edge. A wide
    ///     cluster that does not fit is replaced by a blank instead of being split.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(limit ?? width, width)
        var column = x
        for character in text {
            if column >= end { break }
            if let w = DisplayWidth.of(character) {
                if unicode {
                    column = place(String(character), width: w, x: column, y: y, role: role, end: end)
                } else {
                    for ascii in TextSanitizer.asciiFallback(character) where column < end {
                        column = place(String(ascii), width: 1, x: column, y: y, role: role, end: end)
                    }
                }
            } else {
                for stand in TextSanitizer.placeholder(for: character, ascii: !unicode) where column < end {
                    column = place(String(stand), width: DisplayWidth.of(stand) ?? 1, x: column, y: y,
                                   role: .placeholder, end: end)
                }
            }
        }
        return column
    }

    /// Fills `count` cells from `x` on row `y` with blanks of a role.
    public mutating func fill(x: Int, y: Int, count: Int, role: Role) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<max(max(0, x), min(width, x + count)) {
            set(Cell(" ", role: role), x: column, y: y)
        }
    }

    /// Changes the role of existing cells without touching their text (to highlight a row).
    public mutating func paint(x: Int, y: Int, count: Int, role: Role) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<max(max(0, x), min(width, x + count)) {
            cells[y * width + column].role = role
        }
    }

    /// Copies another grid into this one with its top-left corner at (`x`, `y`), clipped.
    public mutating func blit(_ other: Grid, x: Int, y: Int) {
        for row in 0..<other.height where y + row >= 0 && y + row < height {
            var column = 0
            while column < other.width {
                let cell = other[column, row]
                let target = x + column
                if !cell.isContinuation, target >= 0 {
                    let w = column + 1 < other.width && other[column + 1, row].isContinuation ? 2 : 1
                    _ = place(cell.text, width: w, x: target, y: y + row, role: cell.role, end: width)
                }
                column += 1
            }
        }
    }

    /// The text of a row; continuation cells are skipped so wide clusters read naturally.
    public func line(_ y: Int) -> String {
        var out = ""
        for x in 0..<width where !self[x, y].isContinuation { out += self[x, y].text }
        return out
    }

    /// All rows, each without trailing blanks, joined by newlines: what tests compare.
    public var text: String {
        (0..<height).map { line($0).trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    private mutating func place(_ text: String, width w: Int, x: Int, y: Int, role: Role, end: Int) -> Int {
        guard x >= 0 else { return x + w }
        if w == 2 && x + 1 >= end {
            set(Cell(" ", role: role), x: x, y: y)
            return x + 1
        }
        set(Cell(text, role: role), x: x, y: y)
        if w == 2 { set(Cell("", role: role), x: x + 1, y: y) }
        return x + w
    }

    /// Writes one cell, repairing a wide cluster it cuts in half (its other half becomes a blank).
    private mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        let old = cells[index]
        // Overwriting the right half orphans the left half, and the other way round.
        if old.isContinuation, x > 0, !cell.isContinuation { cells[index - 1].text = " " }
        if !old.isContinuation, x + 1 < width, cells[index + 1].isContinuation { cells[index + 1].text = " " }
        cells[index] = cell
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
