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

        switch status.state {
        case .waiting, .warning, .overdue:
            wall.mode = .countdown
        case .quiet where status.secondsLeft >= 0:
            wall.mode = .countdown
        case .done:
            wall.mode = .allHelped
        case .closed, .quiet:
            wall.mode = .between
            wall.result = result(account)
            let next = schedule.nextMorning(after: today)
            wall.morning = next
            wall.secondsLeft = Int(schedule.deadline(of: next).timeIntervalSince(at).rounded(.awayFromZero))
            // The next morning's customers, not the closed one's.
            wall.customers = customers(schedule.account(of: next, issues: issues, at: at), at: at, issues: issues)
        case .none:
            wall.mode = .between
            wall.result = result(schedule.account(of: schedule.previousMorning(before: today), issues: issues, at: at))
        }
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
                return WallCustomer(
                    name: Untrusted.oneLine(issue.customer), assignee: assignee?.isEmpty == true ? nil : assignee,
                    waitingSeconds: age, group: group, missed: group == .earlier ? account.missedMorning[issue.id] : nil)
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
