#if canImport(Glibc)
import Glibc
#endif
import Foundation
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// The calls on paths the store, the outbox and intake make, typed: what failed is an `Errno`,
/// what a file is a swift-system `Stat`.
package enum FileSystemCalls {
    /// `stat(2)`, or `lstat(2)` with `followLinks: false`; `nil` when there is nothing there (or
    /// it cannot be looked at).
    package static func info(_ path: String, followLinks: Bool = true) -> Stat? {
        try? Stat(FilePath(path), followTargetSymlink: followLinks)
    }

    /// The whole of a file a person named (`--config`, `import FILE`, `add --json FILE`), read
    /// with `read(2)` as `cat` reads it: a link, `/dev/null`, a pipe (`<(…)`) are read; what
    /// fails says why in the system's words (`Is a directory`, `Permission denied`).
    package static func readWhole(_ path: String) throws(Errno) -> Data {
        let fd = try FileDescriptor.open(path: path, .readOnly, options: [.closeOnExec])
        defer { fd.closeQuietly() }
        return try fd.readToEnd()
    }

    /// Whether `path` itself (not where a link points) is a regular file.
    package static func isRegularFile(_ path: String) -> Bool {
        info(path, followLinks: false)?.type == .regular
    }

    /// Whether `path` itself (not a link to one) is a directory.
    package static func isDirectory(_ path: String) -> Bool {
        info(path, followLinks: false)?.type == .directory
    }

    /// `rename(2)`: the one atomic step that replaces a file.
    package static func rename(_ from: String, to: String) throws(Errno) {
        guard Glibc.rename(from, to) == 0 else { throw Errno(rawValue: errno) }
    }

    /// `link(2)`: a second name for the same file, no copy.
    package static func link(_ existing: String, as new: String) throws(Errno) {
        guard Glibc.link(existing, new) == 0 else { throw Errno(rawValue: errno) }
    }

    /// `unlink(2)`; a file already gone is not an error here.
    @discardableResult
    package static func remove(_ path: String) -> Bool {
        Glibc.unlink(path) == 0 || errno == ENOENT
    }

    /// `mkdir(2)` with `permissions` (less the umask).
    package static func makeDirectory(_ path: String, permissions: FilePermissions) throws(Errno) {
        guard mkdir(path, permissions.rawValue) == 0 else { throw Errno(rawValue: errno) }
    }

    /// `chmod(2)`.
    package static func setPermissions(_ path: String, _ permissions: FilePermissions) throws(Errno) {
        guard chmod(path, permissions.rawValue) == 0 else { throw Errno(rawValue: errno) }
    }

    /// Makes a rename or unlink in `directory` durable (fsync(2): syncing a file does not persist
    /// its directory entry).
    package static func syncDirectory(_ directory: String) {
        guard let fd = try? FileDescriptor.open(path: directory, .readOnly, options: [.directory, .closeOnExec]) else { return }
        try? fd.sync()
        fd.closeQuietly()
    }

    /// A new file, mode 0600, created with O_EXCL under a random name: `template` ends in
    /// `XXXXXX` followed by `suffixLength` characters (`mkstemps(3)`); close-on-exec.
    /// - Returns: the descriptor and the file's path.
    package static func makeTemporaryFile(template: String, suffixLength: Int = 0) throws(Errno) -> (FileDescriptor, String) {
        var buffer = Array(template.utf8CString)
        let fd = buffer.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(suffixLength)) }
        guard fd >= 0 else { throw Errno(rawValue: errno) }
        let descriptor = FileDescriptor(rawValue: fd)
        descriptor.setCloseOnExec()
        return (descriptor, string(buffer))
    }

    /// A new private directory (mode 0700) from `template` ending in `XXXXXX` (`mkdtemp(3)`).
    package static func makeTemporaryDirectory(template: String) throws(Errno) -> String {
        var buffer = Array(template.utf8CString)
        let made = buffer.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
        guard made else { throw Errno(rawValue: errno) }
        return string(buffer)
    }

    private static func string(_ template: [CChar]) -> String {
        String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// The process's file-creation mask, read from `/proc/self/status` (its `Umask:` line, Linux 4.7
/// and later): `umask(2)` can only read it by setting it, which races with any other thread
/// creating a file meanwhile.
package enum Umask {
    /// The current mask; when `/proc` does not say, the strictest usual one (0077), so that a
    /// directory is never made readable to others by mistake.
    package static var current: FilePermissions {
        guard let status = FileManager.default.contents(atPath: "/proc/self/status") else { return [.groupReadWriteExecute, .otherReadWriteExecute] }
        return parse(String(decoding: status, as: UTF8.self)) ?? [.groupReadWriteExecute, .otherReadWriteExecute]
    }

    /// The mask in the text of a `/proc/<pid>/status` file, `nil` without a valid `Umask:` line.
    package static func parse(_ status: String) -> FilePermissions? {
        for line in status.split(separator: "\n") where line.hasPrefix("Umask:") {
            let digits = String(line.dropFirst("Umask:".count)).trimmingBlanks()
            guard let value = UInt32(digits, radix: 8), value <= 0o777 else { return nil }
            return FilePermissions(rawValue: mode_t(value))
        }
        return nil
    }
}

/// Facts about this process the store's files need.
package enum ProcessIdentity {
    package static var processID: Int32 { getpid() }
    package static var userID: UInt32 { getuid() }
}
