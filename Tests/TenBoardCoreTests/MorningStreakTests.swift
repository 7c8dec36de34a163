import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// One customer each morning Mon 16 … Mon 23 Nov 2026, helped at 09:00, except on Wednesday 18
/// (helped at 10:30, late). Tuesday 24 has customers only where a case adds them.
@Suite struct MorningStreakTests {
    static let week: [TenBoardCore.Issue] = ["16", "17", "18", "19", "20", "23"].map { day in
        Morn.issue("n\(day)", "2026-11-\(day)T07:00:00+01:00",
                resolved: "2026-11-\(day)T\(day == "18" ? "10:30" : "09:00"):00+01:00")
    }
    static let tuesdayOpen = Morn.issue("t", "2026-11-24T07:30:00+01:00")

    struct Case: Sendable, CustomTestStringConvertible {
        var why: String
        var at: String
        var issues: [TenBoardCore.Issue]
        var base: StreakBase? = nil
        var streak: Int
        var testDescription: String { why }
    }

    static let cases: [Case] = [
        Case(why: "today quiet (no customers) neither extends nor breaks it", at: "2026-11-24T09:00:00+01:00", issues: week, streak: 3),
        Case(why: "today undecided does not count", at: "2026-11-24T09:00:00+01:00", issues: week + [tuesdayOpen], streak: 3),
        Case(why: "today overdue breaks it", at: "2026-11-24T10:00:01+01:00", issues: week + [tuesdayOpen], streak: 0),
        Case(why: "today at the deadline is not yet overdue", at: "2026-11-24T10:00:00+01:00", issues: week + [tuesdayOpen], streak: 3),
        Case(why: "weekend: Tuesday's customer still waits, carried over Wed–Fri, so every one of them missed",
             at: "2026-11-28T12:00:00+01:00", issues: week + [tuesdayOpen], streak: 0),
        Case(why: "--at Wednesday 09:30: undecided, counts from the oldest issue", at: "2026-11-18T09:30:00+01:00",
             issues: week, streak: 2),
        Case(why: "--at Wednesday 11:00: helped late", at: "2026-11-18T11:00:00+01:00", issues: week, streak: 0),
        Case(why: "--at Thursday: the late help broke it", at: "2026-11-19T09:30:00+01:00", issues: week, streak: 1),
        Case(why: "base continues past its morning", at: "2026-11-18T09:30:00+01:00", issues: week,
             base: StreakBase(through: localDate("2026-11-13"), count: 10), streak: 12),
        Case(why: "a failure after the base stops before it", at: "2026-11-24T09:00:00+01:00", issues: week,
             base: StreakBase(through: localDate("2026-11-13"), count: 10), streak: 3),
        Case(why: "an empty store has no streak", at: "2026-11-24T09:00:00+01:00", issues: [], streak: 0),
        Case(why: "an empty store at the weekend", at: "2026-11-28T12:00:00+01:00", issues: [], streak: 0),
        Case(why: "quiet mornings after the base keep it", at: "2026-11-24T11:00:00+01:00", issues: [],
             base: StreakBase(through: localDate("2026-11-20"), count: 7), streak: 7),
        Case(why: "a quiet Tuesday between met Monday and Wednesday", at: "2026-11-19T07:00:00+01:00",
             issues: [week[0], week[2].withResolved("2026-11-18T09:00:00+01:00")], streak: 2),
    ]

    @Test(arguments: cases)
    func streak(_ c: Case) {
        let got = Morn.amsterdam.streak(at: instant(c.at), issues: c.issues, base: c.base)
        #expect(got == c.streak)
        let status = Morn.amsterdam.status(at: instant(c.at), issues: c.issues, base: c.base)
        #expect(status.streak == c.streak)
    }

    @Test func holidaysAreSkippedNotBroken() {
        // Friday 20 a holiday: its customer counts for Monday 23 and was helped by then.
        let schedule = MorningSchedule(holidays: [localDate("2026-11-20")])
        #expect(schedule.streak(at: instant("2026-11-24T09:00:00+01:00"), issues: Self.week) == 2) // Mon 23, Thu 19
    }

    @Test func yearBoundary() {
        let schedule = MorningSchedule(holidays: [localDate("2027-01-01")])
        let issues = [
            Morn.issue("a", "2026-12-30T07:00:00+01:00", resolved: "2026-12-30T09:00:00+01:00"),
            Morn.issue("b", "2026-12-31T09:00:00+01:00", resolved: "2027-01-04T09:59:00+01:00"), // Monday 4 Jan's
        ]
        // 4 Jan and 30 Dec met; 31 Dec had no customers.
        #expect(schedule.streak(at: instant("2027-01-04T10:00:01+01:00"), issues: issues) == 2)
    }

    @Test func importedHistoryCountsNotTheStoresCreation() {
        // Three met mornings imported: the streak is 3 whatever day the store was made.
        let history = ["16", "17", "18"].map { day in
            Morn.issue("h\(day)", "2025-06-\(day)T07:00:00+02:00", resolved: "2025-06-\(day)T09:00:00+02:00")
        }
        #expect(Morn.amsterdam.streak(at: instant("2025-06-19T07:00:00+02:00"), issues: history) == 3)
        #expect(Morn.amsterdam.reportData(of: localDate("2025-06-18"), issues: history, at: instant("2025-06-18T10:00:00+02:00")).streak == 3)
    }

    @Test func advanceMatchesCountingWithoutBase() {
        let schedule = Morn.amsterdam
        let friday = schedule.advance(nil, through: localDate("2026-11-20"), issues: Self.week)
        #expect(friday == StreakBase(through: localDate("2026-11-20"), count: 2)) // Thu 19, Fri 20
        let monday = schedule.advance(friday, through: localDate("2026-11-23"), issues: Self.week)
        #expect(monday == StreakBase(through: localDate("2026-11-23"), count: 3))
        #expect(schedule.advance(monday, through: localDate("2026-11-20"), issues: []) == monday)
        // With the mornings up to Monday archived, the hot issues are empty and the streak is the same.
        let at = instant("2026-11-24T09:00:00+01:00")
        #expect(schedule.streak(at: at, issues: [], base: monday) == schedule.streak(at: at, issues: Self.week))
    }

    @Test func advanceOverQuietAndCarriedOverMornings() {
        let base = StreakBase(through: localDate("2026-11-09"), count: 5)
        #expect(Morn.amsterdam.advance(base, through: localDate("2026-11-13"), issues: []).count == 5)
        // Open since Wednesday 11: carried over to Thursday and Friday, every one missed.
        let open = Morn.issue("o", "2026-11-11T07:00:00+01:00")
        #expect(Morn.amsterdam.advance(base, through: localDate("2026-11-13"), issues: [open]).count == 0)
        // An open issue from before the base still counts for the mornings after it.
        let older = Morn.issue("p", "2026-11-02T07:00:00+01:00")
        #expect(Morn.amsterdam.advance(base, through: localDate("2026-11-13"), issues: [older]).count == 0)
    }
}

extension TenBoardCore.Issue {
    func withResolved(_ time: String) -> TenBoardCore.Issue {
        var copy = self
        copy.resolvedAt = Timestamp(rfc3339: time)
        return copy
    }
}
