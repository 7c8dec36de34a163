import Testing
@testable import TenBoardTerminal

/// Which locale the board reads keys in, and UTF-8 read byte by byte in an ASCII locale.
@Suite struct TerminalLocaleTests {
    @Test func aMissingUTF8LocaleFallsBackToCUTF8() {
        // ssh from a Dutch desktop to a Debian server with only C.UTF-8
        #expect(TerminalLocale.fallsBackToUTF8(localeWorked: false, codeset: "ANSI_X3.4-1968", environment: ["LANG": "nl_NL.UTF-8"]))
        #expect(TerminalLocale.fallsBackToUTF8(localeWorked: false, codeset: "ANSI_X3.4-1968", environment: ["LC_ALL": "de_DE.utf8", "LANG": "C"]))
        // A missing locale without a codeset: terminals speak UTF-8 nowadays.
        #expect(TerminalLocale.fallsBackToUTF8(localeWorked: false, codeset: "ANSI_X3.4-1968", environment: ["LANG": "nl_BE"]))
    }

    @Test func aWorkingOrExplicitlyASCIILocaleIsLeftAlone() {
        #expect(!TerminalLocale.fallsBackToUTF8(localeWorked: true, codeset: "UTF-8", environment: ["LANG": "C.UTF-8"]))
        #expect(!TerminalLocale.fallsBackToUTF8(localeWorked: true, codeset: "ANSI_X3.4-1968", environment: ["LANG": "C"]))
        #expect(!TerminalLocale.fallsBackToUTF8(localeWorked: true, codeset: "ANSI_X3.4-1968", environment: [:]))
        #expect(!TerminalLocale.fallsBackToUTF8(localeWorked: true, codeset: "ISO-8859-1", environment: ["LANG": "nl_NL.ISO-8859-1"]))
        // LC_ALL wins over LANG, as in POSIX.
        #expect(!TerminalLocale.fallsBackToUTF8(localeWorked: true, codeset: "ANSI_X3.4-1968", environment: ["LC_ALL": "POSIX", "LANG": "nl_NL.UTF-8"]))
    }

    @Test func utf8SequencesAreDecodedAndBrokenOnesRefused() {
        #expect(UTF8Decoding.sequenceLength(lead: 0xC3) == 2)
        #expect(UTF8Decoding.sequenceLength(lead: 0xE7) == 3)
        #expect(UTF8Decoding.sequenceLength(lead: 0xF0) == 4)
        #expect(UTF8Decoding.scalar([0xC3, 0xBC]) == "ü")
        #expect(UTF8Decoding.scalar([0xE7, 0x8E, 0x8B]) == "王")
        #expect(UTF8Decoding.scalar([0xF0, 0x9F, 0x98, 0xA1]) == "😡")
        #expect(UTF8Decoding.scalar([0xE9]) == nil, "a Latin-1 é alone is no UTF-8")
        #expect(UTF8Decoding.scalar([0xC3]) == nil)
        #expect(UTF8Decoding.scalar([0xE0, 0x80, 0x80]) == nil, "overlong")
        #expect(UTF8Decoding.scalar([0xED, 0xA0, 0x80]) == nil, "a surrogate")
    }
}
