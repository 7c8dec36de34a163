import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// Data flows one way: `state(now:)` only reads; the keys and `settle(now:)` move the selection
/// and the scroll. Against the real store in a temporary directory.
@Suite struct BoardSelectionTests {
    let now = instant("2026-11-24T09:12:00+01:00")

    func board(customers: Int) throws -> (BoardController<IssueStore>, IssueStore, URL) {
        let dir = try TemporaryDirectory.make("board-selection")
        let store = IssueStore(directory: dir, clock: { instant("2026-11-24T09:12:00+01:00") })
        for i in 0..<customers {
            try store.add(customer: "Klant \(i)", summary: "vraag", receivedAt: now.addingTimeInterval(Double(-7200 + 60 * i)), at: now)
        }
        let board = BoardController(store: store, schedule: store.schedule, language: .en, userName: "lisa", readOnly: false,
                                    uptime: { 100 })
        board.size = (100, 16)
        board.refresh()
        return (board, store, dir)
    }

    @Test func theSelectedCustomerLeavingTheListIsShownAsItsNeighbourAndKeptOnlyBySettling() throws {
        let (board, store, dir) = try board(customers: 5)
        defer { TemporaryDirectory.remove(dir) }
        _ = board.handle(.move(2), now: now)
        let selected = try #require(board.state(now: now).selectedRow).issue
        #expect(board.selectedID == selected.id)
        // Another lead withdraws that customer (a duplicate): it leaves the list.
        try store.withdraw(id: selected.id, reason: "duplicate", at: now)
        #expect(board.refresh())
        let shown = board.state(now: now)
        let neighbour = try #require(shown.selectedRow).issue
        #expect(neighbour.id != selected.id && shown.selectedIndex == 2)
        #expect(board.state(now: now) == shown, "asking twice gives the same")
        #expect(board.selectedID == selected.id, "state(now:) changed nothing")
        board.settle(now: now)
        #expect(board.selectedID == neighbour.id)
    }

    @Test func scrollingIsKeptByTheKeysAndReadByTheView() throws {
        let (board, _, dir) = try board(customers: 30)
        defer { TemporaryDirectory.remove(dir) }
        for _ in 0..<20 { _ = board.handle(.move(1), now: now) }
        let top = board.scrollTop
        #expect(top > 0, "the list scrolled to keep the selection in view")
        #expect(board.state(now: now).scrollTop == top)
        // One up stays inside the view: the list does not move.
        _ = board.handle(.move(-1), now: now)
        #expect(board.scrollTop == top)
        let grid = BoardRenderer.render(board.state(now: now), width: 100, height: 16)
        #expect(grid.text.contains("Klant 19"))
        #expect(board.scrollTop == top, "rendering changed nothing")
    }
}
