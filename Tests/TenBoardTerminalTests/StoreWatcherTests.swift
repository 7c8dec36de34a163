import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// A store whose stamp and content the test scripts (failures included), and a monotonic clock
/// the test moves.
final class ScriptedStore {
    var stamp: Int? = 1
    var result: Result<StoreSnapshot, TenBoardError> = .success(StoreSnapshot(revision: 1))
    var reads = 0
    var uptime: TimeInterval = 1000

    func watcher() -> StoreWatcher<Int, StoreSnapshot> {
        StoreWatcher(initial: StoreSnapshot(), stamp: { self.stamp }, read: {
            self.reads += 1
            return try self.result.get()
        }, uptime: { self.uptime })
    }
}

@Suite struct StoreWatcherTests {
    @Test func readsOnlyWhenTheStampChanges() {
        let store = ScriptedStore()
        let watcher = store.watcher()
        #expect(watcher.refresh())
        store.uptime += 1
        #expect(!watcher.refresh())
        store.uptime += 1
        #expect(!watcher.refresh())
        #expect(store.reads == 1 && watcher.generation == 1)
        store.stamp = 2
        store.result = .success(StoreSnapshot(revision: 2))
        #expect(watcher.refresh())
        #expect(watcher.value.revision == 2 && watcher.error == nil && watcher.generation == 2)
        // Forced (after a change of one's own): read although the stamp is the same.
        #expect(watcher.refresh(force: true))
        #expect(store.reads == 3)
    }

    @Test func aDamagedStoreKeepsTheLastGoodStateAndIsTriedAgainNowAndThen() {
        let store = ScriptedStore()
        let watcher = store.watcher()
        watcher.refresh()
        store.stamp = 2
        store.result = .failure(TenBoardError(
            "/srv/tenboard/issues.json: line 3, column 7: expected ','. The file was left as it is: fix it with 'tenboard edit'",
            exitCode: .dataError))
        watcher.refresh()
        #expect(watcher.value.revision == 1 && watcher.generation == 1 && watcher.everRead)
        #expect(WallApp.notice(watcher, store: "/srv/tenboard", language: .en)
            == "Store problem: /srv/tenboard/issues.json: line 3, column 7: expected ',' · showing the last good state")
        // Not re-read every second while broken, but every minute of real time in case only
        // permissions changed (the stamp does not move then).
        store.uptime += 1
        watcher.refresh()
        #expect(store.reads == 2)
        store.uptime += StoreWatcher<Int, StoreSnapshot>.retrySeconds
        watcher.refresh()
        #expect(store.reads == 3)
        // Fixed: the notice goes.
        store.stamp = 3
        store.result = .success(StoreSnapshot(revision: 3))
        watcher.refresh()
        #expect(watcher.value.revision == 3 && watcher.error == nil)
        #expect(WallApp.notice(watcher, store: "/srv/tenboard", language: .en) == nil)
    }

    @Test func nothingReadYetIsNotAnEmptyStore() {
        let store = ScriptedStore()
        store.result = .failure(TenBoardError("unreadable", exitCode: .noPermission))
        let watcher = store.watcher()
        watcher.refresh()
        #expect(!watcher.everRead && watcher.error != nil && watcher.generation == 0)
    }

    @Test func aMissingStoreSaysSoAndKeepsWhatItHad() {
        let store = ScriptedStore()
        let watcher = store.watcher()
        watcher.refresh()
        store.stamp = nil
        watcher.refresh()
        #expect(watcher.missing)
        #expect(WallApp.notice(watcher, store: "/srv/tenboard", language: .nl) == "Geen opslag in /srv/tenboard")
        #expect(watcher.value.revision == 1)
        store.stamp = 5
        watcher.refresh()
        #expect(!watcher.missing && WallApp.notice(watcher, store: "/srv/tenboard", language: .nl) == nil)
    }

    @Test func theRealStoreIsOnlyRead() throws {
        let start = instant("2026-11-24T09:00:00+01:00")
        let dir = try TemporaryDirectory.make("store-watcher")
        defer { TemporaryDirectory.remove(dir) }
        let store = IssueStore(directory: dir)
        let watcher = StoreWatcher(store: store)
        watcher.refresh()
        #expect(WallApp.notice(watcher, store: dir.path, language: .en)?.hasPrefix("No store at ") == true)
        _ = try store.add(customer: "Bakkerij", summary: "s", receivedAt: start, at: start)
        let before = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        let bytes = try Data(contentsOf: store.hotURL)
        #expect(watcher.refresh())
        #expect(watcher.value.issues.map(\.customer) == ["Bakkerij"])
        #expect(WallApp.notice(watcher, store: dir.path, language: .en) == nil)
        try Data("{ broken".utf8).write(to: store.hotURL)
        watcher.refresh()
        #expect(watcher.value.issues.count == 1)
        #expect(WallApp.notice(watcher, store: dir.path, language: .en)?.contains("Store problem") == true)
        try bytes.write(to: store.hotURL)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == before, "the wall creates no file")
    }
}
