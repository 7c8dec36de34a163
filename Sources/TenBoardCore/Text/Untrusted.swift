/// Neutralises text that came from customers or other programs before it reaches a terminal,
/// a mail or a log: control characters become visible placeholders and can never move the
/// cursor, start an escape sequence, or reorder text (kubectl CVE-2021-25743, scp CVE-2019-6109).
public enum Untrusted {
    /// `text` with every C0 control, DEL, C1 control, invisible format character (zero-width
    /// space and joiners, bidirectional marks, overrides and isolates, the BOM, soft hyphen) and
    /// line or paragraph separator (U+2028, U+2029) replaced by a visible symbol: ESC → ␛,
    /// LF → ␊, other C0 → their control picture (U+2400 block), DEL → ␡, the rest → U+FFFD.
    /// Tabs become one space.
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
    /// places such as a table cell or a mail subject. Line breaks (LF, CR, NEL, U+2028, U+2029,
    /// which some mail clients break lines on) and tabs count as white space here.
    public static func oneLine(_ text: String) -> String {
        let flat = text.replacingAll(where: {
            $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}"
        }, with: " ")
        return clean(flat).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// `oneLine`, shortened to `limit` characters: how an untrusted value (an id, a field's
    /// content, a name) is quoted in an error message, so that it can neither drive the terminal
    /// nor flood it.
    public static func quoted(_ text: String, limit: Int = 80) -> String {
        let line = oneLine(text)
        guard line.count > limit else { return line }
        return String(line.prefix(max(0, limit - 1))) + "…"
    }

    /// The one test of what may not reach a terminal, a message or a mail as it is: controls
    /// (Cc), format characters (Cf: bidi, zero-width, BOM) and the line and paragraph separators.
    public static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: return true
        case 0xA0..<0xAD, 0xAE..<0x600: return false // Latin to Armenian: no format characters
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
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
