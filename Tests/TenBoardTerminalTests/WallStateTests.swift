import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

@Suite struct WallStateTests {
    @Test func aBusyMorning() {
        let wall = W.wall(at: "2026-11-24T09:12:47+01:00")
        #expect(wall.mode == .countdown && wall.state == .waiting)
        #expect(wall.morning == localDate("2026-11-24"))
        #expect(wall.secondsLeft == 47 * 60 + 13)
        // Monday's Bakkerij Jansen still waits: carried over, it counts in Tuesday's numbers.
        #expect((wall.helped, wall.helpedLate, wall.inScope, wall.waiting) == (3, 0, 6, 3))
        #expect(wall.status.carriedOver == 1)
        #expect(wall.customers.map(\.name) == ["Bakkerij Jansen", "Gemeente Utrecht", "Zorggroep Oost", "Café 't Hoekje"])
        #expect(wall.customers.map(\.group) == [.earlier, .waiting, .waiting, .nextMorning])
        #expect(wall.customers[1].assignee == "Sanne")
        #expect(wall.helpers == [WallHelper(name: "Sanne", count: 2), WallHelper(name: "Pieter", count: 1)])
        #expect(wall.tally == 3)
        #expect(wall.clock == "09:12")
        #expect(wall.paceNeeded != nil)
    }

    @Test func statesThroughTheDay() {
        #expect(W.wall(at: "2026-11-24T09:45:00+01:00").state == .warning)
        let late = W.wall(at: "2026-11-24T10:12:47+01:00")
        #expect(late.mode == .countdown && late.state == .overdue && late.secondsLeft == -(12 * 60 + 47))
        // After midnight the overdue morning is history: Wednesday's morning counts down.
        let next = W.wall(at: "2026-11-25T00:00:01+01:00")
        #expect(next.morning == localDate("2026-11-25") && next.mode == .countdown)
    }

    @Test func closedMorningShowsItsResultAndTheNextDeadline() {
        var snapshot = W.busy
        snapshot.issues = snapshot.issues.map { issue in
            var issue = issue
            if issue.isOpen { issue.status = .resolved; issue.resolvedAt = Timestamp(rfc3339: "2026-11-24T09:50:00+01:00"); issue.resolvedBy = "Sanne" }
            return issue
        }
        let wall = W.wall(snapshot, at: "2026-11-24T11:00:00+01:00")
        #expect(wall.mode == .between && wall.state == .closed)
        #expect(wall.morning == localDate("2026-11-25"))
        #expect(wall.secondsLeft == 23 * 3600)
        // Bakkerij Jansen, carried over from Monday and helped at 09:50, counts for Tuesday.
        #expect(wall.result == MorningResult(morning: localDate("2026-11-24"), inScope: 6, helped: 6, met: true))
    }

    @Test func weekendShowsFridayAndCountsDownToMonday() {
        let wall = W.wall(at: "2026-11-28T12:00:00+01:00")
        #expect(wall.mode == .between && wall.state == .none)
        #expect(wall.morning == localDate("2026-11-30"))
        #expect(wall.secondsLeft == 46 * 3600)
        #expect(wall.result?.morning == localDate("2026-11-27"))
    }

    @Test func daylightSavingIsCountedFromTheClock() {
        // Sat 28 Mar 2026 12:00 CET to Mon 30 Mar 10:00 CEST: 46 wall-clock hours, 45 real ones.
        let spring = W.wall(StoreSnapshot(), at: "2026-03-28T12:00:00+01:00")
        #expect(spring.secondsLeft == 45 * 3600)
        #expect(spring.morning == localDate("2026-03-30"))
        // Sat 24 Oct 2026 12:00 CEST to Mon 26 Oct 10:00 CET: 47 real hours.
        let autumn = W.wall(StoreSnapshot(), at: "2026-10-24T12:00:00+02:00")
        #expect(autumn.secondsLeft == 47 * 3600)
        #expect(autumn.clock == "12:00")
        #expect(W.wall(StoreSnapshot(), at: "2026-10-26T08:59:00+01:00").clock == "08:59")
    }

    @Test func aLongSuspendShowsTheRightDayAtOnce() {
        // Each tick starts from the clock alone: a wall asleep from Tuesday to the next Thursday
        // shows Thursday on its first tick, exactly as a wall started then.
        let thursday = W.wall(at: "2026-12-03T09:30:00+01:00")
        #expect(thursday.morning == localDate("2026-12-03"))
        #expect(thursday.secondsLeft == 30 * 60)
        #expect(thursday.customers.first?.group == .earlier)
    }

    @Test func allHelpedIsItsOwnScreen() {
        let snapshot = StoreSnapshot(issues: [
            W.issue("1", "A", "2026-11-24T07:10:00+01:00", resolved: "2026-11-24T08:00:00+01:00", by: "Sanne"),
        ])
        let wall = W.wall(snapshot, at: "2026-11-24T09:00:00+01:00")
        #expect(wall.mode == .allHelped && wall.state == .done)
        #expect(wall.helpers == [WallHelper(name: "Sanne", count: 1)])
    }

