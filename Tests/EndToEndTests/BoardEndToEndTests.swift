import Foundation
import Testing
import TenBoardTestSupport

/// `tenboard board` run for real in tmux (100×30, xterm-256color, C.UTF-8, Europe/Amsterdam):
/// resolve with keys, see another process's change, resize, quit, and check the store after.
@Suite("The board in a real terminal", .serialized)
struct BoardEndToEndTests {
    /// Tuesday 24 Nov 2026, 09:12 in Amsterdam: 48 minutes before the deadline.
    static let at = "2026-11-24T09:12:00+01:00"

    /// A temporary store with three waiting customers, and the environment to reach it.
    static func store() throws -> (dir: URL, env: [String: String]) {
        let dir = try TemporaryDirectory.make("board")
        let env = ["TENBOARD_STORE": dir.path, "HOME": dir.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                   "TZ": "Europe/Amsterdam", "TENBOARD_NAME": "lisa", "TENBOARD_LANGUAGE": "en"]
        for (customer, summary, received) in [
            ("山田商事", "請求書が届きません", "2026-11-23T17:45:00+01:00"),
            ("Bakkerij Jansen", "Printer drukt dubbel", "2026-11-24T07:10:00+01:00"),
            ("Evil\u{1B}[31mCorp", "line1\nline2\u{202E}exe", "2026-11-24T07:50:00+01:00"),
        ] {
            _ = try tenboard(["add", "--customer", customer, "--summary", summary, "--received", received], env)
        }
        return (dir, env)
    }

    @discardableResult
    static func tenboard(_ arguments: [String], _ env: [String: String]) throws -> String {
        let result = try TmuxSession.run([TmuxSession.binary] + arguments, environment: env)
        guard result.status == 0 else { throw TmuxSession.Failure("tenboard \(arguments.joined(separator: " ")): \(result.output)") }
        return result.output
    }

    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    static func board(_ env: [String: String], width: Int = 100, height: Int = 30, extra: [String] = []) throws -> TmuxSession {
        var boardEnv = env
        boardEnv["TERM"] = "xterm-256color"
        // A live board with its clock pinned (`--at` would be a frozen, read-only view).
        return try TmuxSession(width: width, height: height, arguments: ["board", "--pinned-clock", at] + extra, environment: boardEnv)
    }

    @Test("Resolve with keys, see another process's change, resize, quit; the store has it all")
    func leadWorksTheBoard() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let board = try Self.board(env)
        defer { board.stop() }

        var screen = try board.waitFor("the board") { $0.contains("WAITING · 0:48:00 to 10:00") }
        #expect(screen.contains("0 of 3 helped"))
        #expect(screen.contains("▶ 1"))
        // Untrusted text is shown with visible placeholders, never interpreted.
        #expect(screen.contains("Evil␛[31mCorp"))

        // Resolve the second customer with an action point.
        try board.press("j")
        try board.waitFor("the second customer selected") { $0.contains("▶ 2") }
        try board.press("r")
        try board.waitFor("the action prompt") { $0.contains("Action point for #2") }
        try board.type("Teruggebeld, FAQ aangevuld")
        try board.press("Enter")
        screen = try board.waitFor("the resolve") { $0.contains("#2 resolved.") && $0.contains("1 of 3 helped") }
        #expect(screen.contains("helped this morning (1)"))

        // Another process adds a customer: it appears without a key press.
        try Self.tenboard(["add", "--customer", "Garage De Vries", "--summary", "Factuur klopt niet",
                           "--received", "2026-11-24T08:40:00+01:00"], env)
        screen = try board.waitFor("the new customer", timeout: 5) { $0.contains("Garage De Vries") }
        #expect(screen.contains("next morning (1)"))

        // Too small, then back: the same customer is still selected.
        let selected = screen.split(separator: "\n").first { $0.hasPrefix("▶") }.map(String.init)
        try board.resize(width: 30, height: 6)
        try board.waitFor("the too-small message") { $0.contains("Terminal too small") }
        try board.resize(width: 100, height: 30)
        screen = try board.waitFor("the board again") { $0.contains("WAITING · 0:48:00 to 10:00") }
        #expect(screen.split(separator: "\n").first { $0.hasPrefix("▶") }.map(String.init) == selected)

