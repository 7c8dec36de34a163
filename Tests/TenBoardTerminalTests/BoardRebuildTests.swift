import Foundation
import Testing
@testable import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// What the board's rebuild after a change reads in place instead of copying: the history's rows
/// counted from positions (`MorningSchedule.count`), the account sorted by position, the helped
/// rows sorted by position. Each must give what the one definition gives: the morning's account.
@Suite struct BoardRebuildTests {
    static let schedule = MorningSchedule(timeZone: TimeZone(identifier: "Europe/Amsterdam")!)

    /// A store of `count` issues over the two weeks before Thursday 3 Dec 2026 15:35, by a seed:
    /// open, helped (in time, late, days later), withdrawn; some received on a weekend, some after
    /// the instant (not there yet), some helped after it (still waiting then).
    static func store(seed: UInt64, count: Int) -> (issues: [TenBoardCore.Issue], at: Date) {
        var random = SeededRandom(seed: seed)
        let at = instant("2026-12-03T15:35:00+01:00")
        let first = instant("2026-11-19T00:00:00+01:00")
        var issues: [TenBoardCore.Issue] = []
        for n in 0..<count {
            // Some share an instant, so the order by id is tried too.
            let minutes = random.chance(10) ? 60 * 24 * 13 + 7 * 60 : random.below(60 * 24 * 15)
            let received = first.addingTimeInterval(Double(minutes * 60))
            var issue = TenBoardCore.Issue(id: "i\(random.below(count * 3))-\(n)", customer: "Klant \(n)", summary: "vraag \(n)",
                                           receivedAt: Timestamp(received, in: schedule.timeZone))
            switch random.below(10) {
            case 0...3: break
            case 4: issue.status = .withdrawn; issue.withdrawnAt = Timestamp(received.addingTimeInterval(600), in: schedule.timeZone)
            default:
                issue.status = .resolved
                let minutesLater: [Int] = [5, 90, 150, 600, 1560, 4320]  // up to three days later
                let after = Double(random.pick(minutesLater) * 60)
                issue.resolvedAt = Timestamp(received.addingTimeInterval(after), in: schedule.timeZone)
                issue.resolvedBy = random.pick(["Sanne", "Pieter"])
            }
            issues.append(issue)
        }
        return (issues, at)
    }

    static let seeds: [UInt64] = [1, 2, 3, 17, 2026]

    /// Each row of the history (counted from the positions grouped per morning) has the numbers
    /// of that morning's account of the whole store, at the same instant: the counts of the
    /// history and the lists of the account are one definition.
    @Test(arguments: seeds)
    func theHistoryCountsWhatTheAccountLists(seed: UInt64) {
        let (issues, at) = Self.store(seed: seed, count: 400)
        for instant in [at, at.addingTimeInterval(-86_400 * 2 - 3600 * 6), at.addingTimeInterval(86_400 * 6)] {
            let rows = Self.schedule.history(of: issues, at: instant).rows
            #expect(rows.count >= 8, "seed \(seed): \(rows.count) mornings")
            for row in rows {
                var anew = MorningRow(account: Self.schedule.account(of: row.morning, issues: issues, at: instant), streak: 0, tally: nil)
                anew.streak = row.streak
                #expect(row == anew, "seed \(seed), \(row.morning) at \(instant)")
            }
        }
    }

    /// The account sorted by position lists each fate's issues by receipt, then id, as before.
    @Test(arguments: seeds)
    func theAccountListsInReceiptOrder(seed: UInt64) {
        let (issues, at) = Self.store(seed: seed, count: 400)
        let account = Self.schedule.account(of: Self.schedule.localDate(of: at), issues: issues, at: at)
        #expect(account.inScope.count > 20 && !account.carriedOver.isEmpty && !account.nextMorning.isEmpty,
                "seed \(seed): a store that tries every list")
        for (name, list) in [("inScope", account.inScope), ("helped", account.helped), ("helpedLate", account.helpedLate),
                             ("waiting", account.waiting), ("carriedOver", account.carriedOver),
                             ("nextMorning", account.nextMorning), ("withdrawn", account.withdrawn)] {
            let expected = issues.filter { issue in list.contains { $0.id == issue.id } }
                .sorted { ($0.receivedAt.date, $0.id) < ($1.receivedAt.date, $1.id) }
            #expect(list.map(\.id) == expected.map(\.id), "seed \(seed): \(name)")
        }
        #expect(account.inScope.count == account.helped.count + account.helpedLate.count + account.waiting.count)
    }

    /// The board's helped rows are the account's helped and helped late, newest first (the id
    /// deciding between equal instants), each with its fate.
    @Test(arguments: seeds)
    func theHelpedRowsAreNewestFirst(seed: UInt64) {
        let (issues, at) = Self.store(seed: seed, count: 400)
        let account = Self.schedule.account(of: Self.schedule.localDate(of: at), issues: issues, at: at)
        let (_, rows) = BoardStateBuilder.build(BoardData(issues: issues), schedule: Self.schedule, now: at)
        let helped = rows.filter { $0.group == .helped }
        #expect(helped.count == account.helped.count + account.helpedLate.count, "seed \(seed)")
        #expect(helped.count > 5, "seed \(seed): a store with helped customers")
        for (a, b) in zip(helped, helped.dropFirst()) {
            let x = a.issue.resolvedAt!.date, y = b.issue.resolvedAt!.date
            #expect(x > y || (x == y && a.issue.id > b.issue.id), "seed \(seed): \(a.issue.id) before \(b.issue.id)")
        }
        for row in helped {
            #expect(row.fate == account.fate(of: row.issue), "seed \(seed): \(row.issue.id)")
        }
    }

    /// A summary without a line feed is its own line (no split and join per row drawn); with one,
    /// each break (LF or CR LF) becomes a space and empty lines go, as before.
    @Test(arguments: [
        ("Sleutelvraag-001x", "Sleutelvraag-001x"), ("", ""), ("a\rb", "a\rb"), ("a\nb\r\nc", "a b c"),
        ("\n\na\n", "a"), ("één\ntwee", "één twee"),
    ])
    func aSummaryInOneLine(text: String, line: String) {
        #expect(Columns.oneLine(text) == line)
    }
}
