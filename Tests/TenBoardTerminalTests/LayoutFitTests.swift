import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// What a careful lead sees at the extremes: long names on a 250-column board and wall, a 40-column
/// wall, a frozen board's header, and the report's words for one morning.
@Suite struct LayoutFitTests {
    static let tuesday = "2026-11-24T09:12:47+01:00"

    @Test func aFrozenBoardsNumbersFollowAsAtWithOneSpace() {
        let (header, rows) = BoardStateBuilder.build(BoardFixtures.data, schedule: BoardFixtures.schedule,
                                                     now: BoardFixtures.now, frozen: true)
        let state = BoardState(language: .en, timeZone: BoardFixtures.zone, now: BoardFixtures.now, header: header,
                               rows: rows, selectedID: "7")
        let line = BoardRenderer.render(state, width: 120, height: 20).line(1)
        #expect(line.hasPrefix(" as at Tue 09:12 · "))
        #expect(!line.contains("·  "), "one space after each separator: \(line)")
        let live = BoardRenderer.render(BoardFixtures.state(), width: 120, height: 20).line(1)
        #expect(live.hasPrefix(" 1 of "), "a live board's numbers keep their one leading space: \(live)")
    }
}
