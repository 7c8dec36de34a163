import Foundation

/// One morning of the history: its account's numbers, how it went, and the streak after it.
///
/// Every number comes from `MorningAccount` (taken at the history's instant), the verdict from
/// `MorningAccount.verdict`; nothing here decides a fate again.
public struct MorningRow: Sendable, Equatable {
    public var morning: LocalDate
    /// The morning's customers (carried over ones included): `helped + helpedLate + waiting`.
    public var customers: Int
    /// Helped at or before the deadline.
    public var helped: Int
    /// Helped after the deadline.
    public var helpedLate: Int
    /// Not helped at the deadline (or, for a morning whose deadline is still to come, so far):
    /// those helped late and those still waiting.
    public var waitingAtDeadline: Int
    /// Still waiting at the history's instant.
    public var waiting: Int
    /// Customers from an earlier morning, still waiting at this morning's cut-off.
    public var carriedOver: Int
    /// Withdrawn issues of the morning's window (in no other count).
    public var withdrawn: Int
    /// How the morning went: met, missed, quiet (no customers), or pending (today, undecided).
    public var verdict: MorningVerdict
    /// Mornings in a row met, as it stood after this morning (quiet and pending ones leave it).
    public var streak: Int
    /// Tally marks drawn on that day; `nil` where the store no longer keeps them.
    public var tally: Int?

    /// The row of a morning's numbers (`MorningSchedule.count(of:issues:indices:at:)`): the same
    /// as `init(account:streak:tally:)` of that morning's account.
    init(count: MorningCount, streak: Int, tally: Int?) {
        morning = count.morning
        customers = count.customers
        helped = count.helped
        helpedLate = count.helpedLate
        waiting = count.waiting
        waitingAtDeadline = count.helpedLate + count.waiting
        carriedOver = count.carriedOver
        withdrawn = count.withdrawn
        verdict = count.verdict
        self.streak = streak
        self.tally = tally
    }

    public init(account: MorningAccount, streak: Int, tally: Int?) {
        morning = account.morning
        customers = account.inScope.count
        helped = account.helped.count
        helpedLate = account.helpedLate.count
        waiting = account.waiting.count
        waitingAtDeadline = account.helpedLate.count + account.waiting.count
        carriedOver = account.carriedOver.count
        withdrawn = account.withdrawn.count
        verdict = account.verdict
        self.streak = streak
        self.tally = tally
    }

    /// The object of `tenboard history --json`.
    public var json: JSONValue {
        .object([
            "morning": .string(morning.description),
            "customers": .int(customers),
            "helped": .int(helped),
            "helpedLate": .int(helpedLate),
            "waitingAtDeadline": .int(waitingAtDeadline),
            "waiting": .int(waiting),
            "carriedOver": .int(carriedOver),
            "withdrawn": .int(withdrawn),
            "verdict": .string(verdict.rawValue),
            "streak": .int(streak),
            "tally": tally.map(JSONValue.int) ?? .null,
        ])
    }

    /// The columns of `tenboard history --csv`, in order (the keys of `json`).
    public static let csvHeader = [
        "morning", "customers", "helped", "helpedLate", "waitingAtDeadline", "waiting", "carriedOver",
        "withdrawn", "verdict", "streak", "tally",
    ]

    /// This row's CSV fields, in the order of `csvHeader` (numbers, dates and fixed words only).
    public var csvFields: [String] {
        [morning.description, "\(customers)", "\(helped)", "\(helpedLate)", "\(waitingAtDeadline)", "\(waiting)",
         "\(carriedOver)", "\(withdrawn)", verdict.rawValue, "\(streak)", tally.map { "\($0)" } ?? ""]
    }
}

/// The history of the mornings: one row per morning, from the first morning with an issue up
/// to today's (or the last one before today).
public struct MorningHistory: Sendable, Equatable {
    /// Oldest first.
    public var rows: [MorningRow]

    public init(rows: [MorningRow]) { self.rows = rows }

    /// The strip of the screens: the last `Words.stripLength` decided mornings from the hot
    /// issues alone (the hot file keeps the last mornings, `IssueStore.hotMornings`), and how many
    /// of the last `Words.recentLength` mornings with customers were met.
    public static func recent(_ issues: [Issue], schedule: MorningSchedule, at: Date) -> (strip: [MorningRow], rate: MorningRate) {
        let history = schedule.history(of: issues, at: at)
        return (history.decided(Words.stripLength), history.metRate(last: Words.recentLength))
    }

