import Foundation
import Testing
import TenBoardTestSupport

/// `tenboard wall` run for real in tmux: the big countdown ticks, keys change nothing, another
/// process's change appears, a damaged store shows a notice while the last good state stays.
@Suite("The wall in a real terminal", .serialized)
struct WallEndToEndTests {
    /// Tuesday 24 Nov 2026, 09:12:40 in Amsterdam: 47 minutes before the deadline.
    static let at = "2026-11-24T09:12:40+01:00"

    /// A store with two waiting customers of Tuesday's morning.
    static func store() throws -> (dir: URL, env: [String: String]) {
        let dir = try TemporaryDirectory.make("wall")
        let env = ["TENBOARD_STORE": dir.path, "HOME": dir.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "Europe/Amsterdam"]
        for (customer, received) in [("Bakkerij Jansen", "2026-11-24T07:10:00+01:00"), ("Zorggroep Oost", "2026-11-23T17:10:00+01:00")] {
            let added = try TmuxSession.run([TmuxSession.binary, "add", "--customer", customer, "--summary", "s", "--received", received], environment: env)
            guard added.status == 0 else { throw TmuxSession.Failure("tenboard add: \(added.output)") }
        }
        return (dir, env)
    }

    /// The rows that hold the big digits (block characters or `#`).
    static func bigRows(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.contains("█") || $0.contains("###") }.joined(separator: "\n")
    }

    /// `tenboard wall` on a fresh store, in an 80×24 xterm unless told otherwise, with a clock that
    /// starts at `at` and runs on (the hidden `--clock-from`; `--at` is a frozen view).
    static func startWall(
        _ env: [String: String], extra: [String: String] = [:], width: Int = 80, height: Int = 24, at: String = Self.at
    ) throws -> TmuxSession {
        var wallEnv = env.merging(["TERM": "xterm-256color"]) { $1 }
        wallEnv.merge(extra) { $1 }
        return try TmuxSession(width: width, height: height, arguments: ["wall", "--clock-from", at], environment: wallEnv)
    }

    /// Waits for two more ticks of the big countdown. The wall reads the keys waiting for it once
    /// a tick, before it draws, so after two ticks every key sent before this call has been read
    /// and acted on: what the keys did (or did not do) is on screen, not still on its way.
    static func waitTwoTicks(_ wall: TmuxSession) throws {
        var last = bigRows(try wall.screen())
        for tick in 1...2 {
            let screen = try wall.waitFor("tick \(tick) after the keys", timeout: 5) { !bigRows($0).isEmpty && bigRows($0) != last }
            last = bigRows(screen)
        }
    }

    static func storeFiles(_ dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            files[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return files
    }

    @Test("The big countdown changes every second; keys change nothing; q quits")
    func ticksAndKeys() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wall = try Self.startWall(env)
        defer { wall.stop() }
        var screen = try wall.waitFor("the countdown") { $0.contains("left until 10:00 · 2 customers waiting") }
        #expect(screen.contains("Morning Tue 24 Nov · deadline 10:00"))
        #expect(screen.contains("Bakkerij Jansen") && screen.contains("Zorggroep Oost"))
        // Three different big countdowns in a row, each within about a second of the last.
        var seen = [Self.bigRows(screen)]
        for _ in 0..<2 {
            screen = try wall.waitFor("the next second", timeout: 3) { Self.bigRows($0) != seen.last! && !Self.bigRows($0).isEmpty }
            seen.append(Self.bigRows(screen))
        }
        #expect(Set(seen).count == 3)

        let before = try Self.storeFiles(dir)
        // Every key the interactive board knows, and some it does not.
        try wall.press(["r", "Enter", "a", "x", "Enter", "u", "n", "t", "t", "/", "j", "k", "Down", "Up", "Escape"])
        try wall.press(["Space", "C-l", "1", "Tab", "BSpace"])
        try Self.waitTwoTicks(wall)
        #expect(try Self.storeFiles(dir) == before, "the wall never writes the store")
        #expect(try !wall.exited())
        #expect(try wall.screen().contains("2 customers waiting"))

        try wall.press(["q"])
        _ = try wall.waitFor("the wall to quit", timeout: 5) { _ in (try? wall.exited()) == true }
        #expect(try Self.storeFiles(dir) == before)
    }

    @Test("q does nothing when wall-quit-key is off")
    func quitKeyOff() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wall = try Self.startWall(env, extra: ["TENBOARD_WALL_QUIT_KEY": "false"])
        defer { wall.stop() }
        try wall.waitFor("the countdown") { $0.contains("left until 10:00") }
        try wall.press(["q"])
        try Self.waitTwoTicks(wall)
        #expect(try !wall.exited())
    }

    @Test("A change by another process appears; a damaged store shows a notice and keeps the last good state")
    func otherProcessesAndDamage() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wall = try Self.startWall(env)
        defer { wall.stop() }
        try wall.waitFor("the countdown") { $0.contains("2 customers waiting") }

        let added = try TmuxSession.run([TmuxSession.binary, "add", "--customer", "Café 't Hoekje", "--summary", "pin",
                                      "--received", "2026-11-24T07:45:00+01:00"], environment: env)
        #expect(added.status == 0)
        let screen = try wall.waitFor("the new customer", timeout: 5) { $0.contains("Café 't Hoekje") }
        #expect(screen.contains("3 customers waiting"))

        let hot = dir.appendingPathComponent("issues.json")
        let good = try Data(contentsOf: hot)
        try Data("{ \"issues\": [ broken".utf8).write(to: hot)
        let damaged = try wall.waitFor("the store notice", timeout: 5) { $0.contains("Store problem") }
        #expect(damaged.contains("3 customers waiting"), "the last good state stays")
        #expect(damaged.contains("Café 't Hoekje"))
        try good.write(to: hot)
        try wall.waitFor("the notice to go", timeout: 5) { !$0.contains("Store problem") && $0.contains("3 customers waiting") }
    }

    @Test("--at is a frozen view: clock and countdown stand still while the store is read; a carried-over customer says which morning they missed")
    func frozenAtAndCarriedOver() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Friday afternoon: counted for Monday 23 Nov, missed it, still waiting on Tuesday.
        let friday = try TmuxSession.run([TmuxSession.binary, "add", "--customer", "Garage Peeters", "--summary", "s",
                                          "--received", "2026-11-20T15:00:00+01:00"], environment: env)
        try #require(friday.status == 0, "\(friday.output)")
        let wall = try TmuxSession(width: 100, height: 30, arguments: ["wall", "--at", Self.at],
                                   environment: env.merging(["TERM": "xterm-256color"]) { $1 })
        defer { wall.stop() }
        let first = try wall.waitFor("the frozen wall") { $0.contains("3 customers waiting (1 carried over)") }
        let firstSeen = Date()
        let row = try #require(first.split(separator: "\n").first { $0.contains("Garage Peeters") }, "\(first)")
        #expect(row.contains("Garage Peeters (missed Mon)"), "\(row)")
        #expect(row.contains("3d 18h"), "how long they waited: \(row)")
        let title = try #require(first.split(separator: "\n").first.map(String.init))
        #expect(title.contains("as at Tue 09:12"), "\(title)")

        // Another process adds a customer: the wall reads it on a later tick, and by then the
        // clock has been asked again, yet the digits and the badge stand at 09:12:40. Two real
        // seconds pass first, so a clock that ran on would have moved the digits.
        let added = try TmuxSession.run([TmuxSession.binary, "add", "--customer", "Café 't Hoekje", "--summary", "pin",
                                         "--received", "2026-11-24T07:45:00+01:00"], environment: env)
        #expect(added.status == 0)
        let later = try wall.waitFor("the new customer, two seconds on", timeout: 8) {
            $0.contains("Café 't Hoekje") && Date().timeIntervalSince(firstSeen) > 2.2
        }
        #expect(later.contains("4 customers waiting (1 carried over)"))
        #expect(Self.bigRows(later) == Self.bigRows(first), "the countdown stands still")
        #expect(later.split(separator: "\n").first.map(String.init) == title, "the badge and the clock stand still")
        #expect(!Self.bigRows(first).isEmpty)
    }

    @Test("Linux console in the C locale: 8 colours, ASCII digits and frames")
    func linuxConsoleASCII() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wall = try Self.startWall(env, extra: ["TERM": "linux", "LANG": "C"], width: 100, height: 30)
        defer { wall.stop() }
        let screen = try wall.waitFor("the countdown") { $0.contains("left until 10:00 - 2 customers waiting") }
        #expect(screen.contains("####"))
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(screen)")
        try wall.waitFor("the next second", timeout: 3) { Self.bigRows($0) != Self.bigRows(screen) }
    }

    @Test("Between mornings: the last result and the time to the next deadline")
    func weekend() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wall = try Self.startWall(env, extra: ["TENBOARD_LANGUAGE": "nl"], at: "2026-11-28T12:00:00+01:00")
        defer { wall.stop() }
        let screen = try wall.waitFor("the weekend screen") { $0.contains("Volgende ochtend ma 30 nov") }
        #expect(screen.contains("tot de deadline van ma 30 nov 10:00"))
        // On Saturday the last morning is Friday's, not the Tuesday the store's customers came on.
        #expect(screen.contains("vr 27 nov"), "\(screen)")
        #expect(!screen.contains("di 24 nov"), "\(screen)")
    }
}
