import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// The board's behaviour driven by keys, against the real store in a temporary directory.
@Suite struct BoardControllerTests {
    let store: RealBoardStore
    let now = BoardFixtures.now

    init() throws { store = try RealBoardStore(BoardFixtures.data, now: BoardFixtures.now) }

    func press(_ board: BoardController<IssueStore>, _ keys: Key...) {
        for key in keys { _ = board.handle(key, now: now) }
    }

    func type(_ board: BoardController<IssueStore>, _ text: String) {
        for c in text { _ = board.handle(.character(c), now: now) }
    }

    func issue(_ id: String) -> TenBoardCore.Issue { store.data.issues.first { $0.id == id }! }

    func board(readOnly: Bool = false) -> BoardController<IssueStore> {
        let board = BoardController(store: store.store, schedule: BoardFixtures.schedule, language: .en,
                                    userName: "lisa", readOnly: readOnly, uptime: { 100 })
        board.size = (80, 14)
        board.refresh()
        return board
    }

    @Test func startsOnTheOldestWaitingCustomer() {
        #expect(board().state(now: now).selectedID == "7")
    }

    @Test func resolveAsksForTheActionPointAndRecordsIt() {
        let board = board()
        press(board, .down)
        #expect(board.state(now: now).selectedID == "12")
        press(board, .character("r"))
        type(board, "Driver bijgewerkt")
        press(board, .enter)
        let resolved = issue("12")
        #expect(resolved.status == .resolved)
        #expect(resolved.resolvedBy == "lisa")
        #expect(resolved.action == "Driver bijgewerkt")
        let state = board.state(now: now)
        #expect(state.notice == Notice("#12 resolved."))
        #expect(state.header.status.helped == 2)
        // The helped customer moves down to "helped"; the next one in line is selected.
        #expect(state.selectedID == "13")
        #expect(state.rows.first { $0.issue.id == "12" }?.group == .helped)
    }

    @Test func escCancelsAPromptWithoutChangingAnything() {
        let board = board()
        press(board, .character("r"))
        type(board, "q")
        press(board, .escape)
        #expect(issue("7").isOpen)
        #expect(board.state(now: now).overlay == .none)
    }

    @Test func assignOffersTheLeadsOwnName() {
        let board = board()
        press(board, .down, .character("a"))
        #expect(board.state(now: now).overlay == .prompt(LinePrompt(.assign(id: "12"), suggesting: "lisa", seen: issue("12"))))
        press(board, .enter)
        #expect(issue("12").assignee == "lisa")
        press(board, .character("a"), .control("u"), .enter)
        #expect(issue("12").assignee == nil)
    }

    @Test func reopenWorksOnlyOnHelpedCustomers() {
        let board = board()
        press(board, .character("u"))
        #expect(board.state(now: now).notice == Notice("#7 is still open."))
        press(board, .end, .character("u"))
        #expect(issue("11").isOpen)
    }

    @Test func theNewIssueFormAddsACustomer() {
        let board = board()
        press(board, .character("n"))
        press(board, .enter)
        #expect(board.state(now: now).notice == Notice("A customer name is needed.", isError: true))
        type(board, "Fietsenmaker Gerrit")
        press(board, .enter)
        type(board, "Belt terug over de offerte")
        press(board, .enter)
        #expect(store.changes == 0, "Enter walks to the last field before it saves")
        press(board, .right, .right)
        press(board, .enter)
        let added = store.data.issues.last!
        #expect(added.customer == "Fietsenmaker Gerrit")
        #expect(added.summary == "Belt terug over de offerte")
        #expect(added.kind == .complaint)
        #expect(board.state(now: now).selectedID == added.id)
    }

    @Test func filterNarrowsTheListAndEscClearsIt() {
        let board = board()
        press(board, .character("/"))
        type(board, "zoe")
        #expect(board.state(now: now).rows.map(\.issue.id) == ["14"])
        press(board, .enter)
        #expect(board.state(now: now).filter == "zoe")
        press(board, .escape)
        #expect(board.state(now: now).rows.count == 7)
    }

    @Test func escOnTheFilterPromptClearsTheFilter() {
        let board = board()
        press(board, .character("/"))
        type(board, "zoe")
        press(board, .escape)
        #expect(board.state(now: now).filter == "")
        #expect(board.state(now: now).rows.count == 7)
    }

    @Test func tallyCountsForToday() {
        let board = board()
        press(board, .character("t"))
        type(board, "Sanne")
        press(board, .enter)
        #expect(board.state(now: now).header.tally == 4)
    }

