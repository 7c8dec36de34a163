/// Neutralises text that came from customers or other programs before it reaches a terminal,
/// a mail or a log: control characters become visible placeholders and can never move the
/// cursor, start an escape sequence, or reorder text (kubectl CVE-2021-25743, scp CVE-2019-6109).
public enum Untrusted {
    /// `text` with every C0 control, DEL, C1 control and bidirectional override replaced by a
    /// visible symbol: ESC → ␛, LF → ␊, other C0 → their control picture (U+2400 block), DEL → ␡,
    /// the rest → U+FFFD. Tabs become one space.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsReplacement(scalar) else {
                out.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x09: out.append(" ")
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out.append("\u{2421}")
            default: out.append("\u{FFFD}")
            }
        }
        return String(out)
    }

    /// `clean`, then runs of white space folded to one space and the ends trimmed: for one-line
    /// places such as a table cell or a mail subject.
    public static func oneLine(_ text: String) -> String {
        let flat = text.replacingAll(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }, with: " ")
        return clean(flat).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }
}

extension String {
    func replacingAll(where predicate: (Unicode.Scalar) -> Bool, with replacement: Unicode.Scalar) -> String {
        var out = String.UnicodeScalarView()
        for s in unicodeScalars { out.append(predicate(s) ? replacement : s) }
        return String(out)
    }
}
