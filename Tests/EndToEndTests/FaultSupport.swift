import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Helpers shared by the load and fault tests: processes that can be killed, a store's files as
/// bytes, exported issues by id, and the privileged tricks (tmpfs, another user) they need.
enum FaultKit {
    /// A Python 3 for the small workers and readers, or `nil`.
    static let python: String? = {
        for candidate in ["/usr/bin/python3", "/usr/local/bin/python3"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }()

    /// A child started with `start` that may be waited for or killed.
    final class Child {
        let process = Process()
        private let out = Pipe(), err = Pipe()
        private(set) var stdout = Data()
        private(set) var stderr = Data()
        private let group = DispatchGroup()

        init(_ executable: String, _ arguments: [String], environment: [String: String]) throws {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.environment = environment
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // Drain both pipes from the start, so a chatty child never blocks.
            nonisolated(unsafe) let me = self
            group.enter()
            DispatchQueue.global().async {
                me.stderr = me.err.fileHandleForReading.readDataToEndOfFile()
                me.group.leave()
            }
            group.enter()
            DispatchQueue.global().async {
                me.stdout = me.out.fileHandleForReading.readDataToEndOfFile()
                me.group.leave()
            }
        }

        var pid: pid_t { process.processIdentifier }

        func kill9() { _ = kill(process.processIdentifier, SIGKILL) }

        /// Waits for the end; returns the exit status, or `128 + signal` when killed.
        @discardableResult
        func wait() -> Int32 {
            group.wait()
            process.waitUntilExit()
            return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        }

        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

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
        guard let child = try? Child("/bin/sh", ["-c", command + " 2>&1"], environment: TenBoardBinary.environment([:])) else {
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

/// A small seeded generator (SplitMix64), so a failing run can be repeated with its seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
