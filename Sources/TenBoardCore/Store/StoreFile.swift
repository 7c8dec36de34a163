import Foundation
#if canImport(System)
import System
#else
import SystemPackage
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
        case system(Errno)
    }

    /// Opens `path` (with the options above) and checks that it is a regular file.
    /// - Parameters:
    ///   - create: create it when missing, with `permissions`.
    /// - Returns: the descriptor and whether this call created the file.
    static func open(
        _ path: String, _ access: FileDescriptor.AccessMode, create: Bool = false,
        permissions: FilePermissions = [.ownerReadWrite]
    ) -> Result<(fd: FileDescriptor, created: Bool), Failure> {
        let safe: FileDescriptor.OpenOptions = [.noFollow, .closeOnExec, .nonBlocking]
        var created = false
        let fd: FileDescriptor
        do throws(Errno) {
            if create {
                // Create it ourselves (O_EXCL), or open what is there without creating: only then
                // do we know whether the file is ours to give a mode.
                do throws(Errno) {
                    fd = try .open(path: path, access, options: safe.union([.create, .exclusiveCreate]), permissions: permissions)
                    created = true
                } catch .fileExists {
                    fd = try .open(path: path, access, options: safe)
                }
            } else {
                fd = try .open(path: path, access, options: safe)
            }
        } catch {
            switch error {
            case .noSuchFileOrDirectory, .notDirectory: return .failure(.missing)
            case .tooManySymbolicLinkLevels, .noSuchAddressOrDevice, .isDirectory: return .failure(.notRegular)
            default: return .failure(.system(error))
            }
        }
        guard (try? fd.info())?.type == .regular else {
            fd.closeQuietly()
            return .failure(.notRegular)
        }
        // Reads of a regular file never block; clear the flag for whoever uses the descriptor.
        fd.clearNonBlocking()
        return .success((fd, created))
    }

    /// The error for a failed open of `path`, with `what` it is for the message.
    static func error(_ failure: Failure, _ path: String, _ what: StoreFileKind) -> TenBoardError {
        switch failure {
        case .missing:
            return TenBoardError(exitCode: .noInput) { $0.fileMissing(path, what) }
        case .notRegular:
            return TenBoardError(exitCode: .dataError) { $0.fileNotRegular(path, what) }
        case .system(.permissionDenied), .system(.notPermitted):
            return TenBoardError(exitCode: .noPermission) { $0.permissionDenied(path) }
        case .system(let code):
            let reason = code.description
            return TenBoardError(exitCode: .ioError) { $0.fileUnreadable(path, what, reason) }
        }
    }

    /// Checks that a directory inside the store (`archive/`, `outbox/`) is a directory and not a
    /// symbolic link a group member put in its place (which would make us read, write and delete
    /// files elsewhere). A missing one is fine: it is created when needed.
    static func checkDirectory(_ url: URL) throws(TenBoardError) {
        guard let info = FileSystemCalls.info(url.path, followLinks: false) else { return }
        guard info.type == .directory else {
            throw TenBoardError(exitCode: .dataError) { $0.directoryReplaced(url.path) }
        }
    }

    /// Whether `url` is a real directory (not a link to one): where files may be deleted.
    static func isRealDirectory(_ url: URL) -> Bool {
        FileSystemCalls.isDirectory(url.path)
    }

    /// The whole content of a store file, or `nil` when there is none.
    static func read(_ url: URL, what: StoreFileKind) throws(TenBoardError) -> Data? {
        switch open(url.path, .readOnly) {
        case .failure(.missing): return nil
        case .failure(let failure): throw error(failure, url.path, what)
        case .success(let (fd, _)):
            defer { fd.closeQuietly() }
            return try readAll(fd, path: url.path, what: what)
        }
    }

    /// Reads `fd` to its end.
    static func readAll(_ fd: FileDescriptor, path: String, what: StoreFileKind) throws(TenBoardError) -> Data {
        do throws(Errno) {
            return try fd.readToEnd()
        } catch {
            throw self.error(.system(error), path, what)
        }
    }
}
