import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The lock that makes sending one-at-a-time: `flock` on `<store>/mail.lock`, held from the
/// check of `sent.json` until the delivery is recorded.
///
/// Separate from `StoreLock` because it is held while sendmail runs (up to a minute), and the
/// board must not wait that long to save an issue. Order is always this lock, then the store
/// lock, never the other way round. The kernel drops it when the process dies, so a crash
/// mid-send never leaves a stale lock behind.
enum MailLock {
    static let fileName = "mail.lock"

    /// Runs `body` holding the lock; waits for another sender up to `timeout`, then exit 75.
    static func withLock<T>(in store: URL, timeout: Duration, _ body: () async throws -> T) async throws -> T {
        try AtomicFile.makeDirectory(store)
        let path = store.appendingPathComponent(fileName).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o664)
        guard fd >= 0 else { throw AtomicFile.failure(errno, "cannot open the lock file \(path)") }
        defer { close(fd) }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw AtomicFile.failure(errno, "cannot lock \(path)")
            }
            guard clock.now < deadline else {
                throw TenBoardError(
                    "another tenboard has been sending reports for \(timeout.components.seconds) s (\(path) is locked); nothing was sent, try again",
                    exitCode: .tempFailure)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        defer { flock(fd, LOCK_UN) }
        return try await body()
    }
}
