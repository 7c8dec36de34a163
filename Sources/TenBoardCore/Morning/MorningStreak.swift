import Foundation

extension MorningSchedule {
    /// Mornings in a row, up to `at`, that ended with every customer helped in time.
    ///
    /// Zero customers counts as met. Today's morning counts once it is decided: as soon as nobody
    /// waits (done), or when its deadline passed (closed counts if nobody was helped late; overdue
    /// makes the streak 0). On a day without a morning the streak ends with the last morning.
    ///
    /// - Parameters:
    ///   - issues: the issues the store keeps hot: open ones and the recently resolved.
    ///   - base: the streak at the last archived morning; counting back past `base.through`
    ///     continues with `base.count` and stops there. `nil`: nothing was archived.
    ///   - since: the store's creation day; earlier mornings do not count. `nil` (and no base):
    ///     the counting starts at the morning of the oldest issue, or today when there is none,
    ///     because mornings before what the store holds are unknown, not met.
    public func streak(at: Date, issues: [Issue], base: StreakBase? = nil, since: LocalDate? = nil) -> Int {
        let morning = relevantMorning(at: at)
        let first = since ?? (base == nil ? firstMorning(of: issues) ?? morning : nil)
        var count = 0
        if morning == localDate(of: at), first.map({ morning >= $0 }) ?? true {
            switch account(of: morning, issues: issues, at: at).outcome {
            case true?: count = 1
            case false?: return 0
            case nil: break
            }
        }
        let failed = failedMornings(issues, at: at)
        var day = previousMorning(before: morning)
        while true {
            if let base, day <= base.through { return count + base.count }
            if let first, day < first { return count }
            if failed.contains(day) { return count }
            count += 1
            day = previousMorning(before: day)
        }
    }

    /// The streak base moved on to `through`, counting every morning after the old base.
    ///
    /// For the store before it archives: the result describes the mornings up to `through` as
    /// recorded, so their issues may then leave the hot set.
    /// - Parameters:
    ///   - base: the current base; `nil` starts at `since`, else at the oldest issue's morning.
    ///   - through: the last morning to archive; a base already past it is returned unchanged.
    ///   - issues: every issue of the mornings after `base.through` up to `through`.
    public func advance(
        _ base: StreakBase?, through: LocalDate, issues: [Issue], since: LocalDate? = nil
    ) -> StreakBase {
        if let base, through <= base.through { return base }
        let failed = failedMornings(issues, at: .distantFuture)
        var count = base?.count ?? 0
        var day = base?.through ?? since.map { $0.adding(days: -1) }
            ?? firstMorning(of: issues).map { $0.adding(days: -1) } ?? through.adding(days: -1)
        while true {
            day = nextMorning(after: day)
            if day > through { break }
            count = failed.contains(day) ? 0 : count + 1
        }
        return StreakBase(through: through, count: count)
    }

    /// The mornings, with their deadline before `at`, on which a customer was not helped in time
    /// as seen at `at`.
    func failedMornings(_ issues: [Issue], at: Date) -> Set<LocalDate> {
        let cal = calendar
        var cutoffs: [LocalDate: Date] = [:]
        var deadlines: [LocalDate: Date] = [:]
        var failed: Set<LocalDate> = []
        for issue in issues where issue.receivedAt.date <= at {
            let received = issue.receivedAt.date
            var day = localDate(of: received, calendar: cal)
            if !isMorning(day) {
                day = nextMorning(after: day)
            } else {
                let cut = cutoffs[day] ?? instant(of: cutoff, on: day, calendar: cal)
                cutoffs[day] = cut
                if received > cut { day = nextMorning(after: day) }
            }
            guard !failed.contains(day) else { continue }
            let due = deadlines[day] ?? instant(of: deadline, on: day, calendar: cal)
            deadlines[day] = due
            guard due < at else { continue }
            if !issue.wasResolved(at: at) || issue.resolvedAt!.date > due { failed.insert(day) }
        }
        return failed
    }

    /// The morning of the oldest issue, or `nil` for none.
    func firstMorning(of issues: [Issue]) -> LocalDate? {
        issues.min { $0.receivedAt.date < $1.receivedAt.date }.map { morning(forReceived: $0.receivedAt.date) }
    }
}
