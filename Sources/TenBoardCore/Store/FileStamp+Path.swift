import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension FileStamp {
    /// The fingerprint of any file or directory (a directory's changes when an entry is added,
    /// renamed or removed); `nil` when there is none.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(
            inode: UInt64(info.st_ino), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec,
            size: Int64(info.st_size))
    }
}
