import Foundation
import Testing
import TenBoardTestSupport

/// `tenboard edit` with a terminal editor, in real tmux: the editor must own the terminal.
@Suite("edit with vi in a real terminal", .serialized)
struct EditEndToEndTests {
    @Test("vi owns the terminal: what is saved in vi replaces the store; quitting without saving changes nothing")
    func viInATerminal() throws {
        // An editor started in a process group of its own (as Foundation's Process does) cannot
        // read the terminal: vi exited 1 at once and edit said "nothing was changed" (exit 75).
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/vi") else {
            Issue.record("needs vi: run 'bash .ci/run --deps-only' (apt-get install vim-tiny)")
            return
        }
        let dir = try TemporaryDirectory.make("edit-vi")
        defer { TemporaryDirectory.remove(dir) }
        let env = ["TENBOARD_STORE": dir.path, "HOME": dir.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC",
                   "TERM": "xterm-256color", "EDITOR": "vi"]
        let added = try TenBoardBinary.run(["add", "--customer", "Ann", "--summary", "printer"], environment: env)
        try #require(added.status == 0, "\(added.stderr)")

        let before = try Data(contentsOf: dir.appendingPathComponent("issues.json"))
        let unchanged = try TmuxSession(arguments: ["edit"], environment: env)
        defer { unchanged.stop() }
        try unchanged.waitFor("vi showing the working copy") { $0.contains(#""customer": "Ann""#) }
        try unchanged.type(":q!")
        try unchanged.press("Enter")
        #expect(try unchanged.waitForExit() == 0)
        #expect(try Data(contentsOf: dir.appendingPathComponent("issues.json")) == before, "quitting without saving changes nothing")

        let edit = try TmuxSession(arguments: ["edit"], environment: env)
        defer { edit.stop() }
        try edit.waitFor("vi showing the working copy") { $0.contains(#""customer": "Ann""#) }
        try edit.type(#":%s/"Ann"/"Anna"/"#)
        try edit.press("Enter")
        try edit.type(":wq")
        try edit.press("Enter")
        #expect(try edit.waitForExit() == 0)
        let list = try TenBoardBinary.run(["list", "--json"], environment: env)
        #expect(list.stdout.contains(#""customer": "Anna""#), "\(list.stdout)")
    }
}
