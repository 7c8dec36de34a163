import Foundation
import Testing
import TenBoardTestSupport

/// The strip of the last mornings on the real wall, in tmux: the streak with ▇/▁ beside it and
/// "N of the last 5 mornings met"; under LANG=C the ASCII strip.
@Suite("The wall's strip in a real terminal", .serialized)
struct WallStripEndToEndTests {
    /// Mon 16 … Mon 23 Nov 2026 one customer a morning (Wednesday 18 helped late), and one
    /// waiting on Tuesday 24.
    static func store() throws -> (dir: URL, env: [String: String]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tenboard-strip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let env = ["TENBOARD_STORE": dir.path, "HOME": dir.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "Europe/Amsterdam",
                   "TENBOARD_TIMEZONE": "Europe/Amsterdam"]
        var records = ["16", "17", "18", "19", "20", "23"].map { day in
            "{\"customer\": \"C\(day)\", \"summary\": \"s\", \"receivedAt\": \"2026-11-\(day)T07:00:00+01:00\", \"status\": \"resolved\", "
                + "\"resolvedAt\": \"2026-11-\(day)T\(day == "18" ? "10:30" : "09:00"):00+01:00\", \"resolvedBy\": \"Ann\"}"
        }
        records.append("{\"customer\": \"Tuesday\", \"summary\": \"s\", \"receivedAt\": \"2026-11-24T07:30:00+01:00\"}")
        let file = dir.appendingPathComponent("seed.json")
        try ("[" + records.joined(separator: ",") + "]").write(to: file, atomically: true, encoding: .utf8)
        let imported = try TmuxSession.run([TmuxSession.binary, "add", "--json", file.path], environment: env)
        guard imported.status == 0 else { throw TmuxSession.Failure("tenboard add: \(imported.output)") }
        return (dir, env)
    }

    @Test("The streak with the strip and the recent rate; the ASCII strip under LANG=C")
    func stripOnTheWall() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let at = "2026-11-24T09:12:40+01:00"
        let wall = try TmuxSession(width: 120, height: 30, arguments: ["wall", "--at", at],
                                   environment: env.merging(["TERM": "xterm-256color"]) { $1 })
        defer { wall.stop() }
        let screen = try wall.waitFor("the strip") { $0.contains("streak 3 ▇▇▁▇▇▇ · 4 of the last 5 mornings met") }
        #expect(screen.contains("0 of 1 helped"))
        let ascii = try TmuxSession(width: 120, height: 30, arguments: ["wall", "--at", at],
                                    environment: env.merging(["TERM": "xterm-256color", "LANG": "C"]) { $1 })
        defer { ascii.stop() }
        _ = try ascii.waitFor("the ASCII strip") { $0.contains("streak 3 ##_### - 4 of the last 5 mornings met") }
    }
}
