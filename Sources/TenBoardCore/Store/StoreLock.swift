import Foundation
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// A permanent sidecar lock file held with `flock`: the store's `store.lock`, intake's
/// `intake.lock` and the mail's `mail.lock`.
///
/// A sidecar, because a lock on the data file would stay on the old inode once `rename` replaces
/// it; `flock` rather than POSIX `fcntl` locks, which vanish when any descriptor of the file
/// closes. The kernel drops it when the process dies, so a crash never leaves a stale lock.
final class LockFile {
    let path: String
    private let fd: FileDescriptor

    /// Opens (and creates, group-shared) `name` in `directory`, which is created if missing.
    ///
    /// Never through a symbolic link and only a regular file (`StoreFile`): any member of the
    /// group can replace the lock file, and must not make us open or chmod another file.
    init(in directory: URL, name: String) throws(TenBoardError) {
        try AtomicFile.makeDirectory(directory)
        path = directory.appendingPathComponent(name).path
        switch StoreFile.open(path, .readWrite, create: true, permissions: FilePermissions(rawValue: 0o664)) {
        case .success(let (fd, created)):
            self.fd = fd
            // Another user of the group must be able to open it too: the creator's umask may not
            // say so. Only a file this call created: never change the mode of someone else's.
            if created { try? fd.setPermissions(AtomicFile.newFileMode(in: directory.path)) }
        case .failure(.system(let code)):
            let lockPath = path
            throw AtomicFile.failure(code) { $0.cannotOpen(.lockFile, lockPath) }
        case .failure(let failure):
            throw StoreFile.error(failure, path, .lockFile)
        }
    }

    deinit { fd.closeQuietly() }

    /// Takes the exclusive lock if it is free.
    /// - Returns: `false` when another process holds it.
    func tryLock() throws(TenBoardError) -> Bool {
        do throws(Errno) {
            return try fd.tryLockExclusive()
        } catch {
            throw AtomicFile.failure(error) { $0.cannotLock(path) }
        }
    }

    func unlock() { fd.unlock() }

    /// Takes the lock, waiting up to `timeout` for another process to give it up (polling, 1 ms
    /// doubling to 50 ms); then throws what `timedOut` gives.
    func lock(timeout: TimeInterval, timedOut: () -> TenBoardError) throws(TenBoardError) {
        let start = Date()
        var pause: TimeInterval = 0.001
        while try !tryLock() {
            if Date().timeIntervalSince(start) > timeout { throw timedOut() }
            Thread.sleep(forTimeInterval: pause)
            pause = min(pause * 2, 0.05)
        }
    }
}

/// The store's exclusive lock: held from before the read until after the rename of every
/// read-modify-write.
public enum StoreLock {
    public static let fileName = "store.lock"
    /// How long a change waits for another process to finish before exit 75.
    public static let defaultTimeout: TimeInterval = 30

    /// Runs `body` while holding the exclusive lock of the store in `directory` (created if missing).
    ///
    /// - Parameter timeout: how long to wait for another process to finish; then exit 75.
    public static func withExclusiveLock<T>(
        in directory: URL, timeout: TimeInterval = defaultTimeout, _ body: () throws -> T
    ) throws -> T {
        let lock = try LockFile(in: directory, name: fileName)
        try lock.lock(timeout: timeout) { TenBoardError(exitCode: .tempFailure) { $0.storeLocked(directory.path, seconds: Int(timeout)) } }
        defer { lock.unlock() }
        return try body()
    }
}
