import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// The typed wrappers of `Sources/TenBoardCore/POSIX`: what the store's reliability rests on
/// (O_EXCL, O_NOFOLLOW, regular files only, the umask read without being set).
@Suite("POSIX boundary")
struct POSIXBoundaryTests {
    @Test("The umask is what a child shell reports, and reading it leaves it as it was")
    func umaskFromProc() throws {
        let before = try ChildProcess.run("/bin/sh", ["-c", "umask"])
        let read = Umask.current
        let after = try ChildProcess.run("/bin/sh", ["-c", "umask"])
        #expect(before.status == 0 && after.status == 0)
        let shell = try #require(UInt32(before.stdout.trimmingCharacters(in: .whitespacesAndNewlines), radix: 8))
        #expect(read.rawValue == shell)
        #expect(after.stdout == before.stdout)
    }

    @Test("A status file's Umask line is read as octal; without one there is no answer")
    func umaskParse() {
        #expect(Umask.parse("Name:\tx\nUmask:\t0027\nState:\tR\n")?.rawValue == 0o027)
        #expect(Umask.parse("Name:\tx\nState:\tR\n") == nil)
        #expect(Umask.parse("Umask:\t9\n") == nil)
    }

    @Test("A store file is created once (O_EXCL), then opened; a link or a directory in its place is refused")
    func storeFileOpen() throws {
        let dir = try TemporaryDirectory.make("posix-open")
        defer { TemporaryDirectory.remove(dir) }
        let path = dir.appendingPathComponent("f").path
        guard case .success(let (first, created)) = StoreFile.open(path, .readWrite, create: true) else { Testing.Issue.record("not created"); return }
        first.closeQuietly()
        #expect(created)
        guard case .success(let (second, createdAgain)) = StoreFile.open(path, .readWrite, create: true) else { Testing.Issue.record("not opened"); return }
        second.closeQuietly()
        #expect(!createdAgain)
        let link = dir.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        guard case .failure(.notRegular) = StoreFile.open(link, .readOnly) else { Testing.Issue.record("a link was followed"); return }
        guard case .failure(.notRegular) = StoreFile.open(dir.path, .readOnly) else { Testing.Issue.record("a directory was opened"); return }
        guard case .failure(.missing) = StoreFile.open(dir.appendingPathComponent("none").path, .readOnly) else { Testing.Issue.record("missing not said"); return }
    }

    @Test("Errors keep their errno: a failed rename names it, and a write is whole")
    func typedErrors() throws {
        let dir = try TemporaryDirectory.make("posix-errno")
        defer { TemporaryDirectory.remove(dir) }
        #expect(throws: Errno.noSuchFileOrDirectory) {
            try FileSystemCalls.rename(dir.appendingPathComponent("absent").path, to: dir.appendingPathComponent("b").path)
        }
        let (fd, path) = try FileSystemCalls.makeTemporaryFile(template: dir.appendingPathComponent("t-XXXXXX.json").path, suffixLength: 5)
        let bytes = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0) })
        try fd.write(whole: bytes)
        try fd.sync()
        #expect(fd.read(exactly: 10, at: 100) == bytes[100..<110])
        try fd.closeChecked()
        #expect(path.hasSuffix(".json"))
        #expect(FileManager.default.contents(atPath: path) == bytes)
        #expect(FileSystemCalls.info(path)?.permissions == .ownerReadWrite)
    }
}
