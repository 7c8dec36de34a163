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

    @Test func stringsAddUpTheirClusters() {
        #expect(DisplayWidth.of("山田商事") == 8)
        #expect(DisplayWidth.of("Cafe\u{301} Zoë") == 8)
        #expect(DisplayWidth.of("Koffie ☕ 😡") == 12)
        // Each unprintable cluster stands for one placeholder cell.
        #expect(DisplayWidth.of("a\u{1B}b") == 3)
    }
}
