import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// States at the edges of Tuesday 24 Nov 2026 (deadline 10:00 CET = 09:00Z, warning 30 minutes).
@Suite struct MorningStatusTests {
    static let open = Morn.issue("o", "2026-11-24T07:00:00+01:00")
    static let inTime = Morn.issue("r", "2026-11-24T07:00:00+01:00", resolved: "2026-11-24T09:10:00+01:00")
    static let late = Morn.issue("l", "2026-11-24T07:00:00+01:00", resolved: "2026-11-24T10:30:00+01:00")

    struct Case: Sendable, CustomTestStringConvertible {
        var issues: [TenBoardCore.Issue]
        var at: String
        var state: MorningState
        var secondsLeft: Int
        var morning = "2026-11-24"
        var holidays: [String] = []
        var testDescription: String { "\(state) at \(at)" }
    }

    static let cases: [Case] = [
        Case(issues: [open], at: "2026-11-24T09:00:00+01:00", state: .waiting, secondsLeft: 3600),
        Case(issues: [open], at: "2026-11-24T09:29:59+01:00", state: .waiting, secondsLeft: 1801),
        Case(issues: [open], at: "2026-11-24T09:30:00+01:00", state: .warning, secondsLeft: 1800),
        Case(issues: [open], at: "2026-11-24T10:00:00+01:00", state: .warning, secondsLeft: 0),
        Case(issues: [open], at: "2026-11-24T10:00:01+01:00", state: .overdue, secondsLeft: -1),
        Case(issues: [open], at: "2026-11-24T23:59:59+01:00", state: .overdue, secondsLeft: -50399),
        Case(issues: [inTime], at: "2026-11-24T09:05:00+01:00", state: .waiting, secondsLeft: 3300),
        Case(issues: [inTime], at: "2026-11-24T09:15:00+01:00", state: .done, secondsLeft: 2700),
        Case(issues: [inTime], at: "2026-11-24T10:00:01+01:00", state: .closed, secondsLeft: -1),
        Case(issues: [late], at: "2026-11-24T10:15:00+01:00", state: .overdue, secondsLeft: -900),
        Case(issues: [late], at: "2026-11-24T11:00:00+01:00", state: .closed, secondsLeft: -3600),
        // No customers at all: quiet, neither done nor closed.
        Case(issues: [], at: "2026-11-24T09:00:00+01:00", state: .quiet, secondsLeft: 3600),
        Case(issues: [], at: "2026-11-24T11:00:00+01:00", state: .quiet, secondsLeft: -3600),
        // Weekend: the next deadline, Monday 10:00; Tuesday's open customer is carried over to it.
        Case(issues: [open], at: "2026-11-28T12:00:00+01:00", state: .none, secondsLeft: 165_600, morning: "2026-11-30"),
        Case(issues: [], at: "2026-11-29T23:59:59+01:00", state: .none, secondsLeft: 36001, morning: "2026-11-30"),
        // Holiday Monday: Tuesday's deadline, 25 hours on.
        Case(issues: [], at: "2026-11-30T09:00:00+01:00", state: .none, secondsLeft: 90000, morning: "2026-12-01",
             holidays: ["2026-11-30"]),
        // The Monday after summer time starts: 10:00 CEST is 08:00Z.
        Case(issues: [Morn.issue("s", "2026-03-30T07:00:00+02:00")], at: "2026-03-30T07:00:00Z", state: .waiting,
             secondsLeft: 3600, morning: "2026-03-30"),
        Case(issues: [Morn.issue("s", "2026-03-30T07:00:00+02:00")], at: "2026-03-30T07:30:00Z", state: .warning,
             secondsLeft: 1800, morning: "2026-03-30"),
        // The Monday after it ends: 10:00 CET is 09:00Z.
        Case(issues: [Morn.issue("w", "2026-10-26T07:00:00+01:00")], at: "2026-10-26T08:00:00Z", state: .waiting,
             secondsLeft: 3600, morning: "2026-10-26"),
        Case(issues: [Morn.issue("w", "2026-10-26T07:00:00+01:00")], at: "2026-10-26T09:00:01Z", state: .overdue,
             secondsLeft: -1, morning: "2026-10-26"),
    ]

    @Test(arguments: cases)
    func state(_ c: Case) {
        let schedule = MorningSchedule(holidays: Set(c.holidays.map(localDate)))
        let status = schedule.status(at: instant(c.at), issues: c.issues)
        #expect(status.state == c.state)
        #expect(status.secondsLeft == c.secondsLeft)
        #expect(status.morning == localDate(c.morning))
    }

    @Test func theCasesCoverEveryState() {
        #expect(Set(Self.cases.map(\.state)) == Set(MorningState.allCases))
    }

    @Test func carriedOverCustomersCountEverywhere() {
        // Friday's two customers still wait on Monday at 09:00; nobody new came.
        let friday = [Morn.issue("f1", "2026-11-27T07:00:00+01:00"), Morn.issue("f2", "2026-11-27T16:00:00+01:00")]
        let status = Morn.amsterdam.status(at: instant("2026-11-30T09:00:00+01:00"), issues: friday)
        #expect(status.state == .waiting)
        #expect((status.inScope, status.waiting, status.carriedOver, status.streak) == (2, 2, 1, 0))
        #expect(Words(.en).statusLine(status) == "2 customers waiting (1 carried over) · 1:00:00 to 10:00")
        #expect(Words(.nl).statusLine(status) == "2 klanten wachten (1 van eerder) · 1:00:00 tot 10:00")
    }

