import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// The morning of Tuesday 24 Nov 2026 in Amsterdam: scope (Mon 08:00, Tue 08:00] plus those carried
/// over (still waiting at Tuesday's cut-off), deadline 10:00.
@Suite struct MorningAccountTests {
    static let issues = [
        Morn.issue("a", "2026-11-23T07:59:00+01:00"), // Monday's, still open
        Morn.issue("b", "2026-11-23T08:00:01+01:00", resolved: "2026-11-24T09:59:59+01:00"),
        Morn.issue("c", "2026-11-24T08:00:00+01:00", resolved: "2026-11-24T10:00:00+01:00"), // at the deadline
        Morn.issue("d", "2026-11-24T07:00:00+01:00", resolved: "2026-11-24T10:00:01+01:00"),
        Morn.issue("e", "2026-11-24T06:00:00+01:00"),
        Morn.issue("f", "2026-11-24T08:00:01+01:00"), // Wednesday's
        Morn.issue("g", "2026-11-24T08:30:00+01:00", resolved: "2026-11-24T08:45:00+01:00"),
        Morn.issue("h", "2026-11-23T10:00:00+01:00", resolved: "2026-11-23T09:00:00+01:00"), // data error
    ]

    struct Expected: Sendable, CustomTestStringConvertible {
        var at: String
        var inScope, helped, helpedLate, waiting, next, carried: [String]
        var testDescription: String { at }
    }

