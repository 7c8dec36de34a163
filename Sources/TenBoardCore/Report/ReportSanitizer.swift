import Foundation

/// Makes untrusted text (customer names, summaries, action points) safe to put in a mail and to
/// show in a terminal, and measures it in terminal columns (`DisplayWidth`).
public enum ReportSanitizer {
    /// Longest text kept from one field; the rest becomes `…` so one record cannot flood the report.
    public static let maxLength = 500

    /// `text` on one line, as `Untrusted.quoted` makes it (controls, ESC, bidi and zero-width
    /// characters become visible placeholders, white space and line separators folded); at most
    /// `maxLength` characters.
    public static func clean(_ text: String) -> String {
        Untrusted.quoted(text, limit: maxLength)
    }

    /// Terminal columns of `text`, counted per grapheme cluster.
    static func width(of text: some StringProtocol) -> Int { DisplayWidth.of(text) }

    /// Wraps `text` at spaces into lines of at most `width` columns; the first line starts with
    /// `first`, the others with `rest`. A word wider than a line is cut between characters.
    static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        var lines: [String] = []
        var line = first
        var lineWidth = self.width(of: first)
        var lineHasWord = false
        for word in text.split(separator: " ") {
            var word = Substring(word)
            let w = self.width(of: word)
            if lineHasWord, lineWidth + 1 + w <= width {
                line += " " + word
                lineWidth += 1 + w
                continue
            }
            if lineHasWord {
                lines.append(line)
                line = rest
                lineWidth = self.width(of: rest)
            }
            // Cut words too wide for an empty line.
            while lineWidth + self.width(of: word) > width {
                var taken = ""
                var takenWidth = 0
                for ch in word {
                    let cw = DisplayWidth.of(ch) ?? 1
                    if lineWidth + takenWidth + cw > width, !taken.isEmpty { break }
                    taken.append(ch)
                    takenWidth += cw
                }
                lines.append(line + taken)
                word = word.dropFirst(taken.count)
                line = rest
                lineWidth = self.width(of: rest)
            }
            line += word
            lineWidth += self.width(of: word)
            lineHasWord = true
        }
        lines.append(line)
        return lines.map { $0.hasSuffix(" ") ? String($0.reversed().drop(while: { $0 == " " }).reversed()) : $0 }
    }
}
