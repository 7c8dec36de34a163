import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// The wall and the board build their state once per store read and minute and count on each
/// second from it (`retimed`): for every second of a minute that must be what building the state
/// anew gives, through every state of a morning and between mornings.
@Suite struct RetimeTests {
    /// Minutes around every boundary of the busy Tuesday and the weekend after it; the last has a
    /// warning that starts 30 s into a minute (`warningSeconds` 1770), so a state changes inside it.
    static let minutes = [
        "2026-11-24T07:59", "2026-11-24T08:00", "2026-11-24T09:12", "2026-11-24T09:29", "2026-11-24T09:30",
        "2026-11-24T09:59", "2026-11-24T10:00", "2026-11-24T10:12", "2026-11-24T23:59", "2026-11-25T00:00",
        "2026-11-28T12:00",
    ]
    static let seconds: [Double] = [0.004, 1.005, 17.5, 29.999, 30.0, 30.5, 59.995]

    static func minuteStart(_ minute: String) -> Date { instant(minute + ":00+01:00") }

    static var closed: StoreSnapshot {
        var snapshot = W.busy
        snapshot.issues = snapshot.issues.map { issue in
            var issue = issue
            if issue.isOpen { issue.status = .resolved; issue.resolvedAt = Timestamp(rfc3339: "2026-11-24T09:50:00+01:00"); issue.resolvedBy = "Sanne" }
            return issue
        }
        return snapshot
    }

    @Test(arguments: [MorningSchedule(), MorningSchedule(warningSeconds: 1770)])
    func theWallCountedOnIsTheWallMadeAnew(schedule: MorningSchedule) {
        for snapshot in [W.busy, Self.closed, StoreSnapshot()] {
            for minute in Self.minutes {
                let start = Self.minuteStart(minute)
                let made = WallState.make(snapshot: snapshot, schedule: schedule, at: start.addingTimeInterval(Self.seconds[0]), language: .en)
                var counted = 0
                for second in Self.seconds.dropFirst() {
                    let at = start.addingTimeInterval(second)
                    let anew = WallState.make(snapshot: snapshot, schedule: schedule, at: at, language: .en)
                    if let retimed = made.retimed(to: at, schedule: schedule) {
                        #expect(retimed == anew, "\(minute) +\(second) s")
                        counted += 1
                    } else {
                        // Refused only where the screen changes within the minute.
                        #expect(anew.mode != made.mode, "\(minute) +\(second) s")
                    }
                }
                #expect(counted == Self.seconds.count - 1, "\(minute): counted on every second")
            }
        }
    }

    @Test func aScreenThatChangesIsMadeAnew() {
        // Everyone helped: "all helped" until 10:00, then the result and the next deadline.
        let made = WallState.make(snapshot: Self.closed, schedule: W.schedule, at: instant("2026-11-24T09:59:59+01:00"), language: .en)
        #expect(made.mode == .allHelped)
        #expect(made.retimed(to: instant("2026-11-24T10:00:01+01:00"), schedule: W.schedule) == nil)
    }

    @Test func theCountdownAndTheWaitingTimesMove() throws {
        let made = W.wall(at: "2026-11-24T09:12:00+01:00")
        let later = try #require(made.retimed(to: instant("2026-11-24T09:12:41+01:00"), schedule: W.schedule))
        #expect(later.secondsLeft == made.secondsLeft - 41)
        #expect(zip(made.customers, later.customers).allSatisfy { $1.waitingSeconds == $0.waitingSeconds + 41 })
        #expect(later.status.at == instant("2026-11-24T09:12:41+01:00"))
    }

    @Test(arguments: [MorningSchedule(), MorningSchedule(warningSeconds: 1770)])
    func theBoardHeaderCountedOnIsTheHeaderBuiltAnew(schedule: MorningSchedule) {
        let data = BoardData(issues: W.busy.issues, tally: W.busy.tally)
        for minute in Self.minutes {
            let start = Self.minuteStart(minute)
            let (made, rows) = BoardStateBuilder.build(data, schedule: schedule, now: start.addingTimeInterval(Self.seconds[0]))
            for second in Self.seconds.dropFirst() {
                let at = start.addingTimeInterval(second)
                let (anew, anewRows) = BoardStateBuilder.build(data, schedule: schedule, now: at)
                #expect(made.retimed(to: at, schedule: schedule) == anew, "\(minute) +\(second) s")
                #expect(rows == anewRows, "\(minute) +\(second) s")
            }
        }
    }
}

