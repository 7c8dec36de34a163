import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// The people on the wall (issue 14): today's marks per person as tally glyphs, the week's
/// leader, today's praise, and the week's helpers on a morning without helps yet.
@Suite struct WallPeopleTests {
    static let tuesday = "2026-11-24T09:12:47+01:00"

    static func mark(_ at: String, _ who: String) -> TallyMark {
        let stamp = Timestamp(rfc3339: at)!
        return TallyMark(day: W.schedule.localDate(of: stamp.date), who: who, by: "lead", at: stamp)
    }

    /// The busy Tuesday with 7 marks for Sanne and 2 for Pieter today, 6 for Pieter on Monday, the
    /// old nameless 3, and one praise this morning (and one from yesterday).
    static var game: StoreSnapshot {
        var s = W.busy
        s.tallyMarks = Array(repeating: mark("2026-11-23T11:00:00+01:00", "Pieter"), count: 6)
            + Array(repeating: mark("2026-11-24T08:30:00+01:00", "Sanne"), count: 7)
            + [mark("2026-11-24T08:40:00+01:00", "Pieter"), mark("2026-11-24T08:41:00+01:00", "pieter")]
        s.praise = [
            Praise(who: "Pieter", customer: "Hotel De Kroon", text: "old news", at: Timestamp(rfc3339: "2026-11-23T15:00:00+01:00")!,
                   day: localDate("2026-11-23"), recordedBy: "lead"),
            Praise(who: "Sanne", customer: "Bakkerij Ömer", text: "Sanne dacht echt\nmee\u{1B}[2J", at: Timestamp(rfc3339: "2026-11-24T09:00:00+01:00")!,
                   day: localDate("2026-11-24"), recordedBy: "lead"),
        ]
        return s
    }

    @Test func theTallyRowAndTodaysPraiseAt80x24() {
        let wall = W.wall(Self.game, at: Self.tuesday)
        #expect(wall.people.tallyToday == [PersonCount(name: "Sanne", count: 7), PersonCount(name: nil, count: 3), PersonCount(name: "Pieter", count: 2)])
        #expect(wall.people.weekLeaders == [PersonCount(name: "Pieter", count: 8)])
        #expect(wall.tally == 12)
        let grid = WallLayout.render(wall, width: 80, height: 24)
        let lines = (0..<grid.height).map { grid.line($0).trimmingCharacters(in: .whitespaces) }
        // Every person's marks (ASCII, as in LANG=C: asciiTerminalsGetSlashedFives); at 80 columns
        // the week's lead is cut at the edge, at 100 the row is whole.
        #expect(lines.contains { $0.hasPrefix("\"klant\" today: Sanne ||||/ || · (no name) ||| · Pieter || · week's lead: Pi") })
        let wide = WallLayout.render(wall, width: 100, height: 24)
        #expect((0..<wide.height).map { wide.line($0).trimmingCharacters(in: .whitespaces) }
            .contains("\"klant\" today: Sanne ||||/ || · (no name) ||| · Pieter || · week's lead: Pieter 8"))
        // The customer's words on one line, their escape shown, never sent to the terminal.
        #expect(lines.contains("Bakkerij Ömer thanks Sanne: \"Sanne dacht echt mee␛[2J\""))
        #expect(!grid.text.contains("old news"), "yesterday's praise is in the report, not on today's wall")
        // The day's total moved from the facts line to the row.
        #expect(!grid.text.contains("said 12"))
        #expect(grid.text.contains("Helped this morning"))
    }

    @Test func asciiTerminalsGetSlashedFives() {
        let grid = WallLayout.render(W.wall(Self.game, at: Self.tuesday, language: .nl), width: 100, height: 30, unicode: false)
        let lines = (0..<grid.height).map { grid.line($0).trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("\"klant\" vandaag: Sanne ||||/ || - (zonder naam) ||| - Pieter || - koploper week: Pieter 8"))
        #expect(grid.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) })
    }

    @Test func aSmallWallKeepsTheTotalAmongTheFacts() {
        let grid = WallLayout.render(W.wall(Self.game, at: Self.tuesday), width: 80, height: 14)
        #expect(!grid.text.contains("\"klant\" today:"))
        #expect(grid.text.contains("said 12×"))
    }

    @Test func aQuietMorningShowsTheWeeksHelpers() {
        // Wednesday before anyone was helped: Tuesday's helps are the week's.
        var s = W.busy
        s.issues = s.issues.filter { !$0.isOpen }
        let wall = W.wall(s, at: "2026-11-25T08:30:00+01:00")
        #expect(wall.helpers.isEmpty)
        #expect(wall.people.helpedThisWeek == [WallHelper(name: "Sanne", count: 2), WallHelper(name: "Pieter", count: 1)])
        let grid = WallLayout.render(wall, width: 80, height: 24)
        #expect(grid.text.contains("Helped this week"))
        #expect(grid.text.contains("2 Sanne"))
    }
}
