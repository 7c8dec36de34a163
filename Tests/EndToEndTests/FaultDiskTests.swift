import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import TenBoardTestSupport

/// Disk trouble during a write: a full disk (a tiny tmpfs), a read-only file system (a tmpfs
/// remounted read-only) and a directory the user may not write (as `nobody`, because root
/// ignores permissions). Every time: a clear error naming the path, exit 73 or 75, and every
/// byte of the store as it was.
@Suite("Faults: full disk, read-only store", .serialized)
struct FaultDiskTests {
    /// A tmpfs of `size` mounted on a new directory; unmounted by `unmount`.
    static func mountTmpfs(_ label: String, size: String) throws -> URL {
        let dir = try TenBoardBinary.temporaryDirectory(label)
        let r = FaultKit.sh("mount -t tmpfs -o size=\(size),mode=0755 tmpfs '\(dir.path)'")
        guard r.status == 0 else { throw FaultError("mount failed: \(r.output)") }
        return dir
    }

    static func unmount(_ dir: URL) {
        FaultKit.sh("umount '\(dir.path)'")
        try? FileManager.default.removeItem(at: dir)
    }

    /// Fills the file system holding `dir` until it is full.
    static func fill(_ dir: URL) {
        FaultKit.sh("dd if=/dev/zero of='\(dir.path)/filler' bs=4k; dd if=/dev/zero of='\(dir.path)/filler2' bs=1")
    }