    /// The last `n` rows, oldest first.
    public func last(_ n: Int) -> [MorningRow] { Array(rows.suffix(max(0, n))) }

    /// The last `n` mornings whose outcome is known (met, missed or quiet), oldest first: today's
    /// morning is left out while it is pending.
    public func decided(_ n: Int) -> [MorningRow] {
        Array(rows.filter { $0.verdict != .pending }.suffix(max(0, n)))
    }

    /// Of the last `n` decided mornings that had customers, how many were met: "4 of the last 5".
    /// Quiet mornings are skipped (they are neither met nor missed), so `of` may be below `n`.
    public func metRate(last n: Int) -> MorningRate {
        let counted = rows.filter { $0.verdict == .met || $0.verdict == .missed }.suffix(max(0, n))
        return MorningRate(met: counted.count { $0.verdict == .met }, of: counted.count)
    }

    /// The rate over the mornings of the last `days` calendar days up to `through` (the report's
    /// "last 4 weeks"): met and decided-with-customers counts.
    public func metRate(days: Int, through: LocalDate) -> MorningRate {
        let first = through.adding(days: -(days - 1))
        let counted = rows.filter { $0.morning >= first && $0.morning <= through && ($0.verdict == .met || $0.verdict == .missed) }
        return MorningRate(met: counted.count { $0.verdict == .met }, of: counted.count)
    }
}

/// How many of a number of mornings with customers were met.
public struct MorningRate: Sendable, Equatable {
    public var met: Int
    public var of: Int

    public init(met: Int, of: Int) {
        self.met = met
        self.of = of
    }
}

extension MorningSchedule {
    /// The history of every morning up to the one relevant at `at`, each as its account saw it at
    /// `at` (so `--at` shows the history as it was then).
    ///
    /// One pass over `issues`: each is placed once (`MorningPlacer`) and listed with its own
    /// morning and each later morning it was carried over to (still waiting at that cut-off);
    /// then each morning's account is taken of its own few issues, never of the whole history.
    ///
    /// - Parameters:
    ///   - issues: the whole history (`IssueStore.allIssues`), in any order. With only the hot
    ///     issues the mornings whose issues were archived read as quiet, and the streak counts
    ///     from the first morning given.
    ///   - at: the instant; issues received later do not exist, those resolved later still wait.
    ///   - tally: the tally marks of a day (`MorningHistory.tally(_:)`), `nil` where unknown.
    public func history(of issues: [Issue], at: Date, tally: (LocalDate) -> Int? = { _ in nil }) -> MorningHistory {
        history(of: issues, kept: nil, at: at, tally: tally)
    }

    /// `history(of:at:tally:)` of the hot issues with the archived part of each morning's account
    /// kept in the morning ledger: each row is the account of the morning's hot issues plus its
    /// archived issues' part (`MorningRow.adding`), the verdict decided by the one rule.
    ///
    /// - Parameter kept: the ledger of the archive the `issues` are not in, valid at `at`
    ///   (`MorningLedger.validFrom`); `nil`: `issues` is the whole history.
    func history(of issues: [Issue], kept: MorningLedger?, from: LocalDate? = nil, at: Date, tally: (LocalDate) -> Int?) -> MorningHistory {
        guard let last = lastMorning(at: at) else { return MorningHistory(rows: []) }
        var placer = MorningPlacer(self)
        let (firstHot, groups) = positions(issues, at: at, last: last, placer: &placer)
        var first = [firstHot, kept?.entries.first?.morning].compactMap(\.self).min()
        if let from, let known = first, from > known { first = placer.schedule.isMorning(from) ? from : placer.nextMorning(after: from) }
        guard var day = first else { return MorningHistory(rows: []) }
        var rows: [MorningRow] = []
        var streak = 0
        var ledgerIndex = kept.map { ledger in ledger.entries.firstIndex { $0.morning >= day } ?? ledger.entries.count } ?? 0
        while day <= last {
            var row: MorningRow
            if let group = groups[day.dayNumber] {
                row = MorningRow(count: count(of: day, issues: issues, indices: group, at: at), streak: 0, tally: nil)
            } else {
                row = MorningRow(quiet: day)
            }
            if let kept {
                while ledgerIndex < kept.entries.count, kept.entries[ledgerIndex].morning < day { ledgerIndex += 1 }
                if ledgerIndex < kept.entries.count, kept.entries[ledgerIndex].morning == day {
                    row = row.adding(kept.entries[ledgerIndex], deadline: placer.deadline(of: day), at: at)
                }
            }
            switch row.verdict {
            case .met: streak += 1
            case .missed: streak = 0
            case .quiet, .pending: break
            }
            row.streak = streak
            row.tally = tally(day)
            rows.append(row)
            day = placer.nextMorning(after: day)
        }
        return MorningHistory(rows: rows)
    }

