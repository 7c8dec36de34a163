import Foundation
import Testing
@testable import TenBoardCore

/// The morning of Tuesday 24 Nov 2026 in Amsterdam: scope (Mon 08:00, Tue 08:00], deadline 10:00.
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
        var inScope, helped, helpedLate, waiting, next, earlier: [String]
        var testDescription: String { at }
    }

    @Test(arguments: [
        Expected(at: "2026-11-24T11:00:00+01:00", inScope: ["b", "h", "e", "d", "c"], helped: ["b", "h", "c"],
                 helpedLate: ["d"], waiting: ["e"], next: ["f"], earlier: ["a"]),
        // `--at` 09:30: b, c and d are not resolved yet; g came and went.
        Expected(at: "2026-11-24T09:30:00+01:00", inScope: ["b", "h", "e", "d", "c"], helped: ["h"],
                 helpedLate: [], waiting: ["b", "e", "d", "c"], next: ["f"], earlier: ["a"]),
        // `--at` 07:30: c, f and g were not received yet.
        Expected(at: "2026-11-24T07:30:00+01:00", inScope: ["b", "h", "e", "d"], helped: ["h"],
                 helpedLate: [], waiting: ["b", "e", "d"], next: [], earlier: ["a"]),
        // Before anything of Tuesday arrived, only Monday's open issue exists.
        Expected(at: "2026-11-23T08:00:00+01:00", inScope: [], helped: [],
                 helpedLate: [], waiting: [], next: [], earlier: ["a"]),
    ])
    func accountAt(_ x: Expected) {
        let account = Morn.amsterdam.account(of: Morn.d("2026-11-24"), issues: Self.issues, at: Morn.t(x.at))
        #expect(Morn.ids(account.inScope) == x.inScope)
        #expect(Morn.ids(account.helped) == x.helped)
        #expect(Morn.ids(account.helpedLate) == x.helpedLate)
        #expect(Morn.ids(account.waiting) == x.waiting)
        #expect(Morn.ids(account.nextMorning) == x.next)
        #expect(Morn.ids(account.earlier) == x.earlier)
        #expect(account.deadline == Morn.t("2026-11-24T09:00:00Z"))
    }

    @Test func emptyIssueList() {
        let account = Morn.amsterdam.account(of: Morn.d("2026-11-24"), issues: [], at: Morn.t("2026-11-24T09:00:00+01:00"))
        #expect(account.inScope.isEmpty && account.waiting.isEmpty && account.nextMorning.isEmpty)
        #expect(account.outcome == true)
    }

    @Test func dayWithoutMorningHasNoScope() {
        let issues = [Morn.issue("s", "2026-11-28T12:00:00+01:00")]
        let account = Morn.amsterdam.account(of: Morn.d("2026-11-28"), issues: issues, at: Morn.t("2026-11-28T13:00:00+01:00"))
        #expect(account.inScope.isEmpty)
        #expect(Morn.ids(account.nextMorning) == ["s"])
    }

    @Test func resolvedBeforeReceivedIsReportedAndCountsAsHelped() {
        #expect(Morn.ids(MorningCheck.resolvedBeforeReceived(Self.issues)) == ["h"])
        #expect(MorningCheck.resolvedBeforeReceived([]).isEmpty)
    }

    @Test(arguments: [
        ("2026-11-24", false), // d helped late, e still open
        ("2026-11-23", false), // a still open
        ("2026-11-25", false), // f still open
        ("2026-11-26", true), // nobody: met
        ("2026-11-28", true), // no morning, empty scope
    ])
    func outcome(day: String, met: Bool) {
        #expect(Morn.amsterdam.outcome(of: Morn.d(day), issues: Self.issues) == met)
    }

    @Test func outcomeMetWhenEveryoneHelpedInTime() {
        let issues = [
            Morn.issue("x", "2026-11-24T07:00:00+01:00", resolved: "2026-11-24T10:00:00+01:00"),
            Morn.issue("y", "2026-11-24T08:00:01+01:00"), // Wednesday's: does not spoil Tuesday
        ]
        #expect(Morn.amsterdam.outcome(of: Morn.d("2026-11-24"), issues: issues))
    }
}
