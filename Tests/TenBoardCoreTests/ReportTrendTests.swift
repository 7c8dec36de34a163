import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// The report's opening: key figures, the chart of the last mornings (from the history), the
/// customer tables, and who already waits for the next morning.
@Suite("Morning report trend and tables")
struct ReportTrendTests {
    /// Mon 16 … Mon 23 one customer a morning (Wednesday 18 helped late); Tuesday 24 three:
    /// one helped in time with an action point, one late, one waiting; one more came in at
    /// 09:00 (after the cut-off): Wednesday's.
    static func data(at: String = "2026-11-24T12:00:00+01:00") -> MorningReportData {
        var tuesday = [
            Morn.issue("t1", "2026-11-24T07:00:00+01:00", resolved: "2026-11-24T09:10:00+01:00"),
            Morn.issue("t2", "2026-11-24T07:10:00+01:00", resolved: "2026-11-24T10:25:00+01:00"),
            Morn.issue("t3", "2026-11-24T07:20:00+01:00"),
            Morn.issue("w1", "2026-11-24T09:00:00+01:00"),
        ]
        tuesday[0].action = "Checklist bijgewerkt"
        tuesday[0].resolvedBy = "Sanne"
        tuesday[1].resolvedBy = "Pieter"
        return Morn.amsterdam.reportData(of: localDate("2026-11-24"), issues: MorningHistoryTests.week + tuesday, at: instant(at))
    }

    @Test func theChartAndTheRateComeFromTheHistory() {
        let data = Self.data()
        #expect(data.recent.map(\.morning.description) == ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-23", "2026-11-24"])
        #expect(Words.strip(data.recent, unicode: true) == "▇▇▁▇▇▇▁")
        #expect(data.fourWeeks == MorningRate(met: 5, of: 7))
        #expect(data.nextMorning.map(\.id) == ["w1"])
    }

    @Test func plainTextOpensWithFiguresAndABar() {
        let text = MorningReport(Self.data(), language: .en).text
        #expect(text.contains("""
            Customers ............ 3
            Helped before 10:00 .. 1
            Helped late .......... 1
            Still waiting ........ 1
            Streak ............... 0 (the next morning met starts one)
            Last 4 weeks ......... 71% (5 of 7 mornings met)
            """))
        #expect(text.contains("""
            The last 7 mornings (Mon 16 Nov – Tue 24 Nov):
              ▇▇▁▇▇▇▁
              ▇ met  ▁ missed  · no customers
            """))
        #expect(text.contains("""
            Already waiting for the next morning (1)
            ----------------------------------------
            * #w1 Customer w1
              question, received 09:00, not assigned
            """))
        #expect(text.contains("  question, waited 3h 15m, helped 10:25 by Pieter, 25m late"))
        let nl = MorningReport(Self.data(), language: .nl).text
        #expect(nl.contains("De laatste 7 ochtenden (ma 16 nov – di 24 nov):"))
        #expect(nl.contains("Wachten al voor de volgende ochtend (1)"))
    }

    @Test func htmlHasFigureTilesAChartOfCellsAndCustomerTables() {
        let html = MorningReport(Self.data(), language: .en).html
        // Seven bars: green met, red missed; the tallest is the morning with most customers.
        let green = html.components(separatedBy: "bgcolor=\"#1b7a2f\" style=\"height:").count - 1
        let red = html.components(separatedBy: "bgcolor=\"#b3261e\" style=\"height:").count - 1
        #expect((green, red) == (5, 2))
        #expect(html.contains("<td height=\"48\" bgcolor=\"#b3261e\""), "Tuesday (3 customers) is the tallest bar")
        #expect(html.contains("title=\"Tue 24 Nov: missed, 3 customers\""))
        // Tiles: label, value.
        #expect(html.contains(">Helped late</span><br><span style=\"font-size: 22px; font-weight: bold; color: #b3261e;\">1</span>"))
        #expect(html.contains(">Last 4 weeks</span><br><span style=\"font-size: 22px; font-weight: bold; color: #222222;\">71%</span>"))
        // Tables: the late one says when and how late; an action point or "(none)".
        #expect(html.contains("<b>#t2</b> Customer t2"))
        #expect(html.contains("3h 15m<br><span style=\"color:#b3261e\">helped 10:25, 25m late</span>"))
        #expect(html.contains(">Checklist bijgewerkt</td>"))
        #expect(html.contains("<span style=\"color:#777777\">(none)</span></td>"))
        #expect(!html.contains("<style") && !html.contains("<img") && !html.contains("<script") && !html.contains("http"))
        #expect(html.split(separator: "\n").allSatisfy { $0.utf8.count < 998 }, "no line grows with the chart")
    }

    @Test func aPastMorningsChartStopsAtThatMorning() {
        let data = Morn.amsterdam.reportData(of: localDate("2026-11-18"), issues: MorningHistoryTests.week, at: instant("2026-11-27T12:00:00+01:00"))
        #expect(data.recent.last?.morning == localDate("2026-11-18"))
        #expect(Words.strip(data.recent, unicode: true) == "▇▇▁")
    }
}
