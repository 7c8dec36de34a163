import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The store's exclusive lock: `flock` on a permanent sidecar file, `store.lock`.
///
/// A sidecar, because a lock on the data file would stay on the old inode once `rename` replaces
/// it; `flock` rather than POSIX `fcntl` locks, which vanish when any descriptor of the file closes.
/// Held from before the read until after the rename of every read-modify-write.
public enum StoreLock {
    public static let fileName = "store.lock"

    /// Runs `body` while holding the exclusive lock of the store in `directory` (created if missing).
    ///
    /// - Parameter timeout: how long to wait for another process to finish; then exit 75.
    public static func withExclusiveLock<T>(
        in directory: URL, timeout: TimeInterval = 30, _ body: () throws -> T
    ) throws -> T {
        try AtomicFile.makeDirectory(directory)
        let path = directory.appendingPathComponent(fileName).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o664)
        guard fd >= 0 else {
            throw AtomicFile.failure(errno, "cannot open the lock file \(path)")
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_uid == getuid() {
            _ = fchmod(fd, AtomicFile.mode(replacing: path) | 0o660)
        }
        let start = Date()
        var pause: UInt32 = 1_000
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw AtomicFile.failure(errno, "cannot lock \(path)")
            }
            if Date().timeIntervalSince(start) > timeout {
                throw TenBoardError(
                    "the store \(directory.path) stayed locked by another tenboard for \(Int(timeout)) s; nothing was changed, try again",
                    exitCode: .tempFailure)
            }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
