import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces files so that a reader sees the old content or the new, never a mix, and a crash
/// leaves one of the two: temporary file in the same directory, `fsync`, `rename`, `fsync` of the
/// directory (fsync(2): syncing a file does not persist its directory entry).
public enum AtomicFile {
    /// Prefix of temporary files; `IssueStore` removes stale ones left by a crash.
    public static let temporaryPrefix = ".tmp-"

    /// Writes `data` to `url` atomically and durably.
    ///
    /// The file gets the mode of the file it replaces, or `0664` (less world-read if the umask
    /// takes it) when new; it is never world-writable, so a group-shared store stays shared.
    /// - Parameter beforeReplacing: runs once the new content is safely on disk, just before the
    ///   rename (`IssueStore` keeps its `.bak` there, so a failed write never touches it).
    /// - Throws: `TenBoardError` with exit 73 (cannot create: permissions, read-only disk) or 75
    ///   (temporary: disk full, I/O error); the old file is untouched either way.
    public static func write(_ data: Data, to url: URL, beforeReplacing: () -> Void = {}) throws(TenBoardError) {
        let directory = url.deletingLastPathComponent().path
        let target = url.path
        var random = SystemRandomNumberGenerator()
        let temp = directory + "/" + temporaryPrefix + url.lastPathComponent + "-\(getpid())-\(random.next() % 1_000_000_000)"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(errno) { $0.cannotCreateFile(in: directory) } }
        var ok = false
        defer {
            if !ok { unlink(temp) }
        }
        do {
            defer { if !ok { close(fd) } }
            let written = data.withUnsafeBytes { buffer -> Int in
                var offset = 0
                while offset < buffer.count {
                    let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        return -1
                    }
                    offset += n
                }
                return offset
            }
            guard written == data.count else { throw failure(errno) { $0.cannotWrite(target) } }
            guard fchmod(fd, mode(replacing: target)) == 0 else { throw failure(errno) { $0.cannotSetMode(target) } }
            guard fsync(fd) == 0 else { throw failure(errno) { $0.cannotWriteToDisk(target) } }
            ok = true
        }
        ok = false
        guard close(fd) == 0 else { throw failure(errno) { $0.cannotWrite(target) } }
        beforeReplacing()
        guard rename(temp, target) == 0 else { throw failure(errno) { $0.cannotReplace(target) } }
        ok = true
        syncDirectory(directory)
    }

    /// Writes `data` whole to `fd`, retrying short writes and EINTR; `false` (with `errno`) on failure.
    public static func writeAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }

    /// Makes a rename or unlink in `directory` durable.
    public static func syncDirectory(_ directory: String) {
        let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }

    /// Creates `directory` group-shared: setgid so files keep the group, group-writable, never
    /// world-writable. Missing parents (`~/.local/share`) are created with the umask's mode:
    /// only the store's own directories are shared.
    public static func makeDirectory(_ url: URL) throws(TenBoardError) {
        try makeDirectory(url, shared: true)
    }

    static func makeDirectory(_ url: URL, shared: Bool) throws(TenBoardError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw TenBoardError(exitCode: .cantCreate) { $0.existsNotADirectory(url.path) }
            }
            return
        }
        let parent = url.deletingLastPathComponent()
        if parent.path != url.path { try makeDirectory(parent, shared: false) }
        if mkdir(url.path, shared ? 0o775 : 0o777) != 0 {
            guard errno == EEXIST else { throw failure(errno) { $0.cannotCreateDirectory(url.path) } }
            return
        }
        guard shared else { return }
        // Inside a shared (setgid) directory, as archive/ and outbox/ in the store: its mode, so
        // that a 2770 store keeps them 2770 too; the store directory itself follows the umask
        // for others.
        var info = stat()
        if stat(parent.path, &info) == 0, info.st_mode & S_ISGID != 0 {
            _ = chmod(url.path, info.st_mode & 0o2775)
        } else {
            _ = chmod(url.path, 0o2775 & ~(currentUmask() & 0o005))
        }
    }

    /// A new private directory (mode 0700) with a random name under the temporary directory,
    /// created by `mkdtemp`, so nobody can have planted it or a link in its place.
    public static func makeTemporaryDirectory(prefix: String) throws(TenBoardError) -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(prefix + "XXXXXX").path
        var template = Array(base.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
        guard made else { throw failure(errno) { $0.cannotCreateTemporaryDirectory(in: FileManager.default.temporaryDirectory.path) } }
        return URL(fileURLWithPath: string(template), isDirectory: true)
    }

    /// The path a `mkstemp`-style call filled in.
    static func string(_ template: [CChar]) -> String {
        String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The mode of the file that replaces `path`: that of the file there, else `newFileMode`.
    static func mode(replacing path: String) -> mode_t {
        var info = stat()
        // lstat: the mode of what is there, not of where a planted link points.
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
            return (info.st_mode & 0o7777) & ~0o002
        }
        return newFileMode(in: (path as NSString).deletingLastPathComponent)
    }

    /// The mode of a new file in a store directory: read/write for the group, and readable by
    /// others only when the directory is open to them. So all files of a store have one mode,
    /// set by the directory, whatever the umask of whoever wrote each first; a 2770 store shows
    /// nothing to outsiders.
    static func newFileMode(in directory: String) -> mode_t {
        var info = stat()
        guard stat(directory, &info) == 0 else { return 0o660 }
        return info.st_mode & 0o005 == 0o005 ? 0o664 : 0o660
    }

    static func currentUmask() -> mode_t {
        // umask can only be read by setting it; done once per write, single-threaded callers.
        let old = umask(0o022)
        umask(old)
        return old
    }

    /// The error for a change that failed with `errno` `code`; `what` says what failed
    /// (`Words.cannotWrite(_:)` and its kin).
    static func failure(_ code: Int32, _ what: (Words) -> String) -> TenBoardError {
        let reason = String(cString: strerror(code))
        switch code {
        case ENOSPC, EDQUOT, EIO, EAGAIN, EINTR, ENOMEM:
            return TenBoardError(exitCode: .tempFailure) { $0.changeFailed(what($0), reason, retry: true) }
        default:
            return TenBoardError(exitCode: .cantCreate) { $0.changeFailed(what($0), reason, retry: false) }
        }
    }
}