    @Test func untrustedNamesAreFlattened() {
        var snapshot = W.busy
        snapshot.issues[0].customer = "Two\nlines\t and\u{1B}"
        snapshot.issues[1].assignee = "  "
        let wall = W.wall(snapshot, at: "2026-11-24T09:12:47+01:00")
        #expect(wall.customers[0].name == "Two lines and\u{241B}")
        #expect(wall.customers[1].assignee == nil)
    }

    @Test func helpersAreTheMorningsCustomersHelpedOnly() {
        let snapshot = StoreSnapshot(issues: [
            W.issue("1", "A", "2026-11-23T07:00:00+01:00", resolved: "2026-11-23T09:59:00+01:00", by: "Old"),
            W.issue("2", "B", "2026-11-23T12:00:00+01:00", resolved: "2026-11-23T15:00:00+01:00", by: "Bo"),
            W.issue("3", "C", "2026-11-24T07:00:00+01:00", resolved: "2026-11-24T08:00:00+01:00", by: nil),
            W.issue("4", "D", "2026-11-24T07:00:00+01:00", resolved: "2026-11-24T09:30:00+01:00", by: "Bo"),
            // The next morning's customer, helped already: not one of this morning's.
            W.issue("5", "E", "2026-11-24T08:30:00+01:00", resolved: "2026-11-24T08:50:00+01:00", by: "Bram"),
        ])
        let wall = W.wall(snapshot, at: "2026-11-24T09:00:00+01:00")
        #expect(wall.helpers == [WallHelper(name: "Bo", count: 1), WallHelper(name: "?", count: 1)],
                "resolved later than now does not count yet; Monday's and the next morning's customers neither")
        // The report counts the same customers the same way.
        let report = W.schedule.reportData(of: localDate("2026-11-24"), issues: snapshot.issues, at: instant("2026-11-24T09:00:00+01:00"))
        #expect(report.helpers.map { WallHelper(name: $0.name ?? "?", count: $0.count) } == wall.helpers)
    }
}

@Suite struct WallKeysAndShiftTests {
    @Test func keysNeverDoMoreThanQuitOrRepaint() {
        #expect(WallKeys.intent(.character("q"), quitKey: true) == .quit)
        #expect(WallKeys.intent(.character("q"), quitKey: false) == .ignore)
        #expect(WallKeys.intent(.control("l"), quitKey: false) == .repaint)
        #expect(WallKeys.intent(.resize, quitKey: false) == .resize)
        for key: Key in [.character("r"), .character("t"), .character("n"), .enter, .escape, .up, .control("c")] {
            #expect(WallKeys.intent(key, quitKey: true) == .ignore, "\(key)")
        }
    }

    @Test func shiftFollowsTheClock() {
        let start = instant("2026-11-24T09:00:00+01:00")
        #expect(WallShift.offset(at: start, everyMinutes: 0) == .zero)
        var seen: Set<String> = []
        for minute in stride(from: 0, to: 60, by: 5) {
            let at = start.addingTimeInterval(Double(minute * 60))
            let offset = WallShift.offset(at: at, everyMinutes: 5)
            #expect((0...WallShift.maxX).contains(offset.x) && (0...WallShift.maxY).contains(offset.y))
            #expect(WallShift.offset(at: at.addingTimeInterval(299), everyMinutes: 5) == offset, "steady within a period")
            seen.insert("\(offset.x),\(offset.y)")
        }
        #expect(seen.count == WallShift.loop.count)
        // Before 1970 the step is negative: it still walks the loop backwards, from its end.
        #expect(WallShift.offset(at: Date(timeIntervalSince1970: -1), everyMinutes: 1) == WallShift.loop[WallShift.loop.count - 1])
        #expect(WallShift.offset(at: Date(timeIntervalSince1970: -61), everyMinutes: 1) == WallShift.loop[WallShift.loop.count - 2])
    }

    @Test func ticksLandJustAfterTheSecond() {
        #expect(ScreenLoop.millisecondsToNextSecond(Date(timeIntervalSince1970: 100.25)) == 755)
        #expect(ScreenLoop.millisecondsToNextSecond(Date(timeIntervalSince1970: 100)) == 1005)
    }

    @Test func atClockRunsOn() async throws {
        // Judged against the real time that passed, not a fixed bound: a parallel run on two
        // cores may keep this test waiting for seconds.
        let realStart = Date()
        let clock = WallApp.clock(startingAt: instant("2026-11-24T09:00:00+01:00"))
        let first = clock()
        try await Task.sleep(for: .milliseconds(50))
        let later = clock().timeIntervalSince(first)
        let real = Date().timeIntervalSince(realStart)
        #expect(first.timeIntervalSince(instant("2026-11-24T09:00:00+01:00")) <= real)
        #expect(later > 0.04 && later <= real + 0.001)
    }
}