    @Test func noPaceInTheLastMinutesOnlyHowManyToGo() {
        let seven = (1...7).map { Morn.issue("w\($0)", "2026-11-24T07:0\($0):00+01:00") }
        let late = Morn.amsterdam.status(at: instant("2026-11-24T09:59:50+01:00"), issues: seven)
        #expect(late.paceNeeded == nil)
        #expect(Words(.en).toGo(late.waiting) == "7 to go")
        let earlier = Morn.amsterdam.status(at: instant("2026-11-24T09:50:00+01:00"), issues: seven)
        #expect(earlier.paceNeeded == 42.0)
    }

    @Test func fractionalSecondsRoundAwayFromTheDeadline() {
        let before = Morn.amsterdam.status(at: instant("2026-11-24T09:59:59.500+01:00"), issues: [Self.open])
        let after = Morn.amsterdam.status(at: instant("2026-11-24T10:00:00.500+01:00"), issues: [Self.open])
        #expect((before.state, before.secondsLeft) == (.warning, 1))
        #expect((after.state, after.secondsLeft) == (.overdue, -1))
    }

    @Test func otherZoneIgnoresTheMachine() {
        let tokyo = MorningSchedule(timeZone: Morn.zone("Asia/Tokyo"))
        // 00:30Z on Tuesday is 09:30 JST: thirty minutes left, though it is 23:30 Monday in Amsterdam.
        let status = tokyo.status(at: instant("2026-11-24T00:30:00Z"), issues: [Morn.issue("t", "2026-11-24T07:00:00+09:00")])
        #expect(status.morning == localDate("2026-11-24"))
        #expect(status.state == .warning)
        #expect(status.secondsLeft == 1800)
        #expect(status.json == .object([
            "morning": .string("2026-11-24"), "deadline": .string("2026-11-24T10:00:00+09:00"),
            "secondsLeft": .int(1800), "state": .string("warning"), "inScope": .int(1), "helped": .int(0),
            "helpedLate": .int(0), "waiting": .int(1), "carriedOver": .int(0), "nextMorning": .int(0), "streak": .int(0),
        ]))
    }

    @Test func paceNeededAndProjectedFinish() {
        let issues = (1...4).map { Morn.issue("w\($0)", "2026-11-24T07:0\($0):00+01:00") } + [
            Morn.issue("h1", "2026-11-24T06:00:00+01:00", resolved: "2026-11-24T08:30:00+01:00"),
            Morn.issue("h2", "2026-11-24T06:00:00+01:00", resolved: "2026-11-24T08:45:00+01:00"),
            Morn.issue("h0", "2026-11-24T06:00:00+01:00", resolved: "2026-11-24T07:30:00+01:00"), // outside the hour
            Morn.issue("x", "2026-11-23T06:00:00+01:00", resolved: "2026-11-24T07:50:00+01:00"), // Monday's, helped before the cut-off
        ]
        let status = Morn.amsterdam.status(at: instant("2026-11-24T09:00:00+01:00"), issues: issues)
        #expect(status.waiting == 4)
        #expect(status.paceNeeded == 4.0)
        #expect(status.currentPace == 2.0)
        #expect(status.projectedFinish == instant("2026-11-24T11:00:00+01:00"))
        #expect(Words(.en).paceNeeded(status.paceNeeded!) == "4.0 customers an hour needed")
        #expect(Words(.nl).paceNeeded(4.01) == "4,1 klanten per uur nodig")
    }

    @Test func paceIsNilWhenNotMeaningful() {
        let noneYet = Morn.amsterdam.status(at: instant("2026-11-24T09:00:00+01:00"), issues: [Self.open])
        #expect(noneYet.paceNeeded == 1.0)
        #expect(noneYet.currentPace == 0)
        #expect(noneYet.projectedFinish == nil)
        let overdue = Morn.amsterdam.status(at: instant("2026-11-24T10:30:00+01:00"), issues: [Self.open])
        #expect(overdue.paceNeeded == nil)
        let done = Morn.amsterdam.status(at: instant("2026-11-24T09:30:00+01:00"), issues: [Self.inTime])
        #expect(done.paceNeeded == nil && done.projectedFinish == nil)
        let weekend = Morn.amsterdam.status(at: instant("2026-11-28T09:30:00+01:00"), issues: [Morn.issue("s", "2026-11-28T08:00:00+01:00")])
        #expect(weekend.waiting == 1)
        #expect(weekend.paceNeeded == nil && weekend.currentPace == nil)
    }

    @Test func jsonHasExactlyTheElevenKeys() throws {
        let issues = [
            Self.open, Self.inTime, Self.late,
            Morn.issue("m", "2026-11-23T07:00:00+01:00"), // Monday's, still waiting: carried over
            Morn.issue("n", "2026-11-24T08:30:00+01:00"), // Wednesday's
        ]
        let status = Morn.amsterdam.status(at: instant("2026-11-24T10:45:00+01:00"), issues: issues)
        #expect(status.json == .object([
            "morning": .string("2026-11-24"), "deadline": .string("2026-11-24T10:00:00+01:00"),
            "secondsLeft": .int(-2700), "state": .string("overdue"), "inScope": .int(4), "helped": .int(1),
            "helpedLate": .int(1), "waiting": .int(2), "carriedOver": .int(1), "nextMorning": .int(1), "streak": .int(0),
        ]))
        let summer = Morn.amsterdam.status(at: instant("2026-03-30T07:00:00Z"), issues: [])
        guard case .object(let fields) = summer.json else { Testing.Issue.record("not an object"); return }
        #expect(fields["deadline"] == .string("2026-03-30T10:00:00+02:00"))
    }
}
