import Testing
import TenBoardCore

@Suite struct TextFitTests {
    @Test func truncateCountsCellsNotCharacters() {
        #expect(TextFit.truncate("山田商事", to: 5) == "山田…")
        #expect(TextFit.truncate("山田商事", to: 8) == "山田商事")
        #expect(TextFit.truncate("Cafe\u{301} Zoë", to: 5) == "Cafe\u{301}…")
        #expect(TextFit.truncate("abc", to: 0) == "")
    }

    @Test func padFillsToTheExactWidth() {
        #expect(DisplayWidth.of(TextFit.pad("日本", to: 7)) == 7)
        #expect(TextFit.padLeft("42m", to: 6) == "   42m")
    }

    @Test func wrapBreaksAtSpacesAndInsideLongWords() {
        #expect(TextFit.wrap("de printer drukt alles dubbel", to: 10) == ["de printer", "drukt", "alles", "dubbel"])
        #expect(TextFit.wrap("請求書が届きません", to: 6) == ["請求書", "が届き", "ません"])
        #expect(TextFit.wrap("a\nb", to: 5) == ["a", "b"])
    }
}
