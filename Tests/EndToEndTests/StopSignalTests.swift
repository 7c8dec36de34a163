import Foundation
import Testing
import TenBoardTestSupport

/// A stop signal (SIGTERM from `systemctl stop`, SIGHUP from a dropped SSH session, SIGINT) ends
/// the board and the wall within 0.3 s, not at the next tick, also while the terminal's output is
/// stopped (Ctrl-S), when the program is blocked writing to it.
@Suite("Stop signals end the board and the wall at once", .serialized)
struct StopSignalTests {
    static let limit = 0.3

    static func start(_ program: String) throws -> (TmuxSession, URL) {
        let (dir, env) = try BoardEndToEndTests.store()
        var programEnv = env
        programEnv["TERM"] = "xterm-256color"
        let session = try TmuxSession(width: 100, height: 30, arguments: [program, program == "wall" ? "--clock-from" : "--at", BoardEndToEndTests.at], environment: programEnv)
        try session.waitFor("the \(program)") { program == "board" ? $0.contains("▶ 1") : $0.contains("█") }
        return (session, dir)
    }

    static func alive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return !(stat.split(separator: ")").last?.dropFirst().hasPrefix("Z") ?? true)
    }

    /// Sends `signal` and returns how long the program took to be gone (polled every 2 ms, for at most 5 s).
    static func timeToExit(_ pid: pid_t, after signal: Int32) -> Double {
        let start = Date()
        kill(pid, signal)
        while alive(pid), Date().timeIntervalSince(start) < 5 { usleep(2_000) }
        return Date().timeIntervalSince(start)
    }

    /// Whether one of the program's threads is inside write(2) (x86_64: 1, aarch64: 64).
    static func blockedInWrite(_ pid: pid_t) -> Bool {
        #if arch(x86_64)
        let write = "1"
        #else
        let write = "64"
        #endif
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.contains { tid in
            let syscall = (try? String(contentsOfFile: "/proc/\(pid)/task/\(tid)/syscall", encoding: .utf8)) ?? ""
            return syscall.split(separator: " ").first.map(String.init) == write
        }
    }

    @Test("SIGTERM, SIGHUP and SIGINT end the board and the wall within 0.3 s",
          arguments: [("board", SIGTERM), ("board", SIGHUP), ("board", SIGINT), ("wall", SIGTERM), ("wall", SIGHUP)])
    func stopsAtOnce(program: String, signal: Int32) throws {
        let (session, dir) = try Self.start(program)
        defer { session.stop(); try? FileManager.default.removeItem(at: dir) }
        let pid = try session.pid()
        // Half way between two ticks, where the old loop would sleep on for up to a second.
        let elapsed = Self.timeToExit(pid, after: signal)
        #expect(elapsed <= Self.limit, "\(program) took \(elapsed) s to stop after signal \(signal)")
        #expect(try session.waitForExit(timeout: 5) == 128 + signal)
        #expect(!(try session.screen()).contains("WAITING"), "the terminal was given back")
    }

    @Test("With output stopped (Ctrl-S) and the program blocked writing, SIGTERM still ends it", arguments: ["board", "wall"])
    func stopsWhileOutputIsStopped(program: String) throws {
        let (session, dir) = try Self.start(program)
        defer { session.stop(); try? FileManager.default.removeItem(at: dir) }
        let pid = try session.pid()
        try session.press("C-s")
        // Something to write: the board moves its selection; the wall writes its next second.
        let end = Date().addingTimeInterval(10)
        while !Self.blockedInWrite(pid), Date() < end {
            if program == "board" { try session.press("Down") }
            usleep(20_000)
        }
        try #require(Self.blockedInWrite(pid), "\(program) never blocked writing to the stopped terminal")
        let elapsed = Self.timeToExit(pid, after: SIGTERM)
        #expect(elapsed <= Self.limit, "\(program) took \(elapsed) s to stop after SIGTERM with output stopped")
        #expect(try session.waitForExit(timeout: 5) == 143)
    }
}
