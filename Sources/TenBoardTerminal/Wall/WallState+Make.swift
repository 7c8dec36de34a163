import Foundation
import TenBoardCore

extension WallState {
    /// The wall at `at` for a snapshot of the store.
    ///
    /// Everything is recomputed from `at` and the schedule, never carried over from the previous
    /// tick, so a day change, a daylight-saving change or a week of suspend shows right at once.
    /// - Parameters:
    ///   - snapshot: the last good snapshot of the store.
    ///   - schedule: the morning rules; its zone writes the times.
    ///   - at: the instant from the clock.
    ///   - notice: a problem to show in a corner; `nil` for none.
    ///   - frozen: the wall shows `--at` another time: a badge says so.
    ///   - recent: the strip of the last mornings when the caller keeps it; `nil` computes it.
    public static func make(
        snapshot: StoreSnapshot, schedule: MorningSchedule, at: Date, language: Language, notice: String? = nil,
        frozen: Bool = false, recent: (strip: [MorningRow], rate: MorningRate)? = nil
    ) -> WallState {
        let issues = snapshot.issues
        let status = schedule.status(at: at, issues: issues, base: snapshot.streakBase)
        let account = status.account
        let today = schedule.localDate(of: at)

        var wall = WallState(
            language: language, mode: .countdown, status: status, tally: snapshot.tallyBook.total(on: today),
            clock: Words.clock(at, in: schedule.timeZone), notice: notice, frozenAt: frozen ? at : nil
        )
        wall.customers = customers(account, at: at, issues: issues)
        (wall.recent, wall.recentRate) = recent ?? MorningHistory.recent(issues, schedule: schedule, at: at, kept: snapshot.recentMornings)
        wall.helpers = account.helpers.map { WallHelper(name: $0.name ?? "?", count: $0.count) }
        wall.people = WallPeople.make(snapshot: snapshot, schedule: schedule, at: at, morningHelpers: account.helpers)

        wall.mode = mode(of: status)
        switch status.state {
        case .closed, .quiet:
            guard wall.mode == .between else { break }
            wall.result = result(account)
            let next = schedule.nextMorning(after: today)
            wall.morning = next
            wall.countdownTarget = schedule.deadline(of: next)
            wall.secondsLeft = secondsUntil(wall.countdownTarget!, from: at)
            // The next morning's customers, not the closed one's.
            wall.customers = customers(schedule.account(of: next, issues: issues, at: at), at: at, issues: issues)
        case .none:
            wall.result = result(schedule.account(of: schedule.previousMorning(before: today), issues: issues, at: at))
        default: break
        }
        return wall
    }

    /// Which screen a status asks for.
    static func mode(of status: MorningStatus) -> Mode {
        switch status.state {
        case .waiting, .warning, .overdue: .countdown
        case .quiet where status.secondsLeft >= 0: .countdown
        case .done: .allHelped
        case .closed, .quiet, .none: .between
        }
    }

    /// Whole seconds from `at` to `target`, rounded away from zero as `MorningStatus.secondsLeft` is.
    static func secondsUntil(_ target: Date, from at: Date) -> Int {
        Int(target.timeIntervalSince(at).rounded(.awayFromZero))
    }

    /// The wall a moment later in the same minute, for the same store: only what the clock moves
    /// is redone (the countdown, the state and pace through the core's `status(of:streak:)`, the
    /// customers' waiting times, the clock), without a pass over the store; `nil` when the
    /// screen changes (the deadline passed, say), and the wall must be made anew.
    ///
    /// Everything else is a function of the store and the minute: every boundary of a morning
    /// (cut-off, deadline, midnight) is a whole minute, and a change to the store is a new
    /// snapshot. `make(at: t0).retimed(to: t)` equals `make(at: t)` for `t` in the minute of `t0`.
    public func retimed(to at: Date, schedule: MorningSchedule) -> WallState? {
        var account = status.account
        account.at = at
        let status = schedule.status(of: account, streak: self.status.streak)
        guard Self.mode(of: status) == mode else { return nil }
        var wall = self
        wall.status = status
        wall.secondsLeft = countdownTarget.map { Self.secondsUntil($0, from: at) } ?? status.secondsLeft
        for i in wall.customers.indices {
            if let since = wall.customers[i].since { wall.customers[i].waitingSeconds = Int(at.timeIntervalSince(since)) }
        }
        wall.clock = Words.clock(at, in: schedule.timeZone)
        if frozenAt != nil { wall.frozenAt = at }
        return wall
    }

    static func result(_ account: MorningAccount) -> MorningResult {
        MorningResult(
            morning: account.morning, inScope: account.inScope.count, helped: account.helped.count,
            helpedLate: account.helpedLate.count, waiting: account.waiting.count, met: account.verdict == .met)
    }

    static func customers(_ account: MorningAccount, at: Date, issues all: [Issue]) -> [WallCustomer] {
        func rows(_ issues: [Issue], _ group: WallCustomer.Group) -> [WallCustomer] {
            issues.map { issue in
                // One who wrote again: how long ago they wrote.
                let since = group == .wroteAgain ? (issue.wroteAgain?.date ?? issue.receivedAt.date) : issue.receivedAt.date
                let age = Int(at.timeIntervalSince(since))
                let assignee = issue.assignee.map(Untrusted.oneLine)
                var customer = WallCustomer(
                    name: Untrusted.oneLine(issue.customer), assignee: assignee?.isEmpty == true ? nil : assignee,
                    waitingSeconds: age, group: group, missed: group == .earlier ? account.missedMorning[issue.id] : nil)
                customer.since = since
                return customer
            }
        }
        // Who wrote again after being helped first, then carried over, this morning's and the
        // next one's; each oldest first.
        return rows(all.filter(\.wroteAgainSinceHelped), .wroteAgain)
            + rows(account.waiting.filter(account.isCarriedOver), .earlier)
            + rows(account.waiting.filter { !account.isCarriedOver($0) }, .waiting)
            + rows(account.nextMorning, .nextMorning)
    }
}
