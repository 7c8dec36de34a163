import Foundation

/// The lock that makes sending one-at-a-time: `<store>/mail.lock` (a `LockFile`), held from the
/// check of `sent.json` until the delivery is recorded.
///
/// Separate from `StoreLock` because it is held while sendmail runs (up to a minute), and the
/// board must not wait that long to save an issue. Order is always this lock, then the store
/// lock, never the other way round.
enum MailLock {
    static let fileName = "mail.lock"

    /// Runs `body` holding the lock; waits for another sender up to `timeout`, then exit 75.
    static func withLock<T>(in store: URL, timeout: Duration, _ body: () async throws -> T) async throws -> T {
        let lock = try LockFile(in: store, name: fileName)
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while try !lock.tryLock() {
            guard clock.now < deadline else {
                throw TenBoardError(exitCode: .tempFailure) { $0.senderLocked(lock.path, seconds: timeout.components.seconds) }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        defer { lock.unlock() }
        return try await body()
    }
}