        try board.press("q")
        #expect(try board.waitForExit() == 0)

        let open = try #require(try Self.json(Self.tenboard(["list", "--json"], env)) as? [[String: Any]])
        #expect(Set(open.compactMap { $0["customer"] as? String }) == ["山田商事", "Evil\u{1B}[31mCorp", "Garage De Vries"])
        let helped = try #require(try Self.json(Self.tenboard(["show", "2", "--json"], env)) as? [String: Any])
        #expect(helped["status"] as? String == "resolved")
        #expect(helped["resolvedBy"] as? String == "lisa")
        #expect(helped["action"] as? String == "Teruggebeld, FAQ aangevuld")
        #expect(helped["resolvedAt"] as? String == "2026-11-24T09:12:00+01:00")
    }

    @Test("Assign, a new issue through the form, and a tally mark")
    func assignAddAndTally() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let board = try Self.board(env)
        defer { board.stop() }
        try board.waitFor("the board") { $0.contains("▶ 1") }
        try board.press("a")
        try board.waitFor("the assign prompt with the lead's name") { $0.contains("Assign #1 to (empty: nobody): lisa") }
        try board.press("Enter")
        try board.waitFor("the assignment") { $0.contains("#1 assigned to lisa.") }
        // The name offered is replaced by a pasted one, not added to ("lisaAnn de Vries").
        try board.press("a")
        try board.waitFor("the assign prompt with the assignee") { $0.contains("Assign #1 to (empty: nobody): lisa") }
        try board.paste("Ann de Vries")
        try board.waitFor("the pasted name alone") { $0.contains("Assign #1 to (empty: nobody): Ann de Vries") }
        try board.press("Enter")
        try board.waitFor("the pasted name saved") { $0.contains("#1 assigned to Ann de Vries.") }
        try board.press("n")
        try board.waitFor("the form") { $0.contains("New customer issue") }
        try board.type("Fietsenmaker Gerrit")
        try board.press("Tab")
        try board.type("Belt over de offerte")
        try board.press("Tab", "Right")
        try board.waitFor("the kind") { $0.contains("[problem]") }
        try board.press("Enter")
        try board.waitFor("the new issue") { $0.contains("#4 added · counts for Wed 25 Nov") && $0.contains("Fietsenmaker Gerrit") }
        try board.press("t")
        try board.waitFor("the tally prompt") { $0.contains("Who said \"klant\"?") }
        try board.type("Sanne")
        try board.press("Enter")
        try board.waitFor("the tally") { $0.contains("tally 1") }
        try board.press("q")
        #expect(try board.waitForExit() == 0)

        let one = try #require(try Self.json(Self.tenboard(["show", "1", "--json"], env)) as? [String: Any])
        #expect(one["assignee"] as? String == "Ann de Vries")
        let four = try #require(try Self.json(Self.tenboard(["show", "4", "--json"], env)) as? [String: Any])
        #expect(four["customer"] as? String == "Fietsenmaker Gerrit")
        #expect(four["kind"] as? String == "problem")
    }

    @Test("board --at is a frozen view: an \"as at\" badge, and every change refused with a notice")
    func frozenBoard() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        var boardEnv = env
        boardEnv["TERM"] = "xterm-256color"
        let board = try TmuxSession(width: 100, height: 30, arguments: ["board", "--at", Self.at], environment: boardEnv)
        defer { board.stop() }
        try board.waitFor("the frozen board with its badge") { $0.contains("as at Tue 09:12") && $0.contains("▶ 1") }
        try board.press("r")
        try board.waitFor("the refusal") { $0.contains("frozen view: changes are refused") }
        try board.press("q")
        #expect(try board.waitForExit() == 0)
        let one = try #require(try Self.json(Self.tenboard(["show", "1", "--json"], env)) as? [String: Any])
        #expect(one["status"] as? String == "open")
    }

    @Test("x withdraws a duplicate with a reason: it leaves the counts and the list, and the store keeps it")
    func withdrawWithAKey() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let board = try Self.board(env)
        defer { board.stop() }
        try board.waitFor("the board") { $0.contains("▶ 1") && $0.contains("0 of 3 helped") }
        try board.press("x")
        try board.waitFor("the reason prompt") { $0.contains("Withdraw #1, reason:") }
        try board.press("Enter")
        try board.waitFor("the refusal of an empty reason") { $0.contains("A reason is needed to withdraw.") }
        try board.press("x")
        try board.type("dubbel van #2")
        try board.press("Enter")
        let screen = try board.waitFor("the withdrawal") { $0.contains("#1 withdrawn.") && $0.contains("0 of 2 helped") }
        #expect(!screen.contains("山田商事"))
        try board.press("q")
        #expect(try board.waitForExit() == 0)
        let one = try #require(try Self.json(Self.tenboard(["show", "1", "--json"], env)) as? [String: Any])
        #expect(one["status"] as? String == "withdrawn")
        #expect(one["withdrawnReason"] as? String == "dubbel van #2")
        _ = try Self.tenboard(["reopen", "1"], env)
        let back = try #require(try Self.json(Self.tenboard(["show", "1", "--json"], env)) as? [String: Any])
        #expect(back["status"] as? String == "open" && back["withdrawnReason"] == nil)
    }

    @Test("CJK customers keep the columns aligned in a real terminal")
    func alignment() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let board = try Self.board(env)
        defer { board.stop() }
        let screen = try board.waitFor("the board") { $0.contains("Bakkerij Jansen") }
        let lines = screen.split(separator: "\n").map(String.init)
        func column(of word: String, in line: String) -> Int? {
            guard let range = line.range(of: word) else { return nil }
            return Self.cells(String(line[..<range.lowerBound]))
        }
        let cjk = try #require(lines.first { $0.contains("山田商事") })
        let latin = try #require(lines.first { $0.contains("Bakkerij Jansen") })
        #expect(column(of: "question", in: cjk) == column(of: "question", in: latin))
        #expect(column(of: "請求書", in: cjk) == column(of: "Printer", in: latin))
    }

    /// Terminal cells of text made of ASCII and CJK (what this test uses).
    static func cells(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ((0x3000...0x9FFF).contains($1.value) ? 2 : 1) }
    }

    @Test("Ctrl-C, SIGTERM and a hang-up end the board cleanly and leave the store intact", arguments: ["INT", "TERM", "HUP"])
    func signals(signal: String) throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let board = try Self.board(env)
        defer { board.stop() }
        try board.waitFor("the board") { $0.contains("▶ 1") }
        if signal == "INT" {
            try board.press("C-c") // the terminal turns it into SIGINT
        } else {
            _ = try TmuxSession.run(["kill", "-\(signal)", "\(try board.pid())"])
        }
        let status = try board.waitForExit(timeout: 5)
        #expect(status == ["INT": 130, "TERM": 143, "HUP": 129][signal])
        // The terminal was given back: the board is gone from the screen.
        #expect(!(try board.screen()).contains("WAITING"))
        let open = try #require(try Self.json(Self.tenboard(["list", "--json"], env)) as? [[String: Any]])
        #expect(open.count == 3)
    }

    @Test("A dropped connection (the terminal goes away) ends the board instead of spinning")
    func terminalGoesAway() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let board = try Self.board(env)
        try board.waitFor("the board") { $0.contains("▶ 1") }
        let pid = try board.pid()
        board.stop() // the tmux server closes the pty, as sshd does when a connection drops
        let end = Date().addingTimeInterval(5)
        while Date() < end, kill(pid, 0) == 0 { usleep(100_000) }
        #expect(kill(pid, 0) != 0, "tenboard \(pid) still runs after its terminal went away")
        if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
    }

    @Test("A damaged store shows the problem and keeps the last good state until it is fixed")
    func damagedStore() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let board = try Self.board(env)
        defer { board.stop() }
        try board.waitFor("the board") { $0.contains("Bakkerij Jansen") }
        let file = dir.appendingPathComponent("issues.json")
        let good = try Data(contentsOf: file)
        try Data("{ \"version\": 1, \"issues\": [".utf8).write(to: file)
        var screen = try board.waitFor("the store problem", timeout: 5) { $0.contains("Store problem") }
        #expect(screen.contains("Bakkerij Jansen") && screen.contains("山田商事"))
        try good.write(to: file)
        screen = try board.waitFor("the problem gone", timeout: 5) { !$0.contains("Store problem") }
        #expect(screen.contains("Bakkerij Jansen"))
        try board.press("q")
        #expect(try board.waitForExit() == 0)
    }
}
