import Foundation
import Testing
import TenBoardTestSupport

/// A customer who mails is on a running board and wall, without anybody typing.
@Suite("Intake: a mailed customer on a running board and wall", .serialized)
struct IntakeTerminalTests {
    static let mail = """
        Received: from mx.example.nl by support.example.com; Tue, 24 Nov 2026 07:31:00 +0100
        From: =?utf-8?Q?M=C3=BCller_GmbH?= <info@mueller.example>
        Subject: =?utf-8?B?RGUga29wcGVsaW5nIGlzIGthcG90IBtbMm0=?=
        Message-ID: <wall-1@mueller.example>

        Sinds vanochtend werkt de koppeling niet.

        """

    @Test("intake while the wall and the board run: the customer appears on both")
    func appears() throws {
        let (dir, env) = try WallEndToEndTests.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wall = try WallEndToEndTests.startWall(env)
        defer { wall.stop() }
        let board = try TmuxSession(width: 120, height: 30, arguments: ["board", "--at", WallEndToEndTests.at],
                                    environment: env.merging(["TERM": "xterm-256color"]) { $1 })
        defer { board.stop() }
        _ = try wall.waitFor("the wall") { $0.contains("2 customers waiting") }
        _ = try board.waitFor("the board") { $0.contains("Zorggroep Oost") }
        let r = try TenBoardBinary.run(["intake", "--store", dir.path], environment: ["SENDER": "info@mueller.example"], input: Self.mail)
        #expect(r.status == 0, "\(r.stderr)")
        let wallScreen = try wall.waitFor("the mailed customer on the wall") { $0.contains("Müller GmbH") }
        #expect(wallScreen.contains("3 customers waiting"))
        let boardScreen = try board.waitFor("the mailed customer on the board") { $0.contains("Müller GmbH") }
        #expect(boardScreen.contains("De koppeling is kapot"))
        // Its detail shows what the customer wrote: open each of the three rows in turn.
        var detail = ""
        for _ in 0..<3 {
            try board.press("Enter")
            detail = (try? board.waitFor("the detail", timeout: 2) { $0.contains("Sinds vanochtend werkt de koppeling niet.") }) ?? ""
            if !detail.isEmpty { break }
            try board.press("Escape", "Down")
        }
        let last = try board.screen()
        #expect(detail.contains("Sinds vanochtend werkt de koppeling niet."), "\(last)")
        #expect(detail.contains("info@mueller.example"))
    }
}
