import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How tenboard opens the files of a store, which other users of the group can replace: never
/// through a symbolic link (`O_NOFOLLOW`), never left open across an `exec` (`O_CLOEXEC`), never
/// blocking on a FIFO (`O_NONBLOCK`), and only when it is a regular file. A planted link to
/// another user's file is refused, not read, written or chmod-ed.
enum StoreFile {
    /// Why a store file could not be opened.
    enum Failure: Error {
        case missing
        case notRegular
        case system(Int32)
    }

    /// Opens `path` with `flags` (plus the flags above) and checks that it is a regular file.
    /// - Returns: the descriptor and whether this call created the file (with `O_CREAT`).
    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o600) -> Result<(fd: Int32, created: Bool), Failure> {
        let safe = flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK
        var created = false
        var fd: Int32
        if flags & O_CREAT != 0 {
            // Create it ourselves (O_EXCL), or open what is there without creating: only then do
            // we know whether the file is ours to give a mode.
            fd = Glibc.open(path, safe | O_EXCL, mode)
            if fd >= 0 {
                created = true
            } else if errno == EEXIST {
                fd = Glibc.open(path, safe & ~O_CREAT)
            }
        } else {
            fd = Glibc.open(path, safe)
        }
        guard fd >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: return .failure(.missing)
            case ELOOP, ENXIO, EISDIR: return .failure(.notRegular)
            case let code: return .failure(.system(code))
            }
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return .failure(.notRegular)
        }
        // Reads of a regular file never block; clear the flag for whoever uses the descriptor.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return .success((fd, created))
    }

    /// The error for a failed open of `path`, with `what` it is for the message.
    static func error(_ failure: Failure, _ path: String, _ what: StoreFileKind) -> TenBoardError {
        switch failure {
        case .missing:
            return TenBoardError(exitCode: .noInput) { $0.fileMissing(path, what) }
        case .notRegular:
            return TenBoardError(exitCode: .dataError) { $0.fileNotRegular(path, what) }
        case .system(EACCES), .system(EPERM):
            return TenBoardError(exitCode: .noPermission) { $0.permissionDenied(path) }
        case .system(let code):
            let reason = String(cString: strerror(code))
            return TenBoardError(exitCode: .ioError) { $0.fileUnreadable(path, what, reason) }
        }
    }

    /// Checks that a directory inside the store (`archive/`, `outbox/`) is a directory and not a
    /// symbolic link a group member put in its place (which would make us read, write and delete
    /// files elsewhere). A missing one is fine: it is created when needed.
    static func checkDirectory(_ url: URL) throws(TenBoardError) {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw TenBoardError(exitCode: .dataError) { $0.directoryReplaced(url.path) }
        }
    }

    /// Whether `url` is a real directory (not a link to one): where files may be deleted.
    static func isRealDirectory(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The whole content of a store file, or `nil` when there is none.
    static func read(_ url: URL, what: StoreFileKind) throws(TenBoardError) -> Data? {
        switch open(url.path, O_RDONLY) {
        case .failure(.missing): return nil
        case .failure(let failure): throw error(failure, url.path, what)
        case .success(let (fd, _)):
            defer { close(fd) }
            return try readAll(fd, path: url.path, what: what)
        }
    }

    /// Reads `fd` to its end.
    static func readAll(_ fd: Int32, path: String, what: StoreFileKind) throws(TenBoardError) -> Data {
        // Straight into the Data's storage: the size fstat gives, then more if the file grew.
        var info = stat()
        var capacity = fstat(fd, &info) == 0 && info.st_size > 0 ? Int(info.st_size) + 1 : 1 << 16
        var data = Data(count: capacity)
        var length = 0
        while true {
            if length == capacity {
                capacity *= 2
                data.count = capacity
            }
            let n = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + length, capacity - length) }
            if n > 0 {
                length += n
            } else if n == 0 {
                data.count = length
                return data
            } else if errno != EINTR {
                throw error(.system(errno), path, what)
            }
        }
    }
}
