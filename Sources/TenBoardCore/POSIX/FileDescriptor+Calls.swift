#if canImport(Glibc)
import Glibc
#endif
import Foundation
#if canImport(System)
import System
#else
import SystemPackage
#endif

// The store's system calls on an open file, typed: swift-system's `FileDescriptor` and `Errno`
// (already built for swift-subprocess), with the calls it lacks (`fsync`, `flock`, `fchmod`,
// `fcntl`) and typed-throwing forms of the ones it has, each retried on EINTR.

extension FileDescriptor {
    /// `open(2)` of `path`; `options` as given (the store adds O_NOFOLLOW and O_CLOEXEC itself,
    /// `StoreFile`), `permissions` for a file it creates.
    package static func open(
        path: String, _ access: AccessMode, options: OpenOptions = [], permissions: FilePermissions? = nil
    ) throws(Errno) -> FileDescriptor {
        let flags = access.rawValue | options.rawValue
        while true {
            let fd = Glibc.open(path, flags, permissions?.rawValue ?? 0)
            if fd >= 0 { return FileDescriptor(rawValue: fd) }
            if errno != EINTR { throw Errno(rawValue: errno) }
        }
    }

    /// `fstat(2)`.
    package func info() throws(Errno) -> Stat {
        try stat()
    }

    /// Reads to the end of the file, straight into the `Data`'s storage: the size `fstat` gives,
    /// then more if the file grew.
    package func readToEnd() throws(Errno) -> Data {
        let size = (try? info().size) ?? 0
        var capacity = size > 0 ? Int(size) + 1 : 1 << 16
        var data = Data(count: capacity)
        var length = 0
        while true {
            if length == capacity {
                capacity *= 2
                data.count = capacity
            }
            let n = data.withUnsafeMutableBytes { Glibc.read(rawValue, $0.baseAddress! + length, capacity - length) }
            if n > 0 {
                length += n
            } else if n == 0 {
                data.count = length
                return data
            } else if errno != EINTR {
                throw Errno(rawValue: errno)
            }
        }
    }

    /// `length` bytes at `offset` (`pread(2)`), `nil` when they cannot all be read.
    package func read(exactly length: Int, at offset: Int) -> Data? {
        var data = Data(count: length)
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            var done = 0
            while done < length {
                let n = Glibc.pread(rawValue, buffer.baseAddress! + done, length - done, off_t(offset + done))
                if n > 0 { done += n } else if n < 0, errno == EINTR { continue } else { return false }
            }
            return true
        }
        return complete ? data : nil
    }

    /// Reads what `pread(2)` gives at `offset` into `buffer` (up to its size; 0 at the end).
    package func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(Errno) -> Int {
        while true {
            let n = Glibc.pread(rawValue, buffer.baseAddress!, buffer.count, off_t(offset))
            if n >= 0 { return n }
            if errno != EINTR { throw Errno(rawValue: errno) }
        }
    }

    /// Writes `bytes` whole, retrying short writes and EINTR.
    package func write(whole bytes: UnsafeRawBufferPointer) throws(Errno) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(rawValue, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw Errno(rawValue: errno)
            }
            offset += n
        }
    }

    /// Writes `data` whole, retrying short writes and EINTR.
    package func write(whole data: Data) throws(Errno) {
        var failure: Errno?
        data.withUnsafeBytes { buffer in
            do throws(Errno) { try write(whole: buffer) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Copies `count` bytes at `offset` of this file to `output` inside the kernel
    /// (`sendfile(2)`: no pass through a buffer of ours), retrying partial copies and EINTR.
    /// - Returns: the bytes copied; fewer than `count` when the file ends early, or when the
    ///   kernel cannot send to `output` (EINVAL, ENOSYS, EAGAIN): the caller writes the rest itself.
    package func send(_ count: Int, at offset: Int, to output: FileDescriptor) throws(Errno) -> Int {
        var position = off_t(offset)
        var done = 0
        while done < count {
            let n = Glibc.sendfile(output.rawValue, rawValue, &position, count - done)
            if n > 0 {
                done += n
                continue
            }
            if n == 0 { break }
            switch errno {
            case EINTR: continue
            case EINVAL, ENOSYS, EAGAIN: return done
            default: throw Errno(rawValue: errno)
            }
        }
        return done
    }

    /// `fsync(2)`: the content on disk before a rename makes it the file.
    package func sync() throws(Errno) {
        guard fsync(rawValue) == 0 else { throw Errno(rawValue: errno) }
    }

    /// `fchmod(2)`.
    package func setPermissions(_ permissions: FilePermissions) throws(Errno) {
        guard fchmod(rawValue, permissions.rawValue) == 0 else { throw Errno(rawValue: errno) }
    }

    /// Takes `flock(2)`'s exclusive lock if it is free: `false` when another holds it.
    package func tryLockExclusive() throws(Errno) -> Bool {
        if flock(rawValue, LOCK_EX | LOCK_NB) == 0 { return true }
        let code = errno
        guard code == EWOULDBLOCK || code == EINTR else { throw Errno(rawValue: code) }
        return false
    }

    /// Gives `flock(2)`'s lock back.
    package func unlock() {
        _ = flock(rawValue, LOCK_UN)
    }

    /// Clears O_NONBLOCK (the store opens with it so that a FIFO planted in its place never blocks).
    package func clearNonBlocking() {
        _ = fcntl(rawValue, F_SETFL, fcntl(rawValue, F_GETFL) & ~O_NONBLOCK)
    }

    /// Sets close-on-exec on a descriptor made without it (`mkstemp`).
    package func setCloseOnExec() {
        _ = fcntl(rawValue, F_SETFD, FD_CLOEXEC)
    }

    /// The offset a reader sharing this open file has reached (`lseek(2)` SEEK_CUR).
    package func currentOffset() -> Int64? {
        let at = Glibc.lseek(rawValue, 0, SEEK_CUR)
        return at >= 0 ? Int64(at) : nil
    }

    /// Back to the start of the file.
    package func rewind() throws(Errno) {
        guard Glibc.lseek(rawValue, 0, SEEK_SET) == 0 else { throw Errno(rawValue: errno) }
    }

    /// The file's size through the descriptor's offset (`lseek(2)` SEEK_END).
    package func seekToEnd() -> Int64? {
        let at = Glibc.lseek(rawValue, 0, SEEK_END)
        return at >= 0 ? Int64(at) : nil
    }

    /// `close(2)`, reporting its error (a write's deferred failure on some file systems).
    package func closeChecked() throws(Errno) {
        guard Glibc.close(rawValue) == 0 else { throw Errno(rawValue: errno) }
    }

    /// `close(2)` where nothing can be done about a failure (a descriptor only read).
    package func closeQuietly() {
        _ = Glibc.close(rawValue)
    }
}
