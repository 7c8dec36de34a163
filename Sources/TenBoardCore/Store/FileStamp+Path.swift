import Foundation
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// A cheap fingerprint of a file: when it differs from the last one, read it again.
public struct FileStamp: Sendable, Equatable {
    var inode: UInt64
    var seconds: Int
    var nanoseconds: Int
    var size: Int64
}

extension FileStamp {
    /// The fingerprint of any file or directory (a directory's changes when an entry is added,
    /// renamed or removed); `nil` when there is none.
    public static func of(_ path: String) -> FileStamp? {
        FileSystemCalls.info(path).map(FileStamp.init)
    }

    /// The fingerprint in what `stat(2)` said.
    init(_ info: Stat) {
        self.init(
            inode: UInt64(info.inode.rawValue), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec),
            size: info.size)
    }
}
