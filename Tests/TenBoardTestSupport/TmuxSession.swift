import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program running in a tmux server of its own (`tmux -L <unique>`), with a pinned size,
/// `TERM`, locale and zone, driven with `send-keys` and read back with `capture-pane`.
public final class TmuxSession {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    public let socket = "tenboard-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    public let target = "tenboard"
    /// Where the shell around the program writes its exit status.
    public let statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-status-\(UUID().uuidString)")

    /// Whether tmux can be run at all. Without it the terminal tests fail and say what to install,
    /// rather than skip: a skipped test would hide that nothing was checked.
    public static let available: Bool = (try? run(["tmux", "-V"]).status) == 0

    /// The binary under test (see `TenBoardBinary`).
    public static var binary: String { TenBoardBinary.path }

    /// Starts `tenboard arguments…` in a new tmux server.
    ///
    /// - Parameters:
    ///   - width, height: the terminal's size, pinned.
    ///   - environment: the program's whole environment (`env -i`): give `TERM`, `LANG`, `TZ`.
    public init(width: Int = 100, height: Int = 30, arguments: [String], environment: [String: String]) throws {
        guard Self.available else { throw Failure("tmux is not installed: run 'bash .ci/run --deps-only' (apt-get install tmux)") }
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let program = (["env", "-i"] + env + [Self.binary] + arguments).map(Self.quote).joined(separator: " ")
        // A shell leads the session, as a login shell does over SSH, and records the exit status:
        // tmux loses it when the pty closes before the child is reaped.
        let command = "\(program); echo $? > \(Self.quote(statusFile.path))"
        let created = try tmux(["-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", command])
        guard created.status == 0 else { throw Failure("tmux new-session: \(created.output)") }
        // Keep the pane after the program exits, so what it left on screen can be read.
        _ = try tmux(["set-option", "-t", target, "remain-on-exit", "on"])
        self.started = try tmux(["display-message", "-p", "-t", target, "#{pid} #{pane_pid}"]).output
            .split(whereSeparator: \.isWhitespace).compactMap { pid_t($0) }
    }

    /// The tmux server's and the pane shell's process ids, to be sure both end with the test.
    private var started: [pid_t] = []

    deinit {
        stop()
        try? FileManager.default.removeItem(at: statusFile)
    }

    /// Kills the tmux server and everything in it; whatever is still alive a second later is
    /// killed by its id, so no test leaves a server behind.
    public func stop() {
        guard !started.isEmpty else { return }
        let program = try? pid()
        _ = try? tmux(["kill-server"])
        let all = started + [program].compactMap { $0 }.filter { $0 > 0 }
        let deadline = Date().addingTimeInterval(1)
        while Date() < deadline, all.contains(where: Self.isAlive) { usleep(50_000) }
        for pid in all where Self.isAlive(pid) { kill(pid, SIGKILL) }
        started = []
    }

    private static func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return !(stat.split(separator: ")").last?.dropFirst().hasPrefix("Z") ?? true)
    }

    /// The text on screen now.
    public func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", target]).output }

    /// Polls the screen every 100 ms until `condition` holds.
    ///
    /// - Throws: `Failure` with the last screen when `timeout` seconds pass first.
    @discardableResult
    public func waitFor(_ what: String, timeout: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let end = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < end {
            last = try screen()
            if condition(last) { return last }
            usleep(100_000)
        }
        throw Failure("timed out after \(timeout) s waiting for \(what); screen:\n\(last)")
    }

    /// Presses keys by tmux name (`Enter`, `Escape`, `C-c`, `j`).
    public func press(_ keys: String...) throws { try press(keys) }

    /// Presses keys by tmux name, from a list.
    public func press(_ keys: [String]) throws { _ = try tmux(["send-keys", "-t", target] + keys) }

    /// Whether the program has exited (the pane is dead).
    public func exited() throws -> Bool {
        try tmux(["display-message", "-p", "-t", target, "#{pane_dead}"]).output.hasPrefix("1")
    }

    /// Types text literally.
    public func type(_ text: String) throws { _ = try tmux(["send-keys", "-t", target, "-l", text]) }

    /// Pastes text as a terminal does (`paste-buffer -p`): wrapped in the bracketed-paste markers
    /// when the program asked for them, line breaks sent as CR.
    public func paste(_ text: String) throws {
        _ = try tmux(["set-buffer", "-b", "e2e-paste", "--", text])
        _ = try tmux(["paste-buffer", "-p", "-d", "-b", "e2e-paste", "-t", target])
    }

    /// Resizes the terminal, as a person dragging the window corner.
    public func resize(width: Int, height: Int) throws {
        _ = try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The process id of the program (the child of the shell in the pane).
    public func pid() throws -> Int32 {
        let shell = try tmux(["display-message", "-p", "-t", target, "#{pane_pid}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) } ?? -1
    }

    /// The exit status once the program has exited (128 + signal when a signal ended it); `nil`
    /// while it runs.
    public func exitStatus() -> Int32? {
        guard let text = try? String(contentsOf: statusFile, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Waits for the program to exit and returns its status.
    public func waitForExit(timeout: Double = 10) throws -> Int32 {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if let status = exitStatus() { return status }
            usleep(100_000)
        }
        throw Failure("the program did not exit within \(timeout) s; screen:\n\(try screen())")
    }

    private func tmux(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try Self.run(["tmux", "-L", socket] + arguments)
    }

    /// Runs a command to completion (a bare name is looked up in `PATH`), output and errors
    /// together, through the one test runner, `ChildProcess` (which says why not `Process`).
    public static func run(_ argv: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        guard let program = argv.first else { throw Failure("nothing to run") }
        let result = try ChildProcess.run(program, Array(argv.dropFirst()), environment: environment, mergeErrors: true)
        return (result.status, result.stdout)
    }

    public static func quote(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
