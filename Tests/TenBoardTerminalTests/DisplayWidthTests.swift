import Testing
import TenBoardCore
@testable import TenBoardTerminal

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("é", 1), ("e\u{301}", 1), ("日", 2), ("한", 2), ("Ａ", 2), ("。", 2),
        ("😡", 2), ("☕", 2), ("👨‍👩‍👧", 2), ("❤️", 2), ("❤", 1), ("🇳🇱", 2), ("👍🏽", 2), ("Ω", 1),
    ])
    func printableClusters(text: String, width: Int) {
        #expect(DisplayWidth.of(Character(text)) == width)
    }

    @Test(arguments: ["\u{1B}", "\t", "\n", "\r\n", "\u{7F}", "\u{85}", "\u{9B}", "\u{202E}", "\u{2066}",
                      "\u{200F}", "\u{2028}", "\u{301}", "\u{200B}", "\u{FEFF}"])
    func unprintableClusters(text: String) {
        #expect(DisplayWidth.of(Character(text)) == nil)
    }

    /// Printable ASCII is measured without Unicode properties (a frame measures every row): the
    /// shortcut must give what the general rule gives for each of the 128 ASCII scalars.
    @Test func asciiShortcutAgreesWithTheRule() {
        for value in UInt8(0)...UInt8(127) {
            let scalar = Unicode.Scalar(value)
            let ruled: Int? = DisplayWidth.isPrintableStart(scalar) && Untrusted.isSafe(Character(scalar)) ? 1 : nil
            #expect(DisplayWidth.of(Character(scalar)) == ruled, "U+\(String(value, radix: 16))")
        }
    }

    /// A string of printable ASCII measures its bytes; one with anything else inside (a control, CR
    /// LF, an accent, a wide character) is measured cluster by cluster, as before.
    @Test(arguments: [
        ("Klant 12 #k3 ~{}", 16), ("", 0), (" ", 1), ("ab\r\ncd", 5), ("tab\there", 8),
        ("e\u{301}e", 2), ("Zoë", 3), ("k日", 3), ("x\u{7F}y", 3),
    ])
    func stringsWithAndWithoutTheShortcut(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
        #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + (DisplayWidth.of($1) ?? 1) })
        #expect(DisplayWidth.of(text[...]) == width)
    }

    @Test func stringsAddUpTheirClusters() {
        #expect(DisplayWidth.of("山田商事") == 8)
        #expect(DisplayWidth.of("Cafe\u{301} Zoë") == 8)
        #expect(DisplayWidth.of("Koffie ☕ 😡") == 12)
        // Each unprintable cluster stands for one placeholder cell.
        #expect(DisplayWidth.of("a\u{1B}b") == 3)
    }
}
