import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// A store damaged before the board ever read it: there is no last good state, so the board must
/// not claim "no customers" (it used to say DONE · Nobody is waiting).
@Suite struct BoardUnreadStoreTests {
    @Test func aStoreNeverReadSaysSoInsteadOfNoCustomers() throws {
        let dir = try TemporaryDirectory.make("unread")
        defer { TemporaryDirectory.remove(dir) }
        try Data("{\"issues\": [\n".utf8).write(to: dir.appendingPathComponent("issues.json"))
        let store = IssueStore(directory: dir)
        let now = Timestamp(rfc3339: "2026-11-24T09:12:00+01:00")!.date
        let board = BoardController(store: store, schedule: store.schedule, language: .en, userName: "lisa",
                                    readOnly: false, uptime: { 100 })
        board.size = (90, 12)
        board.refresh()
        let screen = BoardRenderer.render(board.state(now: now), width: 90, height: 12).text
        #expect(screen.contains("STORE UNREADABLE"))
        #expect(screen.contains("Nothing could be read from the store"))
        #expect(!screen.contains("Nobody is waiting"))
        #expect(!screen.contains("NO CUSTOMERS") && !screen.contains("streak"))
        #expect(screen.contains("Store problem:"), "the reason is in the status line")

        // Repaired (here: a lead adds an issue after moving the damaged file away): the board
        // shows the morning as usual.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("issues.json"))
        try store.add(customer: "Ann", summary: "vraag", receivedAt: now.addingTimeInterval(-7200), at: now)
        board.refresh(force: true)
        let repaired = BoardRenderer.render(board.state(now: now), width: 90, height: 12).text
        #expect(!repaired.contains("STORE UNREADABLE"))
        #expect(repaired.contains("Ann") && repaired.contains("WAITING"))
    }
}
