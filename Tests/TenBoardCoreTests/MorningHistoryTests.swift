import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// The history's rows: every morning's numbers are those of its own account, and the streak
/// column is what the streak said after that morning.
@Suite("Morning history")
struct MorningHistoryTests {
    /// One customer each morning Mon 16 … Mon 23 Nov 2026, helped at 09:00, except Wednesday 18
    /// (helped 10:30, late). Amsterdam, Mon–Fri, cut-off 08:00, deadline 10:00.
    static let week: [TenBoardCore.Issue] = ["16", "17", "18", "19", "20", "23"].map { day in
        Morn.issue("n\(day)", "2026-11-\(day)T07:00:00+01:00",
                   resolved: "2026-11-\(day)T\(day == "18" ? "10:30" : "09:00"):00+01:00")
    }

    func row(_ history: MorningHistory, _ day: String) throws -> MorningRow {
        try #require(history.rows.first { $0.morning == localDate(day) }, "no row for \(day)")
    }

    @Test func oneRowPerMorningWithTheStreakAfterIt() throws {
        // Tuesday 24's customer is never helped: carried over to Wed, Thu, Fri.
        let issues = Self.week + [Morn.issue("t", "2026-11-24T07:30:00+01:00")]
        let history = Morn.amsterdam.history(of: issues, at: instant("2026-11-27T12:00:00+01:00"))
        // Mornings only: no rows for Saturday 21 and Sunday 22.
        #expect(history.rows.map(\.morning.description) == [
            "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-23",
            "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27",
        ])
        #expect(history.rows.map(\.verdict) == [.met, .met, .missed, .met, .met, .met, .missed, .missed, .missed, .missed])
        #expect(history.rows.map(\.streak) == [1, 2, 0, 1, 2, 3, 0, 0, 0, 0])
        let wednesday = try row(history, "2026-11-18")
        #expect((wednesday.customers, wednesday.helped, wednesday.helpedLate, wednesday.waitingAtDeadline, wednesday.waiting)
                == (1, 0, 1, 1, 0))
        let tuesday = try row(history, "2026-11-24")
        #expect((tuesday.customers, tuesday.waiting, tuesday.waitingAtDeadline, tuesday.carriedOver) == (1, 1, 1, 0))
        let thursday = try row(history, "2026-11-26")
        #expect((thursday.customers, thursday.waiting, thursday.carriedOver) == (1, 1, 1))
    }

    @Test func quietMorningsNeitherExtendNorBreakTheStreak() throws {
        // Nobody on Tuesday 17.
        let issues = [Self.week[0], Self.week[2].withResolved("2026-11-18T09:00:00+01:00")]
        let history = Morn.amsterdam.history(of: issues, at: instant("2026-11-19T07:00:00+01:00"))
        #expect(history.rows.map(\.verdict) == [.met, .quiet, .met, .quiet])
        #expect(history.rows.map(\.streak) == [1, 1, 2, 2])
        #expect(try row(history, "2026-11-17").customers == 0)
        // The strip leaves nothing out; "of the last" counts only mornings with customers.
        #expect(Words.strip(history.decided(20), unicode: true) == "▇·▇·")
        #expect(Words.strip(history.decided(20), unicode: false) == "#.#.")
        #expect(history.metRate(last: 5) == MorningRate(met: 2, of: 2))
    }

    @Test func aCarriedOverCustomerCountsInEveryMorningUntilHelped() throws {
        // Received Monday 16, helped Wednesday 18 at 09:00: missed Monday and Tuesday, and
        // Wednesday's customer, helped before Wednesday's deadline.
        let issues = [Morn.issue("c", "2026-11-16T07:00:00+01:00", resolved: "2026-11-18T09:00:00+01:00")]
        let history = Morn.amsterdam.history(of: issues, at: instant("2026-11-18T12:00:00+01:00"))
        #expect(history.rows.map(\.verdict) == [.missed, .missed, .met])
        #expect(history.rows.map(\.carriedOver) == [0, 1, 1])
        #expect(history.rows.map(\.helpedLate) == [1, 1, 0])
        #expect(history.rows.map(\.helped) == [0, 0, 1])
    }

    @Test func todayIsPendingUntilDecidedAndAtAnEarlierInstantLaterIssuesDoNotExist() throws {
        let open = Morn.issue("o", "2026-11-24T07:30:00+01:00", resolved: "2026-11-24T09:30:00+01:00")
        let issues = Self.week + [open]
        // At 09:00 the customer still waits (resolved later): pending, not in the strip.
        let at9 = Morn.amsterdam.history(of: issues, at: instant("2026-11-24T09:00:00+01:00"))
        #expect(at9.rows.last?.verdict == .pending)
        #expect(at9.rows.last?.streak == 3)
        #expect(at9.decided(20).last?.morning == localDate("2026-11-23"))
        // At 09:45 helped: met already, and the streak counts it at once (as the streak does).
        let at945 = Morn.amsterdam.history(of: issues, at: instant("2026-11-24T09:45:00+01:00"))
        #expect(at945.rows.last?.verdict == .met)
        #expect(at945.rows.last?.streak == 4)
        // --at Thursday 19: no rows after it.
        let thursday = Morn.amsterdam.history(of: issues, at: instant("2026-11-19T08:30:00+01:00"))
        #expect(thursday.rows.last?.morning == localDate("2026-11-19"))
    }

    @Test func weekendsAndHolidaysHaveNoRowAndWithdrawnIssuesCountNowhere() throws {
        var spam = Morn.issue("s", "2026-11-17T07:00:00+01:00")
        spam.status = .withdrawn
        let schedule = MorningSchedule(holidays: [localDate("2026-11-20")])
        let history = schedule.history(of: Self.week + [spam], at: instant("2026-11-24T07:00:00+01:00"))
        #expect(!history.rows.contains { $0.morning == localDate("2026-11-20") || $0.morning.weekday == .sat })
        let tuesday = try row(history, "2026-11-17")
        #expect((tuesday.customers, tuesday.withdrawn) == (1, 1))
        // Friday's customer (a holiday) counts for Monday 23, with Monday's own.
        #expect(try row(history, "2026-11-23").customers == 2)
        // Saturday: the last row is Monday's (today has no morning and the last one is shown).
        let saturday = schedule.history(of: Self.week, at: instant("2026-11-28T12:00:00+01:00"))
        #expect(saturday.rows.last?.morning == localDate("2026-11-27"))
    }

    @Test func emptyHistoryHasNoRows() {
        #expect(Morn.amsterdam.history(of: [], at: instant("2026-11-24T09:00:00+01:00")).rows.isEmpty)
        #expect(Words(.en).lastMornings(met: 0, of: 0) == nil)
        #expect(Words(.en).lastMornings(met: 4, of: 5) == "4 of the last 5 mornings met")
        #expect(Words(.nl).lastMornings(met: 4, of: 5) == "4 van de laatste 5 ochtenden gehaald")
    }

    /// A generated history (fixed seed): six weeks, a holiday, customers helped in time, late,
    /// days later or never, withdrawals, in another zone. Every row must be exactly the account
    /// of its morning and the streak as it stood after it: the history is no second rule.
    @Test(arguments: ["2026-12-04T09:30:00-03:00", "2026-12-04T12:00:00-03:00", "2026-12-06T12:00:00-03:00"])
    func everyRowIsTheAccountOfItsMorningAndTheStreakAfterIt(_ when: String) throws {
        let schedule = MorningSchedule(
            timeZone: Morn.zone("America/Sao_Paulo"), workdays: [.mon, .tue, .wed, .thu, .fri, .sat],
            holidays: [localDate("2026-11-02")])
        var rng = HistoryRandom(seed: 14)
        var issues: [TenBoardCore.Issue] = []
        let start = instant("2026-10-26T00:00:00-03:00")
        for n in 0..<160 {
            let received = start.addingTimeInterval(Double(rng.next(upTo: 40 * 86_400)))
            var issue = TenBoardCore.Issue(id: "g\(n)", customer: "C\(n)", summary: "", receivedAt: Timestamp(received, in: schedule.timeZone))
            switch rng.next(upTo: 12) {
            case 0: issue.status = .withdrawn
            case 1 where received > instant("2026-11-30T00:00:00-03:00"): break // never helped
            default:
                issue.status = .resolved
                let delay = [600, 600, 3600, 3600, 3600, 3 * 3600, 30 * 3600, 4 * 86_400][rng.next(upTo: 8)]
                issue.resolvedAt = Timestamp(received.addingTimeInterval(Double(rng.next(upTo: delay))), in: schedule.timeZone)
            }
            issues.append(issue)
        }
        // Some mornings with every customer helped in time, so the streak is more than 0.
        let at = instant(when)
        let history = schedule.history(of: issues.shuffled(using: &rng), at: at)
        #expect(history.rows.count > 30)
        for row in history.rows {
            let account = schedule.account(of: row.morning, issues: issues, at: at)
            #expect(row == MorningRow(account: account, streak: row.streak, tally: nil), "\(row.morning)")
            let streakAt = min(at, schedule.deadline(of: row.morning).addingTimeInterval(1))
            #expect(row.streak == schedule.streak(at: streakAt, issues: issues), "streak after \(row.morning)")
        }
        #expect(history.rows.contains { $0.verdict == .met } && history.rows.contains { $0.verdict == .missed })
    }

    @Test func theArchiveIsPartOfTheHistory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let now = instant("2026-11-27T12:00:00+01:00")
        let store = IssueStore(directory: dir, schedule: Morn.amsterdam, archiveAfterMornings: 3, clock: { now })
        let old = ["02", "03", "04", "05", "06", "09", "10", "11", "12", "13", "16", "17", "18", "19", "20", "23", "24"]
            .map { day in Morn.issue("a\(day)", "2026-11-\(day)T07:00:00+01:00", resolved: "2026-11-\(day)T09:00:00+01:00") }
        _ = try store.add(records: old.map(\.json), at: now)
        _ = try store.add(records: [Morn.issue("w", "2026-11-27T07:00:00+01:00").json], at: now)
        let state = try store.snapshot()
        try #require(!state.segments.isEmpty, "the test needs archived issues")
        #expect(state.issues.count < old.count + 1)
        _ = try store.drawTally(who: "Sanne", by: "lead", at: now)
        let history = try store.history(at: now)
        let kept = try store.snapshot()
        #expect(history.rows.first?.morning == localDate("2026-11-02"))
        #expect(history == Morn.amsterdam.history(of: try store.allIssues(), at: now, tally: MorningHistory.tally(TallyBook(kept).totals)))
        #expect(history.rows.map(\.verdict).prefix(17).allSatisfy { $0 == .met })
        #expect(try row(history, "2026-11-24").streak == 17)
        #expect(history.rows.last?.verdict == .missed && history.rows.last?.streak == 0, "Friday's customer still waits at noon")
        #expect(history.rows.last?.tally == 1)
        // Before the first day the store kept a mark, the tally is unknown.
        #expect(history.rows.first?.tally == nil)
    }

    @Test func csvFieldsFollowRFC4180AndDisarmFormulas() {
        #expect(CSV.record(["a", "b c", "1"]) == "a,b c,1\r\n")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.field("-3") == "-3")
        #expect(CSV.field("two\r\nlines") == "\"two\r\nlines\"")
    }
}

/// A small deterministic generator (SplitMix64), so the generated history is the same each run.
struct HistoryRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(upTo n: Int) -> Int { Int(next() % UInt64(n)) }
}
