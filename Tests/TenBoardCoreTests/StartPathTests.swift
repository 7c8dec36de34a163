import Foundation
import Testing
@testable import TenBoardCore

/// What the command line uses instead of Foundation at start (README, "Process start") gives
/// what Foundation gives.
@Suite("Start path: blanks and the environment without Foundation")
struct StartPathTests {
    @Test("isBlank and isBlankOrNewline are CharacterSet.whitespaces and .whitespacesAndNewlines, for every scalar")
    func blankSets() {
        var checked = 0, blanks = 0
        var wrong: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue } // surrogates
            if scalar.isBlank != CharacterSet.whitespaces.contains(scalar) { wrong.append("blank U+\(String(value, radix: 16))") }
            if scalar.isBlankOrNewline != CharacterSet.whitespacesAndNewlines.contains(scalar) {
                wrong.append("blank or newline U+\(String(value, radix: 16))")
            }
            if scalar.isBlankOrNewline { blanks += 1 }
            checked += 1
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(20))")
        #expect(checked == 0x110000 - 0x800)
        #expect(blanks > 20) // the sets are not empty on either side
    }

    @Test("Trimming blanks gives what trimmingCharacters(in:) gives")
    func trims() {
        let samples = [
            "", " ", "\t \u{3000}", "x", " x ", "\tEurope/Amsterdam \t", "  twee  woorden  ", "\u{A0}nbsp\u{A0}",
            "\u{2003}em\u{2009}", "line\n", "\n\r\u{85}x\u{2028}\u{2029}\u{B}\u{C}", " \u{301}accent ", "é ", "👩‍👩‍👧 ",
            "\u{200B}zero width\u{200B}", "\u{180E}mongolian\u{180E}", "\u{2060}joiner ", "\u{FEFF}bom", " \u{1680}ogham", "a\u{0}b", "\u{0} ", "mixed \t\n",
        ]
        for sample in samples {
            #expect(sample.trimmingBlanks() == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
            #expect(sample.trimmingBlanksAndNewlines() == sample.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(sample.debugDescription)")
        }
    }

    @Test("The environment read from environ is ProcessInfo's")
    func environment() {
        let ours = ProcessEnvironment.variables()
        #expect(!ours.isEmpty)
        #expect(ours == ProcessInfo.processInfo.environment)
    }

    @Test("An environment entry is split at its first '='; one without is left out")
    func environmentEntries() {
        #expect(ProcessEnvironment.split("A=b=c").map { [$0.name, $0.value] } == ["A", "b=c"])
        #expect(ProcessEnvironment.split("EMPTY=").map { [$0.name, $0.value] } == ["EMPTY", ""])
        #expect(ProcessEnvironment.split("=x").map { [$0.name, $0.value] } == ["", "x"])
        #expect(ProcessEnvironment.split("NAME=wät ✓").map { [$0.name, $0.value] } == ["NAME", "wät ✓"])
        #expect(ProcessEnvironment.split("no equals sign") == nil)
    }
}
