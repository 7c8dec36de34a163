/// A countdown in big digits whose seconds may be drawn smaller than the hours and minutes.
///
/// The seconds change every second; at the larger sizes each of their pixels is many cells, and
/// redrawing them would cost hundreds of bytes a second (282 B/s at 160×50 with 6×3 pixels). So
/// above the 2×1 size the seconds keep 2×1 pixels, on the baseline of the hours and minutes:
/// still big and ticking, at the cost of an 80×24 wall whatever the screen.
public struct BigClock: Sendable, Equatable {
    public var text: String
    public var font: BigFont
    /// The font of the seconds; the same as `font` when they are not split off.
    public var secondsFont: BigFont

    /// The largest clock for `text` that fits.
    ///
    /// - Parameters:
    ///   - text: "0:47:13", "+0:12:47", or any text of glyphs (not split when it has no seconds).
    /// - Returns: `nil` when even the smallest font does not fit.
    public static func fitting(_ text: String, width: Int, height: Int) -> BigClock? {
        for font in BigFont.sizes {
            let clock = BigClock(text: text, font: font, secondsFont: secondsFont(for: font))
            if clock.width <= width && clock.height <= height { return clock }
        }
        return nil
    }

    /// The seconds' font: 2×1 pixels, or the main font when that is no larger.
    static func secondsFont(for font: BigFont) -> BigFont {
        let cheap = BigFont(pixelWidth: 2, pixelHeight: 1)
        return font.pixelWidth > cheap.pixelWidth || font.pixelHeight > cheap.pixelHeight ? cheap : font
    }

    /// The text before the seconds and the seconds with their colon, or `nil` when nothing is
    /// split off.
    var parts: (head: String, seconds: String)? {
        guard secondsFont != font, let colon = text.lastIndex(of: ":") else { return nil }
        return (String(text[..<colon]), String(text[colon...]))
    }

    public var width: Int {
        guard let parts else { return font.width(of: text) }
        return font.width(of: parts.head) + font.pixelWidth + secondsFont.width(of: parts.seconds)
    }

    public var height: Int { font.height }

    /// Draws the clock with its top-left corner at (`x`, `y`), seconds on the baseline.
    public func draw(into grid: inout Grid, x: Int, y: Int, role: Role) {
        guard let parts else { return font.draw(text, into: &grid, x: x, y: y, role: role) }
        font.draw(parts.head, into: &grid, x: x, y: y, role: role)
        let left = x + font.width(of: parts.head) + font.pixelWidth
        secondsFont.draw(parts.seconds, into: &grid, x: left, y: y + font.height - secondsFont.height, role: role)
    }
}