    /// The morning relevant at `at`: today's, or the last one before today; `nil` without workdays.
    func lastMorning(at: Date) -> LocalDate? {
        guard !workdays.isEmpty else { return nil }
        let today = localDate(of: at)
        return isMorning(today) ? today : previousMorning(before: today)
    }

    /// Each issue received by `at` listed under its own morning and each later morning up to
    /// `last` it was carried over to (still waiting at that cut-off), by day number; and the
    /// first of those mornings. A withdrawn issue is listed under its own morning only.
    func group(_ issues: [Issue], at: Date, last: LocalDate, placer: inout MorningPlacer) -> (first: LocalDate?, groups: [Int: [Issue]]) {
        let (first, groups) = positions(issues, at: at, last: last, placer: &placer)
        return (first, groups.mapValues { $0.map { issues[$0] } })
    }

    /// `group(_:at:last:placer:)` by positions in `issues`: read in place, not copied, for the
    /// history's rows, which only count their issues' fates.
    func positions(_ issues: [Issue], at: Date, last: LocalDate, placer: inout MorningPlacer) -> (first: LocalDate?, groups: [Int: [Int]]) {
        var groups: [Int: [Int]] = [:]
        var first: LocalDate?
        issues.withUnsafeBufferPointer { issues in
            for i in issues.indices {
                let received = issues[i].receivedAt.date
                guard received <= at else { continue }
                var day = placer.morning(forReceived: received)
                guard day <= last else { continue }
                if first == nil || day < first! { first = day }
                if issues[i].status == .withdrawn {
                    groups[day.dayNumber, default: []].append(i)
                    continue
                }
                let resolvedAt = issues[i].resolvedAt?.date
                let resolved: Date? = Issue.wasResolved(status: issues[i].status, resolvedAt: resolvedAt, at: at) ? resolvedAt : nil
                while true {
                    groups[day.dayNumber, default: []].append(i)
                    guard day < last else { break }
                    let next = placer.nextMorning(after: day)
                    if let resolved, resolved <= placer.cutoff(of: next) { break }
                    day = next
                }
            }
        }
        return (first, groups)
    }
}

extension MorningRow {
    /// A morning without customers.
    init(quiet morning: LocalDate) {
        self.morning = morning
        customers = 0
        helped = 0
        helpedLate = 0
        waitingAtDeadline = 0
        waiting = 0
        carriedOver = 0
        withdrawn = 0
        verdict = .quiet
        streak = 0
        tally = nil
    }

    /// This row (the account of a morning's hot issues) with its archived issues' part of the
    /// same account added: each count is a sum over the morning's issues of their fates, so the
    /// parts add up to the account of them all; the verdict is then decided by the one rule
    /// (`MorningVerdict.decided`) on the sums. The streak is left to the caller.
    func adding(_ part: MorningLedger.Entry, deadline: Date, at: Date) -> MorningRow {
        var row = self
        row.customers += part.customers
        row.helped += part.helped
        row.helpedLate += part.helpedLate
        row.waiting += part.waiting
        row.waitingAtDeadline = row.helpedLate + row.waiting
        row.carriedOver += part.carriedOver
        row.withdrawn += part.withdrawn
        row.verdict = MorningVerdict.decided(customers: row.customers, waiting: row.waiting, helpedLate: row.helpedLate, deadline: deadline, at: at)
        return row
    }
}

extension MorningHistory {
    /// The tally marks of each day as the store keeps them: the one place the history reads the
    /// tally, so a change to how the tally is stored (per person) changes only this function.
    public static func tally(_ kept: [LocalDate: Int]) -> (LocalDate) -> Int? {
        let oldest = kept.keys.min()
        return { day in
            if let count = kept[day] { return count }
            // Days inside the kept span had no marks; older days are no longer known.
            guard let oldest, day >= oldest else { return nil }
            return 0
        }
    }
}
