import Foundation
#if canImport(System)
import System
#else
import SystemPackage
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
        try write(parts: [data], to: url, beforeReplacing: beforeReplacing)
    }

    /// `write(_:to:beforeReplacing:)` of the bytes of `parts` one after another (slices of a
    /// larger `Data` are written as they are, not first joined into a copy).
    /// - Parameter syncingDirectory: `false` leaves the rename's `fsync` of the directory to the
    ///   caller, who replaces another file in the same directory next and syncs it once for both
    ///   (`writeSegment`: a segment and its index). Until then the new name may be lost in a
    ///   crash, never the old content.
    static func write(parts: [Data], to url: URL, syncingDirectory: Bool = true, beforeReplacing: () -> Void = {}) throws(TenBoardError) {
        let directory = url.deletingLastPathComponent().path
        let target = url.path
        var random = SystemRandomNumberGenerator()
        let temp = directory + "/" + temporaryPrefix + url.lastPathComponent + "-\(ProcessIdentity.processID)-\(random.next() % 1_000_000_000)"
        let fd: FileDescriptor
        do throws(Errno) {
            fd = try .open(path: temp, .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec], permissions: [.ownerReadWrite])
        } catch {
            throw failure(error) { $0.cannotCreateFile(in: directory) }
        }
        var replaced = false
        defer { if !replaced { FileSystemCalls.remove(temp) } }
        do throws(TenBoardError) {
            do throws(Errno) { for data in parts { try fd.write(whole: data) } } catch { throw failure(error) { $0.cannotWrite(target) } }
            do throws(Errno) { try fd.setPermissions(mode(replacing: target)) } catch { throw failure(error) { $0.cannotSetMode(target) } }
            do throws(Errno) { try fd.sync() } catch { throw failure(error) { $0.cannotWriteToDisk(target) } }
        } catch {
            fd.closeQuietly()
            throw error
        }
        do throws(Errno) { try fd.closeChecked() } catch { throw failure(error) { $0.cannotWrite(target) } }
        beforeReplacing()
        do throws(Errno) { try FileSystemCalls.rename(temp, to: target) } catch { throw failure(error) { $0.cannotReplace(target) } }
        replaced = true
        if syncingDirectory { syncDirectory(directory) }
    }

    /// Makes a rename or unlink in `directory` durable.
    public static func syncDirectory(_ directory: String) {
        FileSystemCalls.syncDirectory(directory)
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
        do throws(Errno) {
            try FileSystemCalls.makeDirectory(url.path, permissions: FilePermissions(rawValue: shared ? 0o775 : 0o777))
        } catch .fileExists {
            return
        } catch {
            throw failure(error) { $0.cannotCreateDirectory(url.path) }
        }
        guard shared else { return }
        // Inside a shared (setgid) directory, as archive/ and outbox/ in the store: its mode, so
        // that a 2770 store keeps them 2770 too; the store directory itself follows the umask
        // for others.
        let shareable = FilePermissions(rawValue: 0o2775)
        if let info = FileSystemCalls.info(parent.path), info.permissions.contains(.setGroupID) {
            try? FileSystemCalls.setPermissions(url.path, info.permissions.intersection(shareable))
        } else {
            try? FileSystemCalls.setPermissions(url.path, shareable.subtracting(Umask.current.intersection(.otherReadExecute)))
        }
    }

    /// A new private directory (mode 0700) with a random name under the temporary directory,
    /// created by `mkdtemp`, so nobody can have planted it or a link in its place.
    public static func makeTemporaryDirectory(prefix: String) throws(TenBoardError) -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(prefix + "XXXXXX").path
        do throws(Errno) {
            return URL(fileURLWithPath: try FileSystemCalls.makeTemporaryDirectory(template: base), isDirectory: true)
        } catch {
            throw failure(error) { $0.cannotCreateTemporaryDirectory(in: FileManager.default.temporaryDirectory.path) }
        }
    }

    /// The mode of the file that replaces `path`: that of the file there, else `newFileMode`.
    static func mode(replacing path: String) -> FilePermissions {
        // lstat: the mode of what is there, not of where a planted link points.
        if let info = FileSystemCalls.info(path, followLinks: false), info.type == .regular {
            return info.permissions.subtracting(.otherWrite)
        }
        return newFileMode(in: (path as NSString).deletingLastPathComponent)
    }

    /// The mode of a new file in a store directory: read/write for the group, and readable by
    /// others only when the directory is open to them. So all files of a store have one mode,
    /// set by the directory, whatever the umask of whoever wrote each first; a 2770 store shows
    /// nothing to outsiders.
    static func newFileMode(in directory: String) -> FilePermissions {
        guard let info = FileSystemCalls.info(directory) else { return FilePermissions(rawValue: 0o660) }
        return FilePermissions(rawValue: info.permissions.isSuperset(of: .otherReadExecute) ? 0o664 : 0o660)
    }

    /// The error for a change that failed with `code`; `what` says what failed
    /// (`Words.cannotWrite(_:)` and its kin).
    static func failure(_ code: Errno, _ what: (Words) -> String) -> TenBoardError {
        let reason = code.description
        switch code {
        case .noSpace, .diskQuotaExceeded, .ioError, .resourceTemporarilyUnavailable, .interrupted, .noMemory:
            return TenBoardError(exitCode: .tempFailure) { $0.changeFailed(what($0), reason, retry: true) }
        default:
            return TenBoardError(exitCode: .cantCreate) { $0.changeFailed(what($0), reason, retry: false) }
        }
    }
}
