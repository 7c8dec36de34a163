import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TenBoardTestSupport

/// Helpers shared by the load and fault tests: a store's files as bytes, exported issues by id,
/// and the privileged tricks (tmpfs, another user) they need. Processes: `ChildProcess`.
enum FaultKit {
    /// A Python 3 for the small workers and readers, or `nil`.
    static let python: String? = {
        for candidate in ["/usr/bin/python3", "/usr/local/bin/python3"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }()

    /// Every regular file under `directory` (relative path → bytes), for "left byte for byte".
    static func files(in directory: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return result }
        while let relative = walker.nextObject() as? String {
            let full = directory.appendingPathComponent(relative).path
            var info = stat()
            guard lstat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            result[relative] = FileManager.default.contents(atPath: full) ?? Data()
        }
        return result
    }

    /// What differs between two `files(in:)` results, for a readable failure.
    static func difference(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        var names: [String] = []
        for key in Set(a.keys).union(b.keys).sorted() where a[key] != b[key] {
            names.append("\(key): \(a[key].map { "\($0.count) bytes" } ?? "absent") → \(b[key].map { "\($0.count) bytes" } ?? "absent")")
        }
        return names
    }

    /// `tenboard export` parsed: id → issue object. Fails the caller when ids repeat.
    static func exportedIssues(_ env: [String: String]) throws -> (byID: [String: [String: Any]], count: Int) {
        let export = try TenBoardBinary.run(["export"], environment: env)
        guard export.status == 0 else { throw FaultError("export exited \(export.status): \(export.stderr)") }
        guard let array = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]] else {
            throw FaultError("export is not an array of objects")
        }
        var byID: [String: [String: Any]] = [:]
        for issue in array {
            guard let id = issue["id"] as? String else { throw FaultError("an exported issue has no id") }
            byID[id] = issue
        }
        return (byID, array.count)
    }

    /// Runs a shell command line, for set-up steps (mount, chown); returns its status and output.
    @discardableResult
    static func sh(_ command: String) -> (status: Int32, output: String) {
        guard let child = try? ChildProcess("/bin/sh", ["-c", command + " 2>&1"], environment: TenBoardBinary.environment([:])) else {
            return (127, "cannot start /bin/sh")
        }
        let status = child.wait()
        return (status, child.stdoutText)
    }

    /// Whether this process may mount a tmpfs (root in a sandbox that allows it), checked once.
    static let canMountTmpfs: Bool = {
        guard getuid() == 0, let dir = try? TenBoardBinary.temporaryDirectory("mountprobe") else { return false }
        defer { try? FileManager.default.removeItem(at: dir) }
        guard sh("mount -t tmpfs -o size=64k tmpfs '\(dir.path)'").status == 0 else { return false }
        return sh("umount '\(dir.path)'").status == 0
    }()

    /// `setpriv` to run a command as `nobody`, when this process is root and it exists.
    static let setpriv: String? = {
        guard getuid() == 0 else { return nil }
        return ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// An RFC 3339 time in Amsterdam, as a team lead would type it.
    static func rfc3339(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    /// Milliseconds since `start`, for the timings the tests print.
    static func ms(since start: Date) -> Int { Int(Date().timeIntervalSince(start) * 1000) }
}

struct FaultError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

