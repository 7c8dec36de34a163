import Foundation

extension IssueStore {
    /// The history of every morning up to the one relevant at `at`, from the whole store
    /// (archive included), with the tally marks the store keeps.
    ///
    /// The archive's monthly segments are decoded side by side (one per core); what they hold is
    /// the same as `allIssues()`.
    public func history(at: Date) throws(TenBoardError) -> MorningHistory {
        let (state, segments) = try snapshotWithSegments()
        var contents: [(Data, URL)] = []
        for segment in segments { contents.append((try segment.contents(), segment.url)) }
        let decoded = try Self.decodeSegments(contents)
        return schedule.history(of: decoded.flatMap(\.self) + state.issues, at: at, tally: MorningHistory.tally(TallyBook(state).totals))
    }

    /// Each segment's issues, in order; the first failure (in segment order) is thrown.
    static func decodeSegments(_ contents: [(Data, URL)]) throws(TenBoardError) -> [[Issue]] {
        let results = SegmentResults(count: contents.count)
        DispatchQueue.concurrentPerform(iterations: contents.count) { i in
            let result: Result<[Issue], TenBoardError>
            do throws(TenBoardError) {
                result = .success(try ArchiveSegment.decode(contents[i].0, from: contents[i].1))
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
