import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

@Suite struct MorningTextTests {
    static func waiting(_ n: Int) -> [TenBoardCore.Issue] {
        (0..<n).map { Morn.issue("w\($0)", "2026-11-24T07:00:00+01:00") }
    }
    static func helped(_ n: Int, at: String = "2026-11-24T09:00:00+01:00") -> [TenBoardCore.Issue] {
        (0..<n).map { Morn.issue("h\($0)", "2026-11-24T07:00:00+01:00", resolved: at) }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var issues: [TenBoardCore.Issue]
        var at: String
        var en: String
        var nl: String
        var testDescription: String { en }
    }

    static let cases: [Case] = [
        Case(issues: waiting(7), at: "2026-11-24T08:36:15+01:00",
             en: "7 customers waiting · 1:23:45 to 10:00", nl: "7 klanten wachten · 1:23:45 tot 10:00"),
        Case(issues: waiting(1), at: "2026-11-24T09:45:00+01:00",
             en: "1 customer waiting · 0:15:00 to 10:00", nl: "1 klant wacht · 0:15:00 tot 10:00"),
        Case(issues: helped(27), at: "2026-11-24T09:14:48+01:00",
             en: "All 27 customers helped · 0:45:12 before 10:00", nl: "Alle 27 klanten geholpen · 0:45:12 voor 10:00"),
        Case(issues: [], at: "2026-11-24T07:00:00+01:00",
             en: "No customers · 3:00:00 to 10:00", nl: "Geen klanten · 3:00:00 tot 10:00"),
        Case(issues: waiting(3), at: "2026-11-24T10:12:03+01:00",
             en: "Overdue by 0:12:03 · 3 customers waiting", nl: "0:12:03 over tijd · 3 klanten wachten"),
        Case(issues: helped(2), at: "2026-11-24T12:00:00+01:00",
             en: "Closed · all 2 customers helped in time", nl: "Gesloten · alle 2 klanten op tijd geholpen"),
        Case(issues: helped(1), at: "2026-11-24T12:00:00+01:00",
             en: "Closed · 1 customer helped in time", nl: "Gesloten · 1 klant op tijd geholpen"),
        Case(issues: helped(1), at: "2026-11-24T09:30:00+01:00",
             en: "1 customer helped · 0:30:00 before 10:00", nl: "1 klant geholpen · 0:30:00 voor 10:00"),
        Case(issues: helped(25) + helped(2, at: "2026-11-24T10:20:00+01:00").map { var i = $0; i.id = "l" + i.id; return i },
             at: "2026-11-24T12:00:00+01:00",
             en: "Closed · 25 of 27 helped in time, 2 late", nl: "Gesloten · 25 van 27 op tijd geholpen, 2 te laat"),
        Case(issues: [], at: "2026-11-24T12:00:00+01:00", en: "Closed · no customers", nl: "Gesloten · geen klanten"),
        // Tuesday's two still wait on Saturday: carried over to Monday, they are said.
        Case(issues: waiting(2), at: "2026-11-28T12:00:00+01:00",
             en: "No morning today · next deadline Mon 30 Nov 10:00 · 2 customers waiting",
             nl: "Geen ochtend vandaag · volgende deadline ma 30 nov 10:00 · 2 klanten wachten"),
        Case(issues: [], at: "2026-11-28T12:00:00+01:00",
             en: "No morning today · next deadline Mon 30 Nov 10:00",
             nl: "Geen ochtend vandaag · volgende deadline ma 30 nov 10:00"),
    ]

    @Test(arguments: cases)
    func line(_ c: Case) {
        let status = Morn.amsterdam.status(at: instant(c.at), issues: c.issues)
        #expect(Words(.en).statusLine(status) == c.en)
        #expect(Words(.nl).statusLine(status) == c.nl)
    }

    @Test(arguments: [(0, "0:00:00"), (59, "0:00:59"), (3600, "1:00:00"), (5025, "1:23:45"),
                      (90061, "25:01:01"), (-1, "0:00:01"), (-723, "0:12:03")])
    func duration(seconds: Int, text: String) {
        #expect(Words.countdown(seconds) == text)
    }

    /// One formatter for ages and durations, never like a clock time: at most two units, a space.
    @Test(arguments: [(0, "<1m", "<1m"), (45 * 60, "45m", "45m"), (3 * 3600 + 5 * 60, "3h 05m", "3u 05m"),
                      (10 * 3600, "10h 00m", "10u 00m"), (2 * 86_400 + 4 * 3600 + 59, "2d 4h", "2d 4u"),
                      (-30, "<1m", "<1m")])
    func ages(seconds: Int, en: String, nl: String) {
        #expect(Words(.en).age(seconds: seconds) == en)
        #expect(Words(.nl).age(seconds: seconds) == nl)
    }

    /// One word per kind and language (the board, the wall, `list` and the report all call this
    /// one formatter; the six phrase tables that once had their own are folded into `Words`).
    @Test func kindsAreOneWordPerLanguage() {
        #expect(IssueKind.allCases.map { Words(.en).kind($0) } == ["question", "problem", "complaint", "bug"])
        #expect(IssueKind.allCases.map { Words(.nl).kind($0) } == ["vraag", "probleem", "klacht", "bug"])
        #expect(IssueKind.allCases.map { Words(.nl).kind($0, count: 2) } == ["vragen", "problemen", "klachten", "bugs"])
    }

    @Test func otherWords() {
        #expect(Words(.en).day(localDate("2027-01-01")) == "Fri 1 Jan")
        #expect(Words(.nl).day(localDate("2026-03-30")) == "ma 30 mrt")
        #expect(Words(.en).progress(19, of: 27) == "19 of 27 helped")
        #expect(Words(.nl).progress(19, of: 27) == "19 van 27 geholpen")
        #expect(Words(.en).streakInARow(1) == "1 morning in a row")
        #expect(Words(.nl).streakInARow(12) == "12 ochtenden op rij")
        #expect(Words(.nl).state(.overdue) == "te laat")
        let bad = Morn.issue("T-9", "2026-11-24T09:00:00+01:00", resolved: "2026-11-24T08:00:00+01:00")
        #expect(Words(.en).resolvedBeforeReceived(bad)
            == "T-9: resolved before it was received (2026-11-24T08:00:00+01:00 < 2026-11-24T09:00:00+01:00)")
    }
}
