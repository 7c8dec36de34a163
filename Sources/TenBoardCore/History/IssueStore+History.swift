import Foundation

extension IssueStore {
    /// The history of every morning up to the one relevant at `at`, from the whole store
    /// (archive included), with the tally marks the store keeps.
    ///
    /// Each row is the account of the morning's hot issues plus the archived issues' part of it,
    /// kept in the morning ledger (`MorningLedger`): the archive is not read. Without a ledger
    /// that fits the archive, or at an instant before the last archived help, every segment is
    /// decoded (side by side, one per core) and every morning counted from the issues; a ledger
    /// that did not fit is then rebuilt from them, once.
    ///
    /// - Parameter notice: told when the ledger is damaged, stale or missing and rebuilt (a
    ///   message naming the file; the history returned is complete either way).
    public func history(at: Date, notice: (TenBoardError) -> Void = { _ in }) throws(TenBoardError) -> MorningHistory {
        let (state, segments) = try snapshotWithSegments()
        let tally = MorningHistory.tally(TallyBook(state).totals)
        guard !state.segments.isEmpty else { return schedule.history(of: state.issues, at: at, tally: tally) }
        let ledger = fittingLedger(for: state, notice: notice)
        if let ledger, Int(at.timeIntervalSince1970) >= ledger.validFrom {
            return schedule.history(of: state.issues, kept: ledger, at: at, tally: tally)
        }
        let archived = try decodeAll(segments)
        if ledger == nil { _ = rebuildLedger(state, archived: archived, notice: notice) }
        return schedule.history(of: archived + state.issues, at: at, tally: tally)
    }

    /// Each segment's issues, in order; the first failure (in segment order) is thrown.
    static func decodeSegments(_ contents: [(Data, URL, Set<String>)]) throws(TenBoardError) -> [[Issue]] {
        let results = SegmentResults(count: contents.count)
        DispatchQueue.concurrentPerform(iterations: contents.count) { i in
            let result: Result<[Issue], TenBoardError>
            do throws(TenBoardError) {
                result = .success(leavingOut(contents[i].2, try ArchiveSegment.decode(contents[i].0, from: contents[i].1)))
            } catch {
                result = .failure(error)
            }
            results.set(i, result)
        }
        var all: [[Issue]] = []
        for result in results.values() { all.append(try result.get()) }
        return all
    }
}

/// Results written by concurrent workers, each to its own slot, under a lock.
private final class SegmentResults: @unchecked Sendable {
    private var slots: [Result<[Issue], TenBoardError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ result: Result<[Issue], TenBoardError>) {
        lock.lock()
        slots[i] = result
        lock.unlock()
    }

    func values() -> [Result<[Issue], TenBoardError>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
