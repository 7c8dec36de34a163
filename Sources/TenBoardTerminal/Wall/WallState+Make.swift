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
    public static func make(
        snapshot: StoreSnapshot, schedule: MorningSchedule, at: Date, language: Language, notice: String? = nil
    ) -> WallState {
        let issues = snapshot.issues
        let status = schedule.status(at: at, issues: issues, base: snapshot.streakBase, since: snapshot.createdAt)
        let account = status.account
        let today = schedule.localDate(of: at)

        var wall = WallState(
            language: language, mode: .countdown, state: status.state, morning: status.morning,
            deadline: schedule.deadline, secondsLeft: status.secondsLeft, helped: status.helped,
            helpedLate: status.helpedLate, inScope: status.inScope, waiting: status.waiting,
            streak: status.streak, tally: snapshot.tally[today] ?? 0, paceNeeded: status.paceNeeded,
            clock: clockText(at, schedule), notice: notice
        )
        wall.customers = customers(account, at: at)
        wall.helpers = helpers(issues, since: schedule.deadline(of: schedule.previousMorning(before: status.morning)), at: at)

        switch status.state {
        case .waiting, .warning, .overdue:
            wall.mode = .countdown
        case .done:
            wall.mode = .allHelped
        case .closed:
            wall.mode = .between
            wall.result = result(account)
            let next = schedule.nextMorning(after: today)
            wall.morning = next
            wall.secondsLeft = secondsUntil(schedule.deadline(of: next), from: at)
            // The next morning's customers, not the closed one's.
            wall.customers = customers(schedule.account(of: next, issues: issues, at: at), at: at)
        case .none:
            wall.mode = .between
            wall.result = result(schedule.account(of: schedule.previousMorning(before: today), issues: issues, at: at))
        }
        return wall
    }

    static func result(_ account: MorningAccount) -> MorningResult {
        MorningResult(
            morning: account.morning, inScope: account.inScope.count, helped: account.helped.count,
            helpedLate: account.helpedLate.count, waiting: account.waiting.count, met: account.outcome ?? false)
    }

    static func customers(_ account: MorningAccount, at: Date) -> [WallCustomer] {
        func rows(_ issues: [Issue], _ group: WallCustomer.Group) -> [(Date, String, WallCustomer)] {
            issues.map { issue in
                let age = Int(at.timeIntervalSince(issue.receivedAt.date))
                let assignee = issue.assignee.map(Untrusted.oneLine)
                return (issue.receivedAt.date, issue.id, WallCustomer(
                    name: Untrusted.oneLine(issue.customer), assignee: assignee?.isEmpty == true ? nil : assignee,
                    waitingSeconds: age, group: group))
            }
        }
        let all = rows(account.earlier, .earlier) + rows(account.waiting, .waiting) + rows(account.nextMorning, .nextMorning)
        return all.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// Who resolved how many issues after `since` up to `at`, most first, then by name.
    static func helpers(_ issues: [Issue], since: Date, at: Date) -> [WallHelper] {
        let recent = issues.filter { issue in
            guard let resolved = issue.resolvedAt?.date else { return false }
            return resolved > since && resolved <= at
        }
        return HelperCount.count(recent).map { WallHelper(name: $0.name ?? "?", count: $0.count) }
            .sorted { ($1.count, $0.name) < ($0.count, $1.name) }
    }

    /// Whole seconds from `from` to `deadline`, rounded away from zero like `MorningStatus`.
    static func secondsUntil(_ deadline: Date, from: Date) -> Int {
        Int(deadline.timeIntervalSince(from).rounded(.awayFromZero))
    }

    static func clockText(_ at: Date, _ schedule: MorningSchedule) -> String {
        let c = schedule.calendar.dateComponents([.hour, .minute], from: at)
        let h = c.hour ?? 0, m = c.minute ?? 0
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }
}