    @Test func aReadOnlyBoardRefusesChanges() {
        let board = board(readOnly: true)
        press(board, .character("r"), .character("t"), .character("n"))
        #expect(store.changes == 0)
        #expect(board.state(now: now).notice == Notice("This board is read-only.", isError: true))
        #expect(board.state(now: now).overlay == .none)
    }

    @Test func changesByOthersAppearWhenTheStampChanges() throws {
        let board = board()
        #expect(!board.refresh())
        try store.external { data in
            data.issues.append(TenBoardCore.Issue(id: "20", customer: "Nieuw BV", summary: "via de webform",
                                     receivedAt: stamp("2026-11-24T09:10:00+01:00")))
        }
        #expect(board.refresh())
        #expect(board.state(now: now).rows.contains { $0.issue.id == "20" })
    }

    @Test func aDamagedStoreKeepsTheLastGoodStateAndSaysSo() throws {
        let board = board()
        let good = try Data(contentsOf: store.store.hotURL)
        try store.damage()
        board.refresh()
        let state = board.state(now: now)
        #expect(state.rows.count == 7)
        #expect(state.notice?.isError == true)
        #expect(state.notice?.text.contains("line 3, column 5") == true)
        try AtomicFile.write(good, to: store.store.hotURL)
        board.refresh()
        #expect(board.state(now: now).notice == nil)
    }

    @Test func whenTheSelectedCustomerDisappearsItsNeighbourIsSelected() throws {
        let board = board()
        press(board, .down, .down)
        #expect(board.state(now: now).selectedID == "13")
        // Withdrawn by another lead: out of the list (the store never drops an issue).
        _ = try store.store.withdraw(id: "13", reason: "dubbel", at: now)
        board.refresh()
        #expect(board.state(now: now).selectedID == "14")
    }

    @Test func selectionSurvivesATooSmallTerminalAndComesBack() {
        let board = board()
        press(board, .down, .down, .down)
        board.size = (20, 5)
        _ = board.handle(Key.resize, now: now)
        let small = board.state(now: now)
        #expect(BoardRenderer.render(small, width: 20, height: 5).text.contains("too small"))
        board.size = (80, 14)
        _ = board.handle(Key.resize, now: now)
        let back = board.state(now: now)
        #expect(back.selectedID == "14")
        #expect(BoardRenderer.render(back, width: 80, height: 14).text.contains("▶ 14"))
    }

    @Test func scrollingMovesTheViewOnlyWhenTheSelectionLeavesIt() throws {
        var data = BoardData()
        for i in 1...40 {
            data.issues.append(TenBoardCore.Issue(id: "\(i)", customer: "Klant \(i)", summary: "vraag",
                                                  receivedAt: Timestamp(now.addingTimeInterval(Double(-4000 + i * 60)), offsetSeconds: 3600)))
        }
        let store = try RealBoardStore(data, now: now)
        let board = BoardController(store: store.store, schedule: BoardFixtures.schedule, language: .en,
                                    userName: "lisa", readOnly: false, uptime: { 100 })
        board.size = (80, 14) // 10 list lines: "Nobody is waiting.", "next morning (40)", then the rows
        board.refresh()
        for _ in 0..<20 { _ = board.handle(Key.down, now: now) }
        #expect(board.state(now: now).scrollTop == 13) // row 20 is line 22, the last of 13…22
        for _ in 0..<5 { _ = board.handle(Key.up, now: now) }
        #expect(board.state(now: now).scrollTop == 13, "moving up inside the view does not scroll")
        for _ in 0..<6 { _ = board.handle(Key.up, now: now) }
        #expect(board.state(now: now).scrollTop == 11)
    }

    @Test func detailViewOpensAndCloses() {
        let board = board()
        press(board, .enter)
        #expect(board.state(now: now).screen == .detail)
        press(board, .escape)
        #expect(board.state(now: now).screen == .list)
    }

    @Test func noticesExpireByRealTimeEvenWhenTheBoardClockStandsStill() {
        var uptime = 100.0
        let board = BoardController(store: store.store, schedule: BoardFixtures.schedule, language: .en,
                                    userName: "lisa", readOnly: false, uptime: { uptime })
        board.refresh()
        _ = board.handle(.character("t"), now: now)
        for c in "Sanne" { _ = board.handle(.character(c), now: now) }
        _ = board.handle(.enter, now: now)
        #expect(board.state(now: now).notice != nil)
        uptime += 7
        #expect(board.state(now: now).notice == nil)
    }

    @Test func quitAndRepaint() {
        let board = board()
        #expect(board.handle(.character("q"), now: now) == .quit)
        #expect(board.handle(.control("l"), now: now) == .repaint)
        press(board, .character("r"))
        #expect(board.handle(.character("q"), now: now) == .keepGoing)
    }
}
