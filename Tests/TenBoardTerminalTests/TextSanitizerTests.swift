import Testing
import TenBoardCore
import TenBoardTestSupport
@testable import TenBoardTerminal

@Suite struct TextSanitizerTests {
    @Test func plainTextIsUntouched() {
        let text = "Café Zoë · 山田商事 · 👨‍👩‍👧 · e\u{301}"
        #expect(TextSanitizer.visible(text) == text)
    }

    @Test(arguments: [
        ("Evil\u{1B}[31mCorp", "Evil␛[31mCorp"),
        ("a\tb", "a␉b"),
        ("line1\nline2", "line1␊line2"),
        ("crlf\r\nend", "crlf␍␊end"),
        ("bell\u{07}", "bell␇"),
        ("nul\u{0}", "nul␀"),
        ("del\u{7F}", "del␡"),
        ("csi\u{9B}2J", "csi�2J"),
        ("next\u{85}line", "next�line"),
        ("abc\u{202E}exe.txt", "abc�exe.txt"),
        ("x\u{2066}y\u{2069}z", "x�y�z"),
        ("para\u{2029}graph", "para�graph"),
    ])
    func controlsBecomeVisiblePlaceholders(input: String, expected: String) {
        #expect(TextSanitizer.visible(input) == expected)
    }

    @Test func noControlEverSurvives() {
        var all = ""
        for v in Array(0..<0x20) + Array(0x7F...0x9F) + Array(0x202A...0x202E) + Array(0x2066...0x2069) {
            all.unicodeScalars.append(Unicode.Scalar(UInt32(v))!)
        }
        let out = TextSanitizer.visible(all)
        #expect(Untrusted.isSafe(out))
        #expect(!TextSanitizer.visible(all, ascii: true).unicodeScalars.contains { !$0.isASCII || $0.value < 0x20 || $0.value == 0x7F })
    }

    @Test func aLoneCombiningMarkGetsABase() {
        #expect(TextSanitizer.visible("\u{1B}\u{301}") == "␛◌\u{301}")
    }

    @Test func asciiUsesCaretNotationAndTransliterates() {
        #expect(TextSanitizer.visible("Evil\u{1B}[31m", ascii: true) == "Evil^[[31m")
        #expect(TextSanitizer.visible("Café Zoë", ascii: true) == "Cafe Zoe")
        #expect(TextSanitizer.visible("Cafe\u{301}", ascii: true) == "Cafe")
        #expect(TextSanitizer.visible("山田 – ok…", ascii: true) == "?? - ok...")
        #expect(TextSanitizer.visible("del\u{7F}", ascii: true) == "del^?")
    }
}

/// The curses grid's rendering gives the core table's answer (`Untrusted.isForbidden`) on every
/// tricky scalar: a forbidden one never reaches the grid, an allowed one passes unchanged.
@Suite struct TextSanitizerTableTests {
    @Test(arguments: TrickyText.cases)
    func gridAgreesWithTheTable(_ tricky: TrickyText.Case) {
        let input = "a" + tricky.text + "b"
        let out = TextSanitizer.visible(input)
        #expect(Untrusted.isSafe(out), "\(out.debugDescription)")
        if tricky.forbidden {
            #expect(!out.unicodeScalars.contains(where: tricky.unsafeScalars.contains), "\(out.debugDescription)")
            #expect(out.hasPrefix("a") && out.hasSuffix("b"), "\(out.debugDescription)")
        } else {
            #expect(out == input)
        }
    }
}
