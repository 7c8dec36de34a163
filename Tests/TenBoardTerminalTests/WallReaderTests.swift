import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// An in-memory store whose stamp and content the test sets.
final class FakeWallSource: WallSource {
    var stamp: Int? = 1
    var result: Result<StoreSnapshot, TenBoardError> = .success(StoreSnapshot(revision: 1))
    var reads = 0
    let wallPath = "/srv/tenboard"

    func wallSnapshot() throws -> StoreSnapshot {
        reads += 1
        return try result.get()
    }

    func wallStamp() -> Int? { stamp }
}

@Suite struct WallReaderTests {
    let start = instant("2026-11-24T09:00:00+01:00")

    @Test func readsOnlyWhenTheStampChanges() {
        let source = FakeWallSource()
        let reader = WallReader(source: source, language: .en)
        #expect(reader.refresh(at: start))
        #expect(!reader.refresh(at: start.addingTimeInterval(1)))
        #expect(!reader.refresh(at: start.addingTimeInterval(2)))
        #expect(source.reads == 1)
        source.stamp = 2
        source.result = .success(StoreSnapshot(revision: 2))
        #expect(reader.refresh(at: start.addingTimeInterval(3)))
        #expect(reader.snapshot.revision == 2 && reader.notice == nil)
    }

    @Test func aDamagedStoreKeepsTheLastGoodStateWithANotice() {
        let source = FakeWallSource()
        let reader = WallReader(source: source, language: .en)
        reader.refresh(at: start)
        source.stamp = 2
        source.result = .failure(TenBoardError(
            "/srv/tenboard/issues.json: line 3, column 7: expected ','. The file was left as it is: fix it with 'tenboard edit'",
            exitCode: .dataError))
        reader.refresh(at: start.addingTimeInterval(1))
        #expect(reader.snapshot.revision == 1)
        #expect(reader.notice == "Store problem: /srv/tenboard/issues.json: line 3, column 7: expected ',' · showing the last good state")
        // Not re-read every second while broken, but now and then in case only permissions changed.
        reader.refresh(at: start.addingTimeInterval(2))
        #expect(source.reads == 2)
        reader.refresh(at: start.addingTimeInterval(70))
        #expect(source.reads == 3)
        // Fixed: the notice goes.
        source.stamp = 3
        source.result = .success(StoreSnapshot(revision: 3))
        reader.refresh(at: start.addingTimeInterval(71))
        #expect(reader.snapshot.revision == 3 && reader.notice == nil)
    }

    @Test func aMissingStoreSaysSoAndKeepsWhatItHad() {
        let source = FakeWallSource()
        let reader = WallReader(source: source, language: .nl)
        reader.refresh(at: start)
        source.stamp = nil
        reader.refresh(at: start.addingTimeInterval(1))
        #expect(reader.notice == "Geen opslag in /srv/tenboard")
        #expect(reader.snapshot.revision == 1)
        source.stamp = 5
        reader.refresh(at: start.addingTimeInterval(2))
        #expect(reader.notice == nil)
    }

    @Test func theRealStoreIsOnlyRead() throws {
        let dir = try TemporaryDirectory.make("wall-reader")
        defer { TemporaryDirectory.remove(dir) }
        let store = IssueStore(directory: dir)
        let reader = WallReader(source: store, language: .en)
        reader.refresh(at: start)
        #expect(reader.notice?.hasPrefix("No store at ") == true)
        _ = try store.add(customer: "Bakkerij", summary: "s", receivedAt: start, at: start)
        let before = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        let bytes = try Data(contentsOf: store.hotURL)
        #expect(reader.refresh(at: start.addingTimeInterval(1)))
        #expect(reader.snapshot.issues.map(\.customer) == ["Bakkerij"])
        #expect(reader.notice == nil)
        try Data("{ broken".utf8).write(to: store.hotURL)
        reader.refresh(at: start.addingTimeInterval(2))
        #expect(reader.snapshot.issues.count == 1)
        #expect(reader.notice?.contains("Store problem") == true)
        try bytes.write(to: store.hotURL)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == before, "the wall creates no file")
    }
}
