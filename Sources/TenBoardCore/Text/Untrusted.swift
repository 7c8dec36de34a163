/// The one untrusted-text module: what may not reach a terminal, a message or a mail header as
/// it is (`isForbidden`, one table), and its renderings — for a terminal (`clean`), for one line
/// (`oneLine`, `quoted`) and for a mail header (`headerValue`). The curses grid's rendering
/// (`TextSanitizer` in the terminal target) and `DisplayWidth` ask the same table.
///
/// Text from customers or other programs could otherwise move the cursor, start an escape
/// sequence, reorder text (kubectl CVE-2021-25743, scp CVE-2019-6109) or start a header line.
public enum Untrusted {
    /// The one predicate table. Forbidden: every control (Cc: C0, DEL, C1 — NEL included), every
    /// format character (Cf: the bidi marks U+200E/U+200F/U+061C, embeddings and overrides
    /// U+202A–202E, isolates U+2066–2069, zero-width space and (non-)joiners, word joiner, BOM
    /// U+FEFF, soft hyphen, interlinear annotations), the line and paragraph separators (Zl, Zp,
    /// U+2028/2029) and surrogates.
    ///
    /// Allowed: everything else, private use (U+E000…) and unassigned code points included — they
    /// cannot move or reorder anything; a terminal only gives what it cannot measure a placeholder
    /// (`DisplayWidth`), for the cell count, not for safety.
    ///
    /// The one exception: the zero-width joiner U+200D and the tag characters U+E0020–E007F are
    /// allowed inside an emoji sequence (`inEmoji`, a grapheme cluster that starts with a
    /// non-ASCII emoji scalar: 👩‍💻, 🏴󠁧󠁢󠁳󠁣󠁴󠁿), where they join the picture, and forbidden anywhere
    /// else, where they would hide in a word.
    public static func isForbidden(_ scalar: Unicode.Scalar, inEmoji: Bool = false) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: return true
        case 0x20..<0x7F, 0xA0..<0xAD, 0xAE..<0x600: return false // Latin to Armenian: no format characters
        case 0x200D, 0xE0020...0xE007F: return !inEmoji
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate: return true
            default: return false
            }
        }
    }

    /// Whether `character` is an emoji sequence, in which joiners and tags are allowed.
    public static func isEmojiSequence(_ character: Character) -> Bool {
        // Swift has no Extended_Pictographic; Emoji without ASCII (digits, #, * are Emoji too) is near.
        guard let first = character.unicodeScalars.first else { return false }
        return first.value > 0x7F && first.properties.isEmoji
    }

    /// Whether `character` holds no forbidden scalar.
    public static func isSafe(_ character: Character) -> Bool {
        let emoji = isEmojiSequence(character)
        return !character.unicodeScalars.contains { isForbidden($0, inEmoji: emoji) }
    }

    /// Whether `text` holds no forbidden scalar: what every rendering below returns.
    public static func isSafe(_ text: some StringProtocol) -> Bool {
        var hasJoiner = false
        for scalar in text.unicodeScalars {
            if isForbidden(scalar, inEmoji: true) { return false }
            if isForbidden(scalar) { hasJoiner = true }
        }
        return !hasJoiner || text.allSatisfy { isSafe($0) }
    }

    /// Calls `body` with each scalar of `text` and whether it is forbidden where it stands.
    static func forEachScalar(_ text: String, _ body: (Unicode.Scalar, Bool) -> Void) {
        for character in text {
            let emoji = isEmojiSequence(character)
            for scalar in character.unicodeScalars { body(scalar, isForbidden(scalar, inEmoji: emoji)) }
        }
    }

    /// The terminal rendering: `text` with every forbidden scalar replaced by a visible symbol:
    /// ESC → ␛, LF → ␊, other C0 → their control picture (U+2400 block), DEL → ␡, the rest →
    /// U+FFFD. Tabs become one space.
    public static func clean(_ text: String) -> String {
        guard !isSafe(text) else { return text }
        var out = String.UnicodeScalarView()
        forEachScalar(text) { scalar, forbidden in
            guard forbidden else { return out.append(scalar) }
            switch scalar.value {
            case 0x09: out.append(" ")
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out.append("\u{2421}")
            default: out.append("\u{FFFD}")
            }
        }
        return String(out)
    }

    /// The one-line rendering: `clean`, then runs of white space folded to one space and the ends
    /// trimmed: for one-line places such as a table cell or an error message. Line breaks (LF,
    /// CR, NEL, U+2028, U+2029, which some mail clients break lines on) and tabs count as white
    /// space here.
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

    /// The mail-header rendering: every forbidden scalar and every white space becomes one space,
    /// runs of them fold to one and the ends are trimmed — a header has no placeholder pictures,
    /// and what is left can never end the header or start another (`HeaderEncoding` refuses
    /// anything `isSafe` refuses).
    public static func headerValue(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = true // drops leading spaces
        forEachScalar(text) { scalar, forbidden in
            let isSpace = forbidden || scalar.properties.isWhitespace
            if !isSpace {
                out.append(scalar)
            } else if !lastWasSpace {
                out.append(" ")
            }
            lastWasSpace = isSpace
        }
        if out.last == " " { out.removeLast() }
        return String(out)
    }
}

extension String {
    func replacingAll(where predicate: (Unicode.Scalar) -> Bool, with replacement: Unicode.Scalar) -> String {
        var out = String.UnicodeScalarView()
        for s in unicodeScalars { out.append(predicate(s) ? replacement : s) }
        return String(out)
    }
}
