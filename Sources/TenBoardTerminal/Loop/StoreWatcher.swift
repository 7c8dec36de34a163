import Foundation
import TenBoardCore

/// The board's and the wall's one way of following a store that other processes change: it keeps
/// the last good value read, re-reads only when the store's stamp changes, and says what is wrong
/// when it cannot read (the screen then keeps showing the last good value).
///
/// One rule for a failed read: it is tried again when the stamp changes, and otherwise every
/// `retrySeconds` of real time (a permission fixed with chmod does not change the stamp; real
/// time because a view of another instant, `--at`, has a clock that stands still).
public final class StoreWatcher<Stamp: Equatable, Value> {
    /// How often a store that failed to read is tried again although its stamp did not change.
    public static var retrySeconds: Double { 60 }

    private let stampNow: () -> Stamp?
    private let read: () throws -> Value
    private let uptime: () -> TimeInterval

    /// The last value read well (the initial one until a read succeeds).
    public private(set) var value: Value
    /// Counts the reads that replaced `value`: a cache of what is derived from it keys on this.
    public private(set) var generation = 0
    /// Whether any read has succeeded: until then `value` is only the initial one.
    public private(set) var everRead = false
    /// Why the last read failed; `nil` when it went well.
    public private(set) var error: (any Error)?
    /// The stamp was `nil`: there is no store (yet).
    public private(set) var missing = false
    private var stamp: Stamp?
    private var looked = false
    private var failedAt: TimeInterval?

    /// - Parameters:
    ///   - initial: the value until the first good read.
    ///   - stamp: a cheap fingerprint of the store, `nil` when there is none.
    ///   - read: reads the store; throws when it is damaged or unreadable.
    ///   - uptime: a monotonic clock in seconds, for the retry (default: the system's).
    public init(
        initial: Value, stamp: @escaping () -> Stamp?, read: @escaping () throws -> Value,
        uptime: @escaping () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }
    ) {
        self.value = initial
        self.stampNow = stamp
        self.read = read
        self.uptime = uptime
    }

    /// Re-reads the store if its stamp changed since the last look, if a failed read is due to be
    /// tried again, or when forced (after a change of one's own).
    ///
    /// - Returns: whether a read was attempted (so what is shown may have changed).
    @discardableResult
    public func refresh(force: Bool = false) -> Bool {
        let current = stampNow()
        let retry = failedAt.map { uptime() - $0 >= Self.retrySeconds } ?? false
        guard force || !looked || current != stamp || retry else { return false }
        stamp = current
        looked = true
        missing = current == nil
        if missing {
            // Nothing to read; what was read before stays shown.
            error = nil
            failedAt = nil
            return true
        }
        do {
            value = try read()
            generation += 1
            everRead = true
            error = nil
            failedAt = nil
        } catch let failure {
            error = failure
            failedAt = uptime()
        }
        return true
    }
}

extension StoreWatcher where Stamp == FileStamp, Value == StoreSnapshot {
    /// Follows the store's hot file (the wall's view): a snapshot, re-read when it changes.
    public convenience init(store: IssueStore, uptime: @escaping () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }) {
        self.init(initial: StoreSnapshot(), stamp: { store.changeStamp() }, read: { try store.snapshot() }, uptime: uptime)
    }
}
