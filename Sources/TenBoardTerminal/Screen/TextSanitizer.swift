import TenBoardCore
import Foundation

/// The curses grid's rendering of untrusted text (customer names, summaries, action points): every
/// cluster that `DisplayWidth` cannot print — one holding a scalar `Untrusted.isForbidden` refuses,
/// the core's one table — becomes a visible placeholder of one cell instead of reaching the terminal.
///
/// ncurses would show most controls as `^X`, but `\n` clears the rest of the line and `\t`/`\b`
/// move the cursor (curs_addch(3X)); an ESC sequence or a bidi override could repaint or reorder
/// what a lead sees (kubectl CVE-2021-25743). So nothing of C0 (tab included), DEL, C1, the format
/// characters (bidi controls, zero-width characters, BOM) or the line/paragraph separators is passed
/// through; joiners only inside an emoji sequence.
public enum TextSanitizer {
    /// The text with each unprintable grapheme cluster replaced by its placeholder.
    ///
    /// - Parameters:
    ///   - text: untrusted text.
    ///   - ascii: `true` when the terminal's locale is not UTF-8: placeholders use caret notation
    ///     (`^[`) and other non-ASCII characters are transliterated (`é` → `e`) or become `?`.
    public static func visible(_ text: String, ascii: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if DisplayWidth.of(character) != nil {
                out += ascii ? asciiFallback(character) : String(character)
            } else {
                out += placeholder(for: character, ascii: ascii)
            }
        }
        return out
    }

    /// The visible stand-in for a cluster that cannot be printed as it is.
    ///
    /// C0 controls show as Control Pictures (`␛` for ESC, `␊` for LF) or, in ASCII, as `^[`; DEL
    /// as `␡`/`^?`; C1, bidi controls and invisible format characters as `�`/`?`; a combining mark
    /// without a base gets a dotted circle (`◌́`) so it cannot join the cell before it.
    public static func placeholder(for character: Character, ascii: Bool = false) -> String {
        let scalars = Array(character.unicodeScalars)
        if let first = scalars.first, Untrusted.isSafe(character),
           [.nonspacingMark, .enclosingMark, .spacingMark].contains(first.properties.generalCategory) {
            return ascii ? "?" : "\u{25CC}" + String(String.UnicodeScalarView(scalars))
        }
        // A printable cluster spoilt only by a joiner or tag outside an emoji ("n" + U+200D): the
        // cluster without them, then one placeholder for what was hidden, as `Untrusted.clean` does.
        if let first = scalars.first, DisplayWidth.isPrintableStart(first), Untrusted.isSafe(Character(first)) {
            let kept = String(String.UnicodeScalarView(scalars.filter { !Untrusted.isForbidden($0) }))
            return ascii ? kept.map(asciiFallback).joined() + "?" : kept + "\u{FFFD}"
        }
        var out = ""
        for scalar in scalars {
            let v = scalar.value
            switch v {
            case 0x00..<0x20:
                out += ascii ? "^" + String(UnicodeScalar(UInt8(v + 0x40))) : String(UnicodeScalar(0x2400 + v)!)
            case 0x7F:
                out += ascii ? "^?" : "\u{2421}"
            default:
                // Keep the count of cells honest: one placeholder per character that was hidden.
                if Untrusted.isForbidden(scalar) || !DisplayWidth.isPrintableStart(scalar) || out.isEmpty {
                    out += ascii ? "?" : "\u{FFFD}"
                }
            }
        }
        return out.isEmpty ? (ascii ? "?" : "\u{FFFD}") : out
    }

    /// One printable cluster in ASCII: itself, its base letter without accents, or `?`.
    public static func asciiFallback(_ character: Character) -> String {
        if character.isASCII { return String(character) }
        if let known = asciiNames[character] { return known }
        let decomposed = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        if let base = decomposed.first, base.isASCII, base.value >= 0x20, base.value < 0x7F {
            return String(base)
        }
        return "?"
    }

    private static let asciiNames: [Character: String] = [
        "\u{2013}": "-", "\u{2014}": "-", "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"",
        "\u{201D}": "\"", "\u{2026}": "...", "\u{00A0}": " ", "\u{00DF}": "ss", "\u{00E6}": "ae",
        "\u{00C6}": "AE", "\u{00F8}": "o", "\u{00D8}": "O", "\u{0133}": "ij", "\u{0132}": "IJ",
        "\u{20AC}": "EUR", "\u{00B7}": ".",
    ]
}