    /// Runs each command and expects it to fail with `allowed` statuses and a message naming
    /// `path`, with the store's files unchanged.
    static func expectRefused(
        _ commands: [[String]], env: [String: String], store: URL, naming path: String,
        allowed: Set<Int32> = [73, 75], runAs user: String? = nil
    ) throws {
        let before = FaultKit.files(in: store)
        #expect(!before.isEmpty)
        for args in commands {
            let r: TenBoardBinary.Result
            if let user, let setpriv = FaultKit.setpriv {
                let child = try ChildProcess(setpriv, ["--reuid=\(user)", "--regid=\(user)", "--clear-groups", "--", TenBoardBinary.path] + args,
                                               environment: TenBoardBinary.environment(env))
                let status = child.wait()
                r = TenBoardBinary.Result(status: status, stdout: child.stdoutText, stderr: child.stderrText)
            } else {
                r = try TenBoardBinary.run(args, environment: env)
            }
            #expect(allowed.contains(r.status), "\(args): exit \(r.status), \(r.stderr)")
            #expect(r.stderr.contains(path), "\(args): the message names \(path): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count <= 2, "one clear message: \(r.stderr)")
            let after = FaultKit.files(in: store)
            #expect(after == before, "\(args) changed the store: \(FaultKit.difference(before, after))")
            print("refused as expected: tenboard \(args.joined(separator: " ")) → exit \(r.status): \(r.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    @Test("Full disk (a 256 KiB tmpfs filled up): add, resolve, assign, import refused with 75, nothing changed, works again once there is room",
          .enabled(if: FaultKit.canMountTmpfs, "needs root and mount(8) for a tmpfs"))
    func fullDisk() throws {
        let mount = try FaultDiskTests.mountTmpfs("full", size: "256k")
        defer { FaultDiskTests.unmount(mount) }
        let store = mount.appendingPathComponent("store")
        let outside = try TenBoardBinary.temporaryDirectory("full-input")
        defer { try? FileManager.default.removeItem(at: outside) }
        let env = ["TENBOARD_STORE": store.path, "HOME": outside.path]
        for n in 1...3 {
            #expect(try TenBoardBinary.run(["add", "--customer", "c\(n)", "--summary", "s\(n)"], environment: env).status == 0)
        }
        #expect(try TenBoardBinary.run(["resolve", "1", "--by", "ann"], environment: env).status == 0)
        let importFile = outside.appendingPathComponent("import.json")
        try #"[{"customer": "x", "summary": "y", "receivedAt": "2026-11-23T17:45:00+01:00"}]"#.write(to: importFile, atomically: true, encoding: .utf8)

        FaultDiskTests.fill(mount)
        try FaultDiskTests.expectRefused(
            [["add", "--customer", "c4", "--summary", "s4"], ["resolve", "2", "--by", "bob"], ["assign", "3", "cy"],
             ["reopen", "1"], ["import", importFile.path]],
            env: env, store: store, naming: store.path, allowed: [75])

        FaultKit.sh("rm -f '\(mount.path)/filler' '\(mount.path)/filler2'")
        let again = try TenBoardBinary.run(["add", "--customer", "c4", "--summary", "s4"], environment: env)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "4\n")
        #expect(try TenBoardBinary.run(["check"], environment: env).status == 0)
        let leftovers = FaultKit.files(in: store).keys.filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("Full disk while archiving: the segment or the hot file cannot be written → 75, hot file and archive unchanged, no orphan segment",
          .enabled(if: FaultKit.canMountTmpfs, "needs root and mount(8) for a tmpfs"))
    func fullDiskWhileArchiving() throws {
        let mount = try FaultDiskTests.mountTmpfs("fullarch", size: "512k")
        defer { FaultDiskTests.unmount(mount) }
        let store = mount.appendingPathComponent("store")
        let outside = try TenBoardBinary.temporaryDirectory("fullarch-input")
        defer { try? FileManager.default.removeItem(at: outside) }
        let env = ["TENBOARD_STORE": store.path, "HOME": outside.path]
        // A hot file of some size: 150 open issues.
        let now = Date()
        var open: [String] = []
        for n in 0..<150 {
            open.append(#"{"id": "o\#(n)", "customer": "c\#(n)", "summary": "\#(String(repeating: "s", count: 300))", "receivedAt": "\#(FaultKit.rfc3339(now.addingTimeInterval(-3600)))"}"#)
        }
        let openFile = outside.appendingPathComponent("open.json")
        try ("[" + open.joined(separator: ",\n") + "]").write(to: openFile, atomically: true, encoding: .utf8)
        #expect(try TenBoardBinary.run(["import", openFile.path], environment: env).status == 0)
        // History received 60 to 80 days ago: an import writes it straight into archive segments.
        var records: [String] = []
        for n in 0..<40 {
            let received = now.addingTimeInterval(-Double(60 + n / 2) * 86_400)
            records.append(#"{"id": "h\#(n)", "customer": "c\#(n)", "summary": "s", "receivedAt": "\#(FaultKit.rfc3339(received))", "status": "resolved", "resolvedAt": "\#(FaultKit.rfc3339(received.addingTimeInterval(3600)))"}"#)
        }
        let importFile = outside.appendingPathComponent("history.json")
        try ("[" + records.joined(separator: ",\n") + "]").write(to: importFile, atomically: true, encoding: .utf8)

        // Completely full: the segment cannot be written.
        FaultDiskTests.fill(mount)
        try FaultDiskTests.expectRefused([["import", importFile.path]], env: env, store: store, naming: store.path, allowed: [75])
        // Room for the segments (a few KiB) but not for the hot file (over 50 KiB): the segments
        // are written, the hot file is not; they must not stay behind.
        FaultKit.sh("rm -f '\(mount.path)/filler' '\(mount.path)/filler2'")
        FaultKit.sh("dd if=/dev/zero of='\(mount.path)/spacer' bs=4k count=8; dd if=/dev/zero of='\(mount.path)/filler' bs=4k; rm -f '\(mount.path)/spacer'")
        try FaultDiskTests.expectRefused([["import", importFile.path]], env: env, store: store, naming: store.path, allowed: [75])

        FaultKit.sh("rm -f '\(mount.path)/filler' '\(mount.path)/filler2'")
        let again = try TenBoardBinary.run(["import", importFile.path], environment: env)
        #expect(again.status == 0, "\(again.stderr)")
        let segments = FaultKit.files(in: store).keys.filter { $0.hasPrefix("archive/") && $0.hasSuffix(".jsonl") }
        #expect(!segments.isEmpty, "the retried import archived")
        #expect(try TenBoardBinary.run(["check"], environment: env).status == 0)
        #expect(try FaultKit.exportedIssues(env).count == 190)
    }

    @Test("Read-only file system (tmpfs remounted ro): changes refused with 73 naming the path; reading still works",
          .enabled(if: FaultKit.canMountTmpfs, "needs root and mount(8) for a tmpfs"))
    func readOnlyFileSystem() throws {
        let mount = try FaultDiskTests.mountTmpfs("rofs", size: "1m")
        defer { FaultDiskTests.unmount(mount) }
        let store = mount.appendingPathComponent("store")
        let env = ["TENBOARD_STORE": store.path, "HOME": mount.path]
        #expect(try TenBoardBinary.run(["add", "--customer", "c", "--summary", "s"], environment: env).status == 0)
        #expect(try TenBoardBinary.run(["add", "--customer", "d", "--summary", "t"], environment: env).status == 0)
        let remount = FaultKit.sh("mount -o remount,ro '\(mount.path)'")
        try #require(remount.status == 0, "remount ro: \(remount.output)")
        try FaultDiskTests.expectRefused(
            [["add", "--customer", "e", "--summary", "u"], ["resolve", "1", "--by", "ann"], ["assign", "2", "bob"]],
            env: env, store: store, naming: store.path, allowed: [73])
        let list = try TenBoardBinary.run(["list", "--json"], environment: env)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("\"customer\": \"d\""), "\(list.stdout)")
        FaultKit.sh("mount -o remount,rw '\(mount.path)'")
    }

    @Test("Read-only store directory (chmod 555, run as nobody): changes refused with 73 naming the directory",
          .enabled(if: FaultKit.setpriv != nil, "needs root and setpriv to act as nobody (root ignores chmod)"))
    func readOnlyDirectory() throws {
        let dir = try TenBoardBinary.temporaryDirectory("rodir")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("store")
        let env = ["TENBOARD_STORE": store.path, "HOME": dir.path]
        #expect(try TenBoardBinary.run(["add", "--customer", "c", "--summary", "s"], environment: env).status == 0)
        #expect(try TenBoardBinary.run(["resolve", "1", "--by", "ann"], environment: env).status == 0)
        #expect(try TenBoardBinary.run(["add", "--customer", "d", "--summary", "t"], environment: env).status == 0)
        // The files belong to nobody (so the lock opens), the directory too, but it is 555.
        try #require(FaultKit.sh("chmod 755 '\(dir.path)' && chown -R 65534:65534 '\(store.path)' && chmod 555 '\(store.path)'").status == 0)
        try FaultDiskTests.expectRefused(
            [["add", "--customer", "e", "--summary", "u"], ["reopen", "1"], ["assign", "2", "bob"]],
            env: env, store: store, naming: store.path, allowed: [73], runAs: "65534")
        // Files that belong to someone else (no group): even the lock cannot be opened.
        try #require(FaultKit.sh("chown -R 0:0 '\(store.path)' && chmod 755 '\(store.path)'").status == 0)
        try FaultDiskTests.expectRefused(
            [["add", "--customer", "e", "--summary", "u"]],
            env: env, store: store, naming: store.appendingPathComponent("store.lock").path, allowed: [73], runAs: "65534")
        FaultKit.sh("chmod 755 '\(store.path)'")
    }

    @Test("File-size limit (ulimit -f, needs no root): a hot file that would grow past it → 73 naming issues.json, nothing changed")
    func fileSizeLimit() throws {
        let dir = try TenBoardBinary.temporaryDirectory("fsize")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("store")
        let env = ["TENBOARD_STORE": store.path, "HOME": dir.path]
        for n in 1...20 {
            #expect(try TenBoardBinary.run(["add", "--customer", "customer \(n)", "--summary", "a summary that makes the file grow \(n)"], environment: env).status == 0)
        }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: store.appendingPathComponent("issues.json").path)[.size] as? Int)
        let limitBlocks = size / 512 + 1 // 512-byte blocks in dash, 1024 in bash: either way the changes below outgrow it
        let before = FaultKit.files(in: store)
        for args in [["add", "--customer", "one more", "--summary", String(repeating: "x", count: size + 1024)], ["assign", "3", String(repeating: "y", count: size + 1024)]] {
            let quoted = args.map { "'\($0)'" }.joined(separator: " ")
            let child = try ChildProcess("/bin/sh", ["-c", "ulimit -f \(limitBlocks) && exec '\(TenBoardBinary.path)' \(quoted)"],
                                           environment: TenBoardBinary.environment(env))
            let status = child.wait()
            #expect(status == 73 || status == 75, "\(args[0]): exit \(status) \(child.stderrText)")
            #expect(child.stderrText.contains(store.appendingPathComponent("issues.json").path), "\(child.stderrText)")
            #expect(FaultKit.files(in: store) == before, "\(FaultKit.difference(before, FaultKit.files(in: store)))")
            print("refused as expected: tenboard \(args[0]) under ulimit -f \(limitBlocks) → exit \(status): \(child.stderrText.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        #expect(try TenBoardBinary.run(["add", "--customer", "c", "--summary", "s"], environment: env).status == 0)
    }
}
