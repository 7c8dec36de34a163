import Foundation

/// Which customers one morning had, and how they fared, as seen at one instant.
///
/// Seen at an instant (`tenboard … --at`): issues received after it do not exist yet, and an issue
/// resolved after it is still waiting. Every list is sorted by `receivedAt`, then `id`.
public struct MorningAccount: Sendable, Equatable {
    /// The day of the morning.
    public var morning: LocalDate
    /// The instant the account was taken at.
    public var at: Date
    /// Issues received after this instant count for an earlier morning.
    public var scopeStart: Date
    /// Issues received after this instant count for a later morning.
    public var scopeEnd: Date
    /// When the customers in scope must have been helped.
    public var deadline: Date
    /// Issues counting for this morning.
    public var inScope: [Issue]
    /// In scope, resolved at or before the deadline.
    public var helped: [Issue]
    /// In scope, resolved after the deadline.
    public var helpedLate: [Issue]
    /// In scope, still open at `at`.
    public var waiting: [Issue]
    /// Open at `at`, counting for a later morning (received after the cut-off).
    public var nextMorning: [Issue]
    /// Open at `at`, counting for an earlier morning: customers whose deadline has gone.
    public var earlier: [Issue]

    /// Whether every customer in scope was helped in time, once that is decided: `true` as soon
    /// as nobody waits (more may still arrive before the cut-off), `false` once the deadline passed
    /// with someone waiting or helped late, `nil` while customers wait before the deadline.
    public var outcome: Bool? {
        if at > deadline { return waiting.isEmpty && helpedLate.isEmpty }
        return waiting.isEmpty ? true : nil
    }
}

extension Issue {
    /// Whether the issue was resolved at `instant`, as it would have looked then.
    func wasResolved(at instant: Date) -> Bool {
        guard status == .resolved, let resolved = resolvedAt?.date else { return false }
        return resolved <= instant
    }

    /// Whether the record says it was resolved before it was received: a data error for `check`.
    var isResolvedBeforeReceived: Bool {
        guard let resolved = resolvedAt?.date else { return false }
        return resolved < receivedAt.date
    }
}

/// Checks of the morning's data, for `tenboard check`.
public enum MorningCheck {
    /// The issues resolved before they were received, in the order given.
    ///
    /// The morning's accounting never turns them into negative durations: it counts such an issue
    /// as helped the moment it was received.
    public static func resolvedBeforeReceived(_ issues: [Issue]) -> [Issue] {
        issues.filter(\.isResolvedBeforeReceived)
    }
}

extension MorningSchedule {
    /// The account of the morning of `day`, as it stood at `at`.
    ///
    /// - Parameters:
    ///   - day: should be a morning; for a day without one the scope is empty, and what arrived
    ///     since the previous morning's cut-off is listed as `nextMorning`.
    ///   - issues: any issues; each is placed by its `receivedAt`.
    ///   - at: the instant; `.distantFuture` takes the account as recorded, for archived mornings.
    public func account(of day: LocalDate, issues: [Issue], at: Date) -> MorningAccount {
        let cal = calendar
        let start = instant(of: cutoff, on: previousMorning(before: day), calendar: cal)
        let end = isMorning(day) ? instant(of: cutoff, on: day, calendar: cal) : start
        let deadlineDate = instant(of: deadline, on: day, calendar: cal)
        var account = MorningAccount(
            morning: day, at: at, scopeStart: start, scopeEnd: end, deadline: deadlineDate,
            inScope: [], helped: [], helpedLate: [], waiting: [], nextMorning: [], earlier: []
        )
        let known = issues.filter { $0.receivedAt.date <= at }.sorted {
            ($0.receivedAt.date, $0.id) < ($1.receivedAt.date, $1.id)
        }
        for issue in known {
            let received = issue.receivedAt.date
            let resolved = issue.wasResolved(at: at)
            if received <= start {
                if !resolved { account.earlier.append(issue) }
            } else if received > end {
                if !resolved { account.nextMorning.append(issue) }
            } else {
                account.inScope.append(issue)
                if !resolved {
                    account.waiting.append(issue)
                } else if issue.resolvedAt!.date <= deadlineDate {
                    account.helped.append(issue)
                } else {
                    account.helpedLate.append(issue)
                }
            }
        }
        return account
    }

    /// Whether every customer of the morning of `day` was helped in time, as recorded; zero
    /// customers counts as met. For the store when it archives a morning.
    public func outcome(of day: LocalDate, issues: [Issue]) -> Bool {
        account(of: day, issues: issues, at: .distantFuture).outcome ?? false
    }
}
