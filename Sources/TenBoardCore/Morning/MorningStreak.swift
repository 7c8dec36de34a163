import Foundation

extension MorningSchedule {
    /// Mornings in a row, up to `at`, that ended with every customer helped in time.
    ///
    /// Computed from the issues as recorded (imported history included). A quiet morning (no
    /// customers, carried over ones included) neither extends nor breaks the streak. Today's
    /// morning counts once it is decided: as soon as nobody waits (met), or when its deadline
    /// passed (a customer waiting or helped late makes the streak 0). On a day without a morning
    /// the streak ends with the last morning.
    ///
    /// - Parameters:
    ///   - issues: the issues the store keeps hot: open ones and the recently resolved.
    ///   - base: the streak at the last archived morning; counting back past `base.through`
    ///     continues with `base.count`. `nil`: nothing was archived.
    public func streak(at: Date, issues: [Issue], base: StreakBase? = nil) -> Int {
        streak(at: at, issues: issues, base: base, today: nil)
    }

    /// `streak(at:issues:base:)`, reusing the account of today's morning when the caller has it.
    func streak(at: Date, issues: [Issue], base: StreakBase?, today: MorningAccount?) -> Int {
        let morning = relevantMorning(at: at)
        var count = 0
        if morning == localDate(of: at) {
            let account = today.flatMap { $0.morning == morning && $0.at == at ? $0 : nil }
                ?? account(of: morning, issues: issues, at: at)
            switch account.verdict {
            case .met: count = 1
            case .missed: return 0
            case .pending, .quiet: break
            }
        }
        let decided = verdicts(issues, at: at, after: base?.through, through: previousMorning(before: morning))
        for day in decided.keys.sorted(by: >) {
            if decided[day] == false { return count }
            count += 1
        }
        return count + (base?.count ?? 0)
    }

    /// The streak base moved on to `through`, counting every morning after the old base.
    ///
    /// For the store before it archives: the result describes the mornings up to `through` as
    /// recorded, so their issues may then leave the hot set.
    /// - Parameters:
    ///   - base: the current base; `nil` starts with the oldest issue's morning.
    ///   - through: the last morning to archive; a base already past it is returned unchanged.
    ///   - issues: every issue of the mornings after `base.through` up to `through`.
    public func advance(_ base: StreakBase?, through: LocalDate, issues: [Issue]) -> StreakBase {
        if let base, through <= base.through { return base }
        let decided = verdicts(issues, at: .distantFuture, after: base?.through, through: through)
        var count = base?.count ?? 0
        for day in decided.keys.sorted() { count = decided[day]! ? count + 1 : 0 }
        return StreakBase(through: through, count: count)
    }

    /// The mornings after `after` up to `through`, with their deadline before `at`, that had
    /// customers: `true` when every one was helped in time, as seen at `at`. Quiet mornings are
    /// not listed.
    ///
    /// Each issue is placed once (`MorningPlacer`) and followed from its own morning through the
    /// mornings it is carried over to, until the one in which it was helped.
    func verdicts(_ issues: [Issue], at: Date, after: LocalDate?, through: LocalDate) -> [LocalDate: Bool] {
        var placer = MorningPlacer(self)
        var met: [LocalDate: Bool] = [:]
        for issue in issues where issue.status != .withdrawn && issue.receivedAt.date <= at {
            let resolved: Date? = issue.wasResolved(at: at) ? issue.resolvedAt?.date : nil
            var day = placer.morning(forReceived: issue.receivedAt.date)
            if let after, day <= after {
                // Mornings up to the base are counted in it: carried over past it, or done.
                day = placer.nextMorning(after: after)
                if let resolved, resolved <= placer.cutoff(of: day) { continue }
            }
            while day <= through {
                let due = placer.deadline(of: day)
                guard due < at else { break }
                let inTime = resolved.map { $0 <= due } ?? false
                met[day] = (met[day] ?? true) && inTime
                if inTime { break }
                let next = placer.nextMorning(after: day)
                if let resolved, resolved <= placer.cutoff(of: next) { break }
                day = next
            }
        }
        return met
    }
}