/// Over a whole week, every 7 min 13 s, the wall and the board header as the screens keep them
/// (built again only when `RebuildKey` says so, counted on otherwise) are what building anew gives.
@Suite struct RebuildKeyTests {
    static let stores: [(String, StoreSnapshot)] = {
        var people = W.busy
        people.tallyMarks = [TallyMark(day: localDate("2026-11-24"), who: "Sanne", by: "lisa", at: Timestamp(rfc3339: "2026-11-24T09:20:00+01:00")!)]
        people.praise = [Praise(who: "Sanne", customer: "Hotel De Kroon", text: "Snel!", at: Timestamp(rfc3339: "2026-11-24T11:03:00+01:00")!,
                                day: localDate("2026-11-24"), recordedBy: "lisa")]
        return [("busy", W.busy), ("closed", RetimeTests.closed), ("people", people), ("empty", StoreSnapshot())]
    }()

    static func week(_ body: (Date) -> Void) -> Int {
        var at = instant("2026-11-23T00:00:00+01:00").addingTimeInterval(17.3)
        var asked = 0
        while at < instant("2026-11-30T12:00:00+01:00") {
            body(at)
            asked += 1
            at = at.addingTimeInterval(7 * 60 + 13)
        }
        return asked
    }

    @Test func theWallKeptIsTheWallMadeAnew() {
        for (name, snapshot) in Self.stores {
            let feed = WallFeed(schedule: W.schedule, language: .en)
            let latest = RebuildKey.latestInstant(snapshot.issues, tally: snapshot.tallyMarks, praise: snapshot.praise)
            var aheadOfTheStore = 0
            let asked = Self.week { at in
                let kept = feed.state(snapshot, generation: 1, at: at)
                let anew = WallState.make(snapshot: snapshot, schedule: W.schedule, at: at, language: .en)
                #expect(kept == anew, "\(name) at \(at)")
                if at < latest { aheadOfTheStore += 1 }
            }
            // Every minute while something lies ahead; after that, at most three times a day
            // (midnight, cut-off, deadline) over the eight days, and once for the state that changes screen.
            #expect(feed.builds <= aheadOfTheStore + 3 * 8 + 8, "\(name): built \(feed.builds) times of \(asked)")
        }
    }

    @Test func aNewReadIsBuiltAnew() {
        let feed = WallFeed(schedule: W.schedule, language: .en)
        let at = instant("2026-11-25T12:00:00+01:00")
        _ = feed.state(W.busy, generation: 1, at: at)
        let after = feed.state(RetimeTests.closed, generation: 2, at: at.addingTimeInterval(1))
        #expect(after == WallState.make(snapshot: RetimeTests.closed, schedule: W.schedule, at: at.addingTimeInterval(1), language: .en))
        #expect(feed.builds == 2)
    }

    @Test func theBoardHeaderKeptIsTheHeaderBuiltAnew() {
        for (name, snapshot) in Self.stores {
            let data = BoardData(issues: snapshot.issues, tally: snapshot.tallyBook.totals, tallyMarks: snapshot.tallyMarks)
            var rebuild = RebuildKey()
            var built: (key: [Int], header: BoardHeader, rows: [BoardRow])?
            _ = Self.week { at in
                let key = rebuild.key(generation: 1, issues: data.issues, tally: data.tallyMarks, schedule: W.schedule, at: at)
                if built?.key != key {
                    let (header, rows) = BoardStateBuilder.build(data, schedule: W.schedule, now: at)
                    built = (key, header, rows)
                }
                let (anew, rows) = BoardStateBuilder.build(data, schedule: W.schedule, now: at)
                #expect(built!.header.retimed(to: at, schedule: W.schedule) == anew, "\(name) at \(at)")
                #expect(built!.rows == rows, "\(name) at \(at)")
            }
        }
    }
}
