import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What a finished program left behind.
public struct ProgramResult: Sendable {
    /// The exit status, or 128 + the signal's number when a signal ended it (as a shell says).
    public var status: Int32
    public var stdout: String
    /// Empty when the errors were merged into `stdout`.
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// A program started for a test: the one process runner of the test targets.
///
/// Started with `posix_spawn`, not Foundation's `Process`, for three reasons found the hard way:
/// - its output goes to files, not pipes: a `tmux` server (or any daemon) the program leaves
///   behind inherits no pipe, so nothing waits for an end of file that only comes when the
///   daemon dies (swift-corelibs-foundation#4795), and no thread has to drain a chatty child;
/// - the child gets an empty signal mask and default signal actions: the test runner's threads
///   block signals and the runner ignores SIGPIPE, and a child inheriting that (a tmux server, a
///   board, `runuser`) would never see SIGTERM, or would see EPIPE where a user's shell dies;
/// - every other descriptor of the test process is closed in the child, so a child never keeps
///   another test's file or pipe open.
/// Waiting uses `waitid(WNOWAIT)` first, so `isRunning` can be asked from another thread while
/// someone waits.
public final class ChildProcess: Sendable {
    public let pid: pid_t
    private let stdoutFile: URL
    private let stderrFile: URL?
    private let inputFile: URL?
    private let status = Mutex<Int32?>(nil)

    /// Starts `program arguments…`.
    ///
    /// - Parameters:
    ///   - program: a path, or a bare name looked up in the child's `PATH` (through `/usr/bin/env`).
    ///   - environment: the child's whole environment; `nil` passes the test process's own.
    ///   - input: what the child reads on standard input; `nil` is `/dev/null` (an immediate end
    ///     of file, as under cron).
    ///   - mergeErrors: standard error goes where standard output goes, interleaved.
    public init(_ program: String, _ arguments: [String], environment: [String: String]? = nil,
                input: Data? = nil, mergeErrors: Bool = false) throws {
        let scratch = FileManager.default.temporaryDirectory
        let tag = UUID().uuidString
        stdoutFile = scratch.appendingPathComponent("tenboard-child-\(tag).out")
        stderrFile = mergeErrors ? nil : scratch.appendingPathComponent("tenboard-child-\(tag).err")
        if let input {
            let file = scratch.appendingPathComponent("tenboard-child-\(tag).in")
            try input.write(to: file)
            inputFile = file
        } else {
            inputFile = nil
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputFile?.path ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let stderrFile {
            posix_spawn_file_actions_addopen(&actions, 2, stderrFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        // Like POSIX_SPAWN_CLOEXEC_DEFAULT: a close of a descriptor that is gone by then is ignored.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            if let fd = Int32(name), fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let executable = program.contains("/") ? program : "/usr/bin/env"
        let argv = (program.contains("/") ? [program] : ["/usr/bin/env", program]) + arguments
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var child = pid_t()
        let spawned = posix_spawn(&child, executable, &actions, &attributes, cArgs, cEnv)
        guard spawned == 0 else {
            throw ChildProcessError("cannot start \(program): \(String(cString: strerror(spawned)))")
        }
        pid = child
    }

    deinit {
        if status.withLock({ $0 }) == nil { kill(pid, SIGKILL); _ = wait() }
        for file in [stdoutFile, stderrFile, inputFile].compactMap({ $0 }) { try? FileManager.default.removeItem(at: file) }
    }

    /// Whether the program still runs (reaps it when it has ended).
    public var isRunning: Bool {
        status.withLock { status in
            if status != nil { return false }
            var raw: Int32 = 0
            guard waitpid(pid, &raw, WNOHANG) == pid else { return true }
            status = Self.shellStatus(raw)
            return false
        }
    }

    /// Sends `signal` to the program.
    public func signal(_ signal: Int32) { if status.withLock({ $0 }) == nil { kill(pid, signal) } }

    /// Kills the program outright.
    public func kill9() { signal(SIGKILL) }

    /// Waits for the end, on this thread; the status (128 + signal when killed).
    @discardableResult
    public func wait() -> Int32 {
        var info = siginfo_t()
        while status.withLock({ $0 }) == nil,
              waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) == -1, errno == EINTR {}
        return status.withLock { status in
            if let status { return status }
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
            status = Self.shellStatus(raw)
            return status!
        }
    }

    /// Waits for the end on a thread of its own, leaving the test runner's few shared threads to
    /// the tests beside it.
    public func exit() async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: self.wait()) }.start()
        }
    }

    /// What the program wrote on standard output so far.
    public var stdout: Data { (try? Data(contentsOf: stdoutFile)) ?? Data() }
    /// What the program wrote on standard error so far (empty when merged into `stdout`).
    public var stderr: Data { stderrFile.flatMap { try? Data(contentsOf: $0) } ?? Data() }
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }

    /// The status and output, once the program has ended.
    public var result: ProgramResult {
        ProgramResult(status: wait(), stdout: stdoutText, stderr: stderrText)
    }

    /// Runs a program to completion on this thread.
    public static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil,
                           input: String? = nil, mergeErrors: Bool = false) throws -> ProgramResult {
        try ChildProcess(program, arguments, environment: environment, input: input.map { Data($0.utf8) },
                         mergeErrors: mergeErrors).result
    }

    /// Runs a program to completion, waiting on a thread of its own (for minutes-long programs
    /// such as a release build, or many of them side by side).
    public static func runAway(_ program: String, _ arguments: [String], environment: [String: String]? = nil,
                               input: String? = nil, mergeErrors: Bool = false) async throws -> ProgramResult {
        let child = try ChildProcess(program, arguments, environment: environment, input: input.map { Data($0.utf8) },
                                     mergeErrors: mergeErrors)
        _ = await child.exit()
        return child.result
    }

    private static func shellStatus(_ raw: Int32) -> Int32 {
        raw & 0x7f == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
    }
}

/// A program that could not be started.
public struct ChildProcessError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
