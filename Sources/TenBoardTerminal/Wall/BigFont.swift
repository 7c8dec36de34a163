/// Big characters drawn with the terminal's own cells, for a countdown readable across the room.
///
/// Each glyph is a bitmap of 5 rows; a lit pixel becomes `pixelWidth` × `pixelHeight` cells of a
/// full block (`█`), or of `#` when the terminal is not UTF-8. Cells are about twice as tall as
/// they are wide, so a pixel is usually twice as wide as it is tall to look square.
public struct BigFont: Sendable, Equatable {
    /// Cells per pixel across.
    public var pixelWidth: Int
    /// Cells per pixel down.
    public var pixelHeight: Int

    public init(pixelWidth: Int, pixelHeight: Int) {
        self.pixelWidth = max(1, pixelWidth)
        self.pixelHeight = max(1, pixelHeight)
    }

    /// The sizes tried from the largest down: square-looking pixels, then the narrow 1×1 one.
    public static let sizes: [BigFont] = [
        BigFont(pixelWidth: 8, pixelHeight: 4), BigFont(pixelWidth: 6, pixelHeight: 3),
        BigFont(pixelWidth: 4, pixelHeight: 2), BigFont(pixelWidth: 2, pixelHeight: 1),
        BigFont(pixelWidth: 1, pixelHeight: 1),
    ]

    /// Rows of pixels in every glyph.
    public static let pixelRows = 5

    /// Blank pixel columns between two glyphs.
    static let spacing = 1

    /// The cells `text` takes across; characters without a glyph take none.
    public func width(of text: String) -> Int {
        let glyphs = text.compactMap { BigFont.bitmaps[$0] }
        guard !glyphs.isEmpty else { return 0 }
        let pixels = glyphs.reduce(0) { $0 + $1[0].count } + BigFont.spacing * (glyphs.count - 1)
        return pixels * pixelWidth
    }

    /// The cells `text` takes down.
    public var height: Int { BigFont.pixelRows * pixelHeight }

    /// Draws `text` with its top-left corner at (`x`, `y`); what falls outside the grid is clipped.
    ///
    /// Unlit pixels are written as blanks of the same role, so a digit that changes only changes
    /// the cells whose pixels differ, and the terminal gets no attribute changes inside the number.
    /// - Parameters:
    ///   - role: the role of every cell drawn, lit or not.
    public func draw(_ text: String, into grid: inout Grid, x: Int, y: Int, role: Role) {
        let lit = grid.unicode ? "\u{2588}" : "#"
        var left = x
        for character in text {
            guard let bitmap = BigFont.bitmaps[character] else { continue }
            for (row, pixels) in bitmap.enumerated() {
                var line = ""
                for pixel in pixels {
                    line += String(repeating: pixel == "#" ? lit : " ", count: pixelWidth)
                }
                for repeatRow in 0..<pixelHeight {
                    grid.put(line, x: left, y: y + row * pixelHeight + repeatRow, role: role)
                }
            }
            left += (bitmap[0].count + BigFont.spacing) * pixelWidth
        }
    }

    /// 3×5 digits (a narrower colon), drawn as `#` lit and `.` unlit. The check mark is for the
    /// "all customers helped" screen; `+` marks time past the deadline.
    static let bitmaps: [Character: [String]] = [
        "0": ["###", "#.#", "#.#", "#.#", "###"],
        "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"],
        "3": ["###", "..#", "###", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"],
        "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"],
        "7": ["###", "..#", "..#", "..#", "..#"],
        "8": ["###", "#.#", "###", "#.#", "###"],
        "9": ["###", "#.#", "###", "..#", "###"],
        ":": [".", "#", ".", "#", "."],
        "+": ["...", ".#.", "###", ".#.", "..."],
        "-": ["...", "...", "###", "...", "..."],
        " ": ["..", "..", "..", "..", ".."],
        "\u{2713}": ["......#", ".....#.", "#...#..", ".#.#...", "..#...."],
    ]
}
