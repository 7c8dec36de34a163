import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// A customer who mails again after being helped (set by `tenboard intake`) is put first on the
/// board for a lead to decide, until the issue is reopened or helped again.
struct BoardWroteAgainTests {
    static func helpedYesterday(wroteAgain: String?, resolvedAt: String = "2026-11-23T11:00:00+01:00") -> TenBoardCore.Issue {
        TenBoardCore.Issue(id: "9", customer: "Bakkerij Ömer", summary: "Oven stuk", kind: .problem,
              receivedAt: stamp("2026-11-23T07:00:00+01:00"), status: .resolved,
              resolvedAt: stamp(resolvedAt), resolvedBy: "sanne", channel: "mail",
              extra: wroteAgain.map { [TenBoardCore.Issue.wroteAgainField: .string($0)] } ?? [:])
    }

    @Test func aCustomerWhoWroteAgainComesFirstAndNamesTheWayBack() {
        let data = BoardData(issues: BoardFixtures.issues + [Self.helpedYesterday(wroteAgain: "2026-11-24T08:05:00+01:00")])
        let state = BoardFixtures.state(data: data, selected: "9")
        #expect(state.rows.first?.issue.id == "9")
        #expect(state.rows.first?.group == .wroteAgain)
        let screen = BoardRenderer.render(state, width: 100, height: 20).text
        #expect(screen.contains("helped, then wrote again (1): u reopens"))
        #expect(screen.contains("Bakkerij Ömer"))
        let dutch = BoardRenderer.render(BoardFixtures.state(language: .nl, data: data, selected: "9"), width: 100, height: 20).text
        #expect(dutch.contains("geholpen, daarna opnieuw geschreven (1): u heropent"))
    }

    @Test func helpedAgainAfterTheMailItLeavesTheList() {
        let again = Self.helpedYesterday(wroteAgain: "2026-11-24T08:05:00+01:00", resolvedAt: "2026-11-24T08:30:00+01:00")
        let (_, rows) = BoardStateBuilder.build(BoardData(issues: BoardFixtures.issues + [again]),
                                                schedule: BoardFixtures.schedule, now: BoardFixtures.now)
        #expect(!rows.contains { $0.group == .wroteAgain })
        let quiet = Self.helpedYesterday(wroteAgain: nil)
        let (_, plain) = BoardStateBuilder.build(BoardData(issues: BoardFixtures.issues + [quiet]),
                                                 schedule: BoardFixtures.schedule, now: BoardFixtures.now)
        #expect(!plain.contains { $0.issue.id == "9" }, "helped yesterday and quiet since: not on today's board")
    }

    @Test func theWallListsThemFirstAsWroteAgain() {
        let snapshot = StoreSnapshot(issues: BoardFixtures.issues + [Self.helpedYesterday(wroteAgain: "2026-11-24T08:05:00+01:00")])
        let wall = WallState.make(snapshot: snapshot, schedule: BoardFixtures.schedule, at: BoardFixtures.now, language: .en)
        #expect(wall.customers.first?.group == .wroteAgain)
        #expect(wall.customers.first?.name == "Bakkerij Ömer")
        #expect(wall.customers.first?.waitingSeconds == 67 * 60, "since they wrote, not since their first mail")
        let screen = WallLayout.render(wall, width: 100, height: 30).text
        #expect(screen.contains("Bakkerij Ömer (wrote again)"))
        let dutch = WallState.make(snapshot: snapshot, schedule: BoardFixtures.schedule, at: BoardFixtures.now, language: .nl)
        #expect(WallLayout.render(dutch, width: 100, height: 30).text.contains("Bakkerij Ömer (schreef opnieuw)"))
    }
}
