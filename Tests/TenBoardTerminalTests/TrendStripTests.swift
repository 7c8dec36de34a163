import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// The strip of the last mornings beside the streak, on the wall and in the board's header.
@Suite struct TrendStripTests {
    /// One customer a morning Mon 16 … Mon 23 Nov 2026 (Wednesday 18 helped late), and one
    /// waiting on Tuesday 24.
    static let snapshot = StoreSnapshot(createdAt: localDate("2026-11-02"), issues: ["16", "17", "18", "19", "20", "23"].map { day in
        W.issue("n\(day)", "C\(day)", "2026-11-\(day)T07:00:00+01:00",
                resolved: "2026-11-\(day)T\(day == "18" ? "10:30" : "09:00"):00+01:00", by: "Ann")
    } + [W.issue("t", "Tuesday", "2026-11-24T07:30:00+01:00")])
    static let at = "2026-11-24T09:12:00+01:00"

    @Test func theWallShowsTheStripAndTheRateInUnicodeAndASCII() {
        let wall = W.wall(Self.snapshot, at: Self.at)
        // Today is undecided: the strip ends with Monday.
        #expect(Words.strip(wall.recent, unicode: true) == "▇▇▁▇▇▇")
        #expect(wall.recentRate == MorningRate(met: 4, of: 5))
        let wide = WallLayout.render(wall, width: 120, height: 30).text
        #expect(wide.contains("streak 3 ▇▇▁▇▇▇ · 4 of the last 5 mornings met"), "\(wide)")
        let ascii = WallLayout.render(wall, width: 120, height: 30, unicode: false).text
        #expect(ascii.contains("streak 3 ##_### - 4 of the last 5 mornings met"), "\(ascii)")
        // Narrow: the rate goes first, then the strip; the streak stays.
        let sixty = WallLayout.render(wall, width: 60, height: 24).text
        #expect(sixty.contains("streak 3 ▇▇▁▇▇▇") && !sixty.contains("of the last 5"), "\(sixty)")
        let fifty = WallLayout.render(wall, width: 50, height: 24).text
        #expect(fifty.contains("needed · streak 3\n") && !fifty.contains("▇"), "\(fifty)")
        let nl = WallLayout.render(W.wall(Self.snapshot, at: Self.at, language: .nl), width: 120, height: 30).text
        #expect(nl.contains("reeks 3 ▇▇▁▇▇▇ · 4 van de laatste 5 ochtenden gehaald"), "\(nl)")
    }

    @Test func theBoardHeaderShowsTheStripBesideTheStreak() {
        let (header, _) = BoardStateBuilder.build(BoardData(issues: Self.snapshot.issues), schedule: W.schedule, now: instant(Self.at))
        #expect(Words.strip(header.recent, unicode: false) == "##_###")
        #expect(header.recentRate == MorningRate(met: 4, of: 5))
    }
}
