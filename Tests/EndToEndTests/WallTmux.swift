import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One `tenboard wall` in a tmux server of its own (`tmux -L <unique>`), with a pinned size,
/// `TERM`, locale and zone, read back with `capture-pane`.
final class WallTmux {
    let socket = "tenboard-wall-\(getpid())-\(UUID().uuidString.prefix(8))"
    let session = "wall"

    /// Whether tmux can be run at all; the tests are skipped without it.
    static var available: Bool {
        (try? run(["tmux", "-V"]).status) == 0
    }

    /// `TENBOARD_BIN` if set, else the binary beside the test bundle, else `.build/debug/tenboard`
    /// under the package root found from this file's path.
    static let binary: String = {
        if let explicit = ProcessInfo.processInfo.environment["TENBOARD_BIN"] { return explicit }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [beside, beside.deletingLastPathComponent(), beside.deletingLastPathComponent().deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("tenboard").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        var root = URL(fileURLWithPath: #filePath)
        while root.path != "/" {
            root.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { break }
        }
        return root.appendingPathComponent(".build/debug/tenboard").path
    }()

    /// Starts the wall.
    ///
    /// - Parameters:
    ///   - arguments: after `tenboard wall`.
    ///   - environment: pinned for the wall process; `TERM`, `LANG` and `TZ` are given here.
    init(width: Int = 80, height: Int = 24, arguments: [String], environment: [String: String]) throws {
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let command = (["env", "-i"] + env + [Self.binary, "wall"] + arguments).map(Self.quote).joined(separator: " ")
        let created = try tmux(["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", command])
        guard created.status == 0 else { throw Failure("tmux new-session: \(created.output)") }
        // Keep the pane after the wall exits, so its exit can be seen instead of a vanished server.
        _ = try tmux(["set-option", "-t", session, "remain-on-exit", "on"])
        let pids = try tmux(["display-message", "-p", "-t", session, "#{pid} #{pane_pid}"]).output
            .split(whereSeparator: \.isWhitespace).compactMap { pid_t($0) }
        started = pids
    }

    /// The tmux server's and the wall's process ids, to be sure both end with the test.
    private var started: [pid_t] = []

    deinit { stop() }

    /// Kills the tmux server and with it the wall; whatever is still alive a second later is
    /// killed by its id.
    func stop() {
        guard !started.isEmpty else { return }
        _ = try? tmux(["kill-server"])
        let deadline = Date().addingTimeInterval(1)
        while Date() < deadline, started.contains(where: { kill($0, 0) == 0 && !Self.isZombie($0) }) { usleep(50_000) }
        for pid in started where kill(pid, 0) == 0 && !Self.isZombie(pid) { kill(pid, SIGKILL) }
        started = []
    }

    private static func isZombie(_ pid: pid_t) -> Bool {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return stat.split(separator: ")").last?.dropFirst().hasPrefix("Z") ?? true
    }

    /// The text on screen now.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", session]).output
    }

    /// Polls the screen until `condition` holds.
    ///
    /// - Throws: `Failure` with the last screen when `timeout` seconds pass first.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let end = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < end {
            last = try screen()
            if condition(last) { return last }
            usleep(100_000)
        }
        throw Failure("timed out after \(timeout) s waiting for \(what); screen:\n\(last)")
    }

    /// Types keys as a person would (`send-keys` names: `Enter`, `Escape`, `C-c`…).
    func press(_ keys: [String]) throws {
        _ = try tmux(["send-keys", "-t", session] + keys)
    }

    /// Whether the wall process has exited (the pane is dead).
    func exited() throws -> Bool {
        try tmux(["display-message", "-p", "-t", session, "#{pane_dead}"]).output.hasPrefix("1")
    }

    private func tmux(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try Self.run(["tmux", "-L", socket] + arguments)
    }

    /// Runs a command to completion, its output through a file.
    ///
    /// Not with Foundation's `Process`: `tmux new-session` leaves a server behind that inherits
    /// Process's internal descriptor, and `waitUntilExit` then blocks as long as the server lives
    /// (swift-corelibs-foundation#4795). `posix_spawn` and `waitpid` wait for the child alone.
    static func run(_ argv: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wall-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let cArgs = (["/usr/bin/env"] + argv).map { strdup($0) } + [nil]
        let cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        // A clean signal state: the test runner's threads block signals, and a tmux server that
        // inherits a blocked SIGCHLD or SIGTERM never notices its pane died nor that it should exit.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, &attributes, cArgs, cEnv)
        guard spawned == 0 else { throw Failure("posix_spawn \(argv): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exit = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = (try? Data(contentsOf: file)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return (exit, output)
    }

    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