    @Test(arguments: [
        // Monday's a still waits at Tuesday's cut-off: carried over, it counts for Tuesday too.
        Expected(at: "2026-11-24T11:00:00+01:00", inScope: ["a", "b", "h", "e", "d", "c"], helped: ["b", "h", "c"],
                 helpedLate: ["d"], waiting: ["a", "e"], next: ["f"], carried: ["a"]),
        // `--at` 09:30: b, c and d are not resolved yet; g came and went.
        Expected(at: "2026-11-24T09:30:00+01:00", inScope: ["a", "b", "h", "e", "d", "c"], helped: ["h"],
                 helpedLate: [], waiting: ["a", "b", "e", "d", "c"], next: ["f"], carried: ["a"]),
        // `--at` 07:30: c, f and g were not received yet.
        Expected(at: "2026-11-24T07:30:00+01:00", inScope: ["a", "b", "h", "e", "d"], helped: ["h"],
                 helpedLate: [], waiting: ["a", "b", "e", "d"], next: [], carried: ["a"]),
        // Before anything of Tuesday arrived, only Monday's open issue exists, waiting into Tuesday.
        Expected(at: "2026-11-23T08:00:00+01:00", inScope: ["a"], helped: [],
                 helpedLate: [], waiting: ["a"], next: [], carried: ["a"]),
    ])
    func accountAt(_ x: Expected) {
        let account = Morn.amsterdam.account(of: localDate("2026-11-24"), issues: Self.issues, at: instant(x.at))
        #expect(Morn.ids(account.inScope) == x.inScope)
        #expect(Morn.ids(account.helped) == x.helped)
        #expect(Morn.ids(account.helpedLate) == x.helpedLate)
        #expect(Morn.ids(account.waiting) == x.waiting)
        #expect(Morn.ids(account.nextMorning) == x.next)
        #expect(Morn.ids(account.carriedOver) == x.carried)
        #expect(account.inScope.count == account.helped.count + account.helpedLate.count + account.waiting.count)
        for id in x.carried { #expect(account.missedMorning[id] == localDate("2026-11-23")) }
        #expect(account.deadline == instant("2026-11-24T09:00:00Z"))
    }

    @Test func emptyIssueList() {
        let account = Morn.amsterdam.account(of: localDate("2026-11-24"), issues: [], at: instant("2026-11-24T09:00:00+01:00"))
        #expect(account.inScope.isEmpty && account.waiting.isEmpty && account.nextMorning.isEmpty)
        #expect(account.verdict == .quiet)
    }

    @Test func dayWithoutMorningHasNoScope() {
        let issues = [Morn.issue("s", "2026-11-28T12:00:00+01:00")]
        let account = Morn.amsterdam.account(of: localDate("2026-11-28"), issues: issues, at: instant("2026-11-28T13:00:00+01:00"))
        #expect(account.inScope.isEmpty)
        #expect(Morn.ids(account.nextMorning) == ["s"])
    }

    @Test func resolvedBeforeReceivedIsReportedAndCountsAsHelped() {
        #expect(Morn.ids(MorningCheck.resolvedBeforeReceived(Self.issues)) == ["h"])
        #expect(MorningCheck.resolvedBeforeReceived([]).isEmpty)
    }

    @Test(arguments: [
        ("2026-11-24", MorningVerdict.missed), // d helped late, a and e still open
        ("2026-11-23", .missed), // a still open
        ("2026-11-25", .missed), // f still open, a and e carried over
        ("2026-11-26", .missed), // nobody new, but a, e and f still wait: carried over, not met
        ("2026-11-28", .quiet), // no morning, empty scope
    ])
    func verdict(day: String, verdict: MorningVerdict) {
        #expect(Morn.amsterdam.verdict(of: localDate(day), issues: Self.issues) == verdict)
    }

    @Test func metWhenEveryoneHelpedInTime() {
        let issues = [
            Morn.issue("x", "2026-11-24T07:00:00+01:00", resolved: "2026-11-24T10:00:00+01:00"),
            Morn.issue("y", "2026-11-24T08:00:01+01:00"), // Wednesday's: does not spoil Tuesday
        ]
        #expect(Morn.amsterdam.verdict(of: localDate("2026-11-24"), issues: issues) == .met)
        #expect(Morn.amsterdam.verdict(of: localDate("2026-11-26"), issues: [issues[0]]) == .quiet)
    }

    @Test func aCarriedOverCustomerCountsUntilHelped() {
        // Friday's customer waits over the weekend and is helped Monday 09:30.
        let issues = [Morn.issue("fri", "2026-11-20T07:00:00+01:00", resolved: "2026-11-23T09:30:00+01:00")]
        let monday = Morn.amsterdam.account(of: localDate("2026-11-23"), issues: issues, at: instant("2026-11-23T09:00:00+01:00"))
        #expect(Morn.ids(monday.waiting) == ["fri"] && Morn.ids(monday.carriedOver) == ["fri"])
        #expect(monday.missedMorning["fri"] == localDate("2026-11-20"))
        #expect(Morn.amsterdam.verdict(of: localDate("2026-11-20"), issues: issues) == .missed)
        #expect(Morn.amsterdam.verdict(of: localDate("2026-11-23"), issues: issues) == .met)
        // Helped before Monday's cut-off: late for Friday, no part of Monday.
        let early = [Morn.issue("fri", "2026-11-20T07:00:00+01:00", resolved: "2026-11-23T07:30:00+01:00")]
        #expect(Morn.amsterdam.verdict(of: localDate("2026-11-23"), issues: early) == .quiet)
        let friday = Morn.amsterdam.account(of: localDate("2026-11-20"), issues: early, at: .distantFuture)
        #expect(Morn.ids(friday.helpedLate) == ["fri"])
    }

    @Test func aWithdrawnIssueLeavesEveryCount() {
        var spam = Morn.issue("spam", "2026-11-24T07:00:00+01:00")
        spam.status = .withdrawn
        let account = Morn.amsterdam.account(of: localDate("2026-11-24"), issues: [spam], at: instant("2026-11-24T11:00:00+01:00"))
        #expect(account.inScope.isEmpty && account.waiting.isEmpty)
        #expect(Morn.ids(account.withdrawn) == ["spam"])
        #expect(account.verdict == .quiet)
        #expect(Morn.amsterdam.status(at: instant("2026-11-25T09:00:00+01:00"), issues: [spam]).waiting == 0)
    }
}
