import Foundation
@testable import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// The real store in a temporary directory, seeded with a board's data, for the controller
/// tests: every change the board makes goes through `IssueStore`'s own rules and files.
final class RealBoardStore {
    let directory: URL
    let store: IssueStore
    private let seeded: Int

    /// - Parameters:
    ///   - data: the issues and tally to start with (written as the hot file, revision 1).
    ///   - now: the store's real time (a change is never dated after it).
    init(_ data: BoardData, now: Date) throws {
        directory = try TemporaryDirectory.make("board-controller")
        store = IssueStore(directory: directory, schedule: BoardFixtures.schedule, clock: { now })
        let next = (data.issues.compactMap { Int($0.id) }.max() ?? 0) + 1
        seeded = 1
        let state = StoreState(revision: seeded, createdAt: LocalDate("2026-11-02"), nextID: next, issues: data.issues, tally: data.tally)
        try AtomicFile.write(Data(JSONWriter.pretty(state.json).utf8), to: store.hotURL)
    }

    deinit { TemporaryDirectory.remove(directory) }

    /// The store as the board reads it now.
    var data: BoardData { try! store.loadBoard() }

    /// Customers' praise as the store keeps it.
    var praise: [Praise] { try! store.snapshot().praise }

    /// How many changes were saved since the store was seeded.
    var changes: Int { try! store.snapshot().revision - seeded }

    /// Someone else changes the store (another board, `tenboard edit`): the hot file is replaced
    /// whole with a new revision.
    func external(_ change: (inout StoreState) -> Void) throws {
        var state = try store.snapshot()
        change(&state)
        state.revision += 1
        try write(state)
    }

    /// A bad hand edit: the hot file is no longer JSON (line 3, column 5: a missing comma).
    func damage() throws {
        try AtomicFile.write(Data("{\n  \"format\": \"tenboard-store\"\n    \"version\": 1\n}\n".utf8), to: store.hotURL)
    }

    private func write(_ state: StoreState) throws {
        try AtomicFile.write(Data(JSONWriter.pretty(state.json).utf8), to: store.hotURL)
    }
}
