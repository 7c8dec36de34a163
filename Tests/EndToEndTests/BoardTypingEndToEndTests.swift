import Foundation
import Testing
import TenBoardTestSupport

/// Typing on the real board in tmux (issue 11): non-ASCII names under a missing locale, C.UTF-8
/// and LANG=C; a two-line paste into the resolve prompt; reopen and resolve; edit; undo. The store
/// is read back with the CLI after each step.
@Suite("Typing on the board in a real terminal", .serialized)
struct BoardTypingEndToEndTests {
    typealias E2E = BoardEndToEndTests

    static func issue(_ id: String, _ env: [String: String]) throws -> [String: Any] {
        try #require(try E2E.json(E2E.tenboard(["show", id, "--json"], env)) as? [String: Any])
    }

    @Test("Müller Café 王 typed in the form is stored whole", arguments: ["nl_NL.UTF-8", "C.UTF-8", "C"])
    func nonASCIITyping(lang: String) throws {
        let (dir, baseEnv) = try E2E.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        var env = baseEnv
        env["LANG"] = lang
        let board = try E2E.board(env)
        defer { board.stop() }
        try board.waitFor("the board", timeout: 15) { $0.contains("0:48:00 to 10:00") }
        try board.press("n")
        try board.waitFor("the form") { $0.contains("New customer issue") }
        try board.type("Müller Café 王")
        try board.press("Tab")
        try board.type("Tëst")
        if lang != "C" {
            // With a UTF-8 character type (C.UTF-8 stands in for the missing nl_NL) it shows as typed.
            try board.waitFor("the name as typed") { $0.contains("Müller Café 王") && $0.contains("Tëst") }
        }
        try board.press("Enter", "Enter")
        // In ASCII the notice's "·" is drawn as ".".
        let dot = lang == "C" ? "." : "·"
        try board.waitFor("the new issue saved") { $0.contains("#4 added \(dot) counts for Wed 25 Nov, after the 08:00 cut-off") }
        try board.press("q")
        #expect(try board.waitForExit() == 0)

        let stored = try Self.issue("4", env)
        #expect(stored["customer"] as? String == "Müller Café 王", "under LANG=\(lang)")
        #expect(stored["summary"] as? String == "Tëst", "under LANG=\(lang)")
        #expect(stored["channel"] as? String == "phone")
    }

    @Test("A pasted two-line action point is text; reopen and resolve keep it; edit and undo")
    func pasteReopenEditUndo() throws {
        let (dir, env) = try E2E.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let board = try E2E.board(env)
        defer { board.stop() }
        try board.waitFor("the board", timeout: 15) { $0.contains("▶ 1") }

        // A paste with a line break and command letters after it: one action point, nothing else.
        try board.press("j")
        try board.waitFor("the second customer") { $0.contains("▶ 2") }
        try board.press("r")
        try board.waitFor("the resolve prompt") { $0.contains("Action point for #2") && $0.contains("Helped by: lisa") }
        try board.paste("Klant teruggebeld, café ✓.\nVolgende week nog eens controleren")
        try board.waitFor("the pasted text in the prompt") { $0.contains("café ✓. Volgende week") }
        #expect(try E2E.tenboard(["list", "--json"], env).contains("\"status\" : \"resolved\"") == false,
                "the line break did not confirm the prompt")
        try board.press("Enter")
        try board.waitFor("the resolve") { $0.contains("#2 resolved.") }
        var two = try Self.issue("2", env)
        #expect(two["action"] as? String == "Klant teruggebeld, café ✓. Volgende week nog eens controleren")
        #expect(two["resolvedBy"] as? String == "lisa")
        let list = try #require(try E2E.json(E2E.tenboard(["list", "--json"], env)) as? [[String: Any]])
        #expect(list.count == 2, "the other customers are untouched and nothing was added")

        // Reopen, then resolve with Enter on the untouched prompt: the action point stays.
        try board.press("G")
        try board.waitFor("the helped customer selected") { $0.contains("▶ 2") }
        try board.press("u")
        try board.waitFor("the reopen") { $0.contains("#2 reopened.") }
        #expect(try Self.issue("2", env)["status"] as? String == "open")
        try board.press("g")
        try board.press("j")
        try board.waitFor("#2 selected again") { $0.contains("▶ 2") }
        try board.press("r")
        try board.waitFor("the prompt pre-filled") { $0.contains("Action point for #2 (may be empty): Klant teruggebeld, café") }
        try board.press("Enter")
        try board.waitFor("the second resolve") { $0.contains("#2 resolved.") }
        two = try Self.issue("2", env)
        #expect(two["status"] as? String == "resolved")
        #expect(two["action"] as? String == "Klant teruggebeld, café ✓. Volgende week nog eens controleren")

        // Edit the first customer's name with readline keys, then undo it.
        try board.press("g")
        try board.waitFor("the first customer") { $0.contains("▶ 1") }
        try board.press("e")
        try board.waitFor("the edit form") { $0.contains("Correct #1") }
        try board.press("C-a")
        try board.type("Firma ")
        try board.press("Tab", "Tab", "Enter")
        try board.waitFor("the correction") { $0.contains("#1 corrected.") }
        #expect(try Self.issue("1", env)["customer"] as? String == "Firma 山田商事")
        try board.press("z")
        try board.waitFor("the undo") { $0.contains("Undone: the correction of #1.") }
        #expect(try Self.issue("1", env)["customer"] as? String == "山田商事")

        try board.press("q")
        #expect(try board.waitForExit() == 0)
    }

    @Test("Bracketed paste is asked for at the start and switched off again at the end")
    func pasteModeOffAtExit() throws {
        let (dir, env) = try E2E.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        // script(1) records every byte the board writes to its terminal.
        let typescript = dir.appendingPathComponent("typescript")
        let socket = "tenboard-paste-\(getpid())-\(UUID().uuidString.prefix(6))"
        var boardEnv = env
        boardEnv["TERM"] = "xterm-256color"
        let program = (["env", "-i"] + boardEnv.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                       + [TmuxSession.binary, "board", "--at", E2E.at]).map(TmuxSession.quote).joined(separator: " ")
        let command = "script -q -f -c \(TmuxSession.quote(program)) \(TmuxSession.quote(typescript.path))"
        let tmux = ["tmux", "-L", socket]
        defer { _ = try? TmuxSession.run(tmux + ["kill-server"]) }
        let created = try TmuxSession.run(tmux + ["-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30", command])
        try #require(created.status == 0, "\(created.output)")
        func recorded() -> Data { (try? Data(contentsOf: typescript)) ?? Data() }
        let on = Data("\u{1B}[?2004h".utf8), off = Data("\u{1B}[?2004l".utf8)
        var end = Date().addingTimeInterval(15)
        while Date() < end, recorded().range(of: Data(" quit".utf8)) == nil { usleep(100_000) }
        #expect(recorded().range(of: on) != nil, "the board asks for bracketed paste")
        _ = try TmuxSession.run(tmux + ["send-keys", "-t", "0", "q"])
        end = Date().addingTimeInterval(10)
        while Date() < end, recorded().range(of: off) == nil { usleep(100_000) }
        let all = recorded()
        let lastOn = try #require(all.range(of: on, options: .backwards))
        let lastOff = try #require(all.range(of: off, options: .backwards), "bracketed paste switched off at exit")
        #expect(lastOff.lowerBound > lastOn.lowerBound)
    }
}
