/// How many terminal cells text occupies, measured per grapheme cluster (what a person sees as one
/// character), without the C library.
///
/// glibc's `wcwidth` depends on the locale, answers −1 for what it cannot print and gets emoji with
/// VS16 or ZWJ wrong (glibc bug 32322), so tenboard measures itself: East Asian Wide/Fullwidth and
/// emoji-presentation clusters take two cells, everything else printable one.
public enum DisplayWidth {
    /// The cells one grapheme cluster takes: 1 or 2, or `nil` when it cannot be printed as it is:
    /// it holds a scalar `Untrusted.isForbidden` refuses (controls, bidi controls, invisible format
    /// characters), or it has nothing to show in its first cell (a lone combining mark, an
    /// unassigned code point or a noncharacter, whose width is unknown).
    public static func of(_ character: Character) -> Int? {
        // Printable ASCII (a space to a tilde) is one cell: no Unicode property to look up. A
        // character with an ASCII value is one scalar, or CR LF (a control, measured below).
        if let ascii = character.asciiValue, isPrintableASCII(ascii) { return 1 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return nil }
        if !isPrintableStart(first) { return nil }
        if !Untrusted.isSafe(character) { return nil }
        if isRegionalIndicator(first) {
            return scalars.filter(isRegionalIndicator).count >= 2 ? 2 : 1
        }
        let props = first.properties
        if props.isEmojiPresentation { return 2 }
        // VS16 asks for the emoji presentation of a text-default symbol like ❤ or ☎.
        if props.isEmoji, scalars.contains("\u{FE0F}"), first.value > 0x7F { return 2 }
        return isWide(first.value) ? 2 : 1
    }

    /// The cells a whole string takes, counting every unprintable cluster as one placeholder cell.
    /// (`of(_:)` of any `StringProtocol`, not generic, so a caller in another module measures
    /// printable ASCII without an unspecialised walk of its bytes.)
    public static func of(_ text: String) -> Int { of(text[...]) }

    /// The cells a whole string takes, counting every unprintable cluster as one placeholder cell.
    public static func of(_ text: some StringProtocol) -> Int {
        // Most text on the screens is printable ASCII: one cell a byte, measured without walking
        // its grapheme clusters (a board frame measures every row it lists).
        if text.utf8.allSatisfy(isPrintableASCII) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) ?? 1 }
        return total
    }

    /// Whether a cluster starting with this scalar has something visible to show in its first cell.
    public static func isPrintableStart(_ scalar: Unicode.Scalar) -> Bool {
        if Untrusted.isForbidden(scalar) { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark, .format, .control, .unassigned,
             .lineSeparator, .paragraphSeparator, .surrogate:
            return false
        default:
            return !scalar.properties.isNoncharacterCodePoint
                && !(0x1160...0x11FF).contains(scalar.value) // Hangul vowels/finals: only inside a syllable
        }
    }

    /// A byte of printable ASCII, a space to a tilde: one cluster of one cell on its own.
    @inline(__always)
    static func isPrintableASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// East Asian Width W or F (Unicode 15.1) outside the emoji already caught by Emoji_Presentation.
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        for range in wideRanges where range.contains(v) { return true }
        return false
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x17000...0x18CFF, 0x18D00...0x18D08, 0x1AFF0...0x1B2FF, 0x1F200...0x1F2FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
