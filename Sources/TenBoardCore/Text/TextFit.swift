/// Fitting text into a number of cells: truncation with an ellipsis, padding and word wrapping,
/// all measured per grapheme cluster with `DisplayWidth`. The one place for it: the board, the
/// wall and the CLI's tables (`list`, `intake --list`, `tally`) cut text here.
public enum TextFit {
    /// The longest prefix of `text` that fits in `width` cells, ending in `ellipsis` when cut.
    ///
    /// - Parameters:
    ///   - ellipsis: what marks a cut (default `…`); dropped when even it does not fit.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let mark = DisplayWidth.of(ellipsis) < width ? ellipsis : ""
        let room = width - DisplayWidth.of(mark)
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character) ?? 1
            if used + w > room { break }
            out.append(character)
            used += w
        }
        return out + mark
    }

    /// `text` cut to `width` cells, then padded with spaces to exactly `width`.
    public static func pad(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    }

    /// `text` right-aligned in `width` cells.
    public static func padLeft(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return String(repeating: " ", count: max(0, width - DisplayWidth.of(cut))) + cut
    }

    /// Lines of at most `width` cells, broken at spaces where possible and inside a word (never
    /// inside a cluster) where not. Newlines in the text start new lines.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var w = DisplayWidth.of(word)
                if used > 0 && used + 1 + w <= width {
                    line += " " + word
                    used += 1 + w
                    continue
                }
                if used > 0 { lines.append(line); line = ""; used = 0 }
                while w > width {
                    var head = truncate(word, to: width, ellipsis: "")
                    if head.isEmpty, let first = word.first { head = String(first) } // a wide cluster in 1 cell
                    lines.append(head)
                    word = String(word.dropFirst(head.count))
                    w = DisplayWidth.of(word)
                }
                line = word
                used = w
            }
            lines.append(line)
        }
        return lines
    }
}
