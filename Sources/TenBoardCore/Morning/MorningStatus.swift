import Foundation

/// Where the morning stands at an instant.
public enum MorningState: String, Sendable, CaseIterable, Codable {
    /// Before the deadline, customers waiting.
    case waiting
    /// Within the schedule's `warningSeconds` of the deadline (inclusive), customers waiting.
    case warning
    /// Every customer of the morning is helped, at or before the deadline.
    case done
    /// The deadline passed with customers waiting.
    case overdue
    /// The deadline passed and nobody waits, whether helped in time or late.
    case closed
    /// The morning has no customers (so far): neutral, it neither extends nor breaks the streak.
    case quiet
    /// Today has no morning (weekend, holiday); the status is about the next one.
    case none
}

/// The morning as `tenboard status`, the board, the wall and the report see it at one instant:
/// the account of the relevant morning and what follows from it. Screens hold this value; they
/// do not copy its numbers.
public struct MorningStatus: Sendable, Equatable {
    /// Whole seconds to the deadline, negative once passed; rounded away from zero, so that a
    /// countdown reaches 0 only at the deadline and "overdue" never shows 0:00:00.
    public var secondsLeft: Int
    public var state: MorningState
    /// The customers of the relevant morning and those already counting for a later one.
    public var account: MorningAccount
    /// Mornings in a row ended with every customer helped in time; see `MorningSchedule.streak`.
    public var streak: Int
    /// Customers per hour needed to help everyone waiting by the deadline; `nil` when nobody
    /// waits, today has no morning, or less than `MorningSchedule.paceMinimumSeconds` are left
    /// (a rate then means nothing: screens say how many are still to go).
    public var paceNeeded: Double?
    /// Customers in scope helped per hour over the last `MorningSchedule.paceWindowSeconds`;
    /// `nil` when today has no morning.
    public var currentPace: Double?
    /// When everyone waiting is helped if `currentPace` holds; `nil` when nobody waits or the
    /// current pace is zero or unknown.
    public var projectedFinish: Date?
    /// The schedule the status was computed with (its zone writes the deadline).
    public var schedule: MorningSchedule

    /// The instant the status is taken at.
    public var at: Date { account.at }
    /// The morning now relevant: today's until midnight if today has one, else the next.
    public var morning: LocalDate { account.morning }
    public var deadline: Date { account.deadline }
    public var inScope: Int { account.inScope.count }
    public var helped: Int { account.helped.count }
    public var helpedLate: Int { account.helpedLate.count }
    /// Helped in time or late: the N of "N of M helped".
    public var helpedAll: Int { helped + helpedLate }
    public var waiting: Int { account.waiting.count }
    public var carriedOver: Int { account.carriedOver.count }
    public var nextMorning: Int { account.nextMorning.count }
    /// Whether the projected finish lies after the deadline.
    public var finishesLate: Bool { projectedFinish.map { $0 > deadline } ?? false }

    /// The object of `tenboard status --json`, with exactly its eleven keys.
    public var json: JSONValue {
        .object([
            "morning": .string(morning.description),
            "deadline": .string(Timestamp(deadline, in: schedule.timeZone).rfc3339),
            "secondsLeft": .int(secondsLeft),
            "state": .string(state.rawValue),
            "inScope": .int(inScope),
            "helped": .int(helped),
            "helpedLate": .int(helpedLate),
            "waiting": .int(waiting),
            "carriedOver": .int(carriedOver),
            "nextMorning": .int(nextMorning),
            "streak": .int(streak),
        ])
    }
}

extension MorningSchedule {
    /// The span over which the current pace is measured: recent enough to follow the team.
    public static let paceWindowSeconds = 3600
    /// Below this much time to the deadline no pace is given, only how many are still to go.
    public static let paceMinimumSeconds = 600

    /// The status of the morning relevant at `at`.
    ///
    /// - Parameters:
    ///   - at: the instant (`--at`); issues received later do not exist yet, and issues resolved
    ///     later still wait.
    ///   - issues: the hot issues of the store.
    ///   - base: passed on to `streak(at:issues:base:)`.
    public func status(at: Date, issues: [Issue], base: StreakBase? = nil) -> MorningStatus {
        let account = account(of: relevantMorning(at: at), issues: issues, at: at)
        return status(of: account, streak: streak(at: at, issues: issues, base: base, today: account))
    }

    /// The status that follows from a morning's account and the streak: the state, the
    /// countdown and the pace at the account's instant.
    ///
    /// The screens keep the account (it changes only with the store and the minute: every
    /// boundary of a morning is a whole minute) and ask this each second with the account's
    /// `at` moved on, so a ticking countdown costs no pass over the store.
    public func status(of account: MorningAccount, streak: Int) -> MorningStatus {
        let at = account.at
        let morning = account.morning
        let left = account.deadline.timeIntervalSince(at)
        let hasMorning = morning == localDate(of: at)
        let waiting = account.waiting.count
        let state: MorningState =
            if !hasMorning { .none }
            else if account.inScope.isEmpty { .quiet }
            else if left < 0 { waiting == 0 ? .closed : .overdue }
            else if waiting == 0 { .done }
            else if left <= Double(warningSeconds) { .warning }
            else { .waiting }

        var currentPace: Double?
        if hasMorning {
            let window = Double(Self.paceWindowSeconds)
            // Read in place: the screens ask this every second, and a copy of each issue (its
            // strings retained and released) would cost more than the comparisons.
            let since = at.addingTimeInterval(-window)
            let recent = account.inScope.withUnsafeBufferPointer { issues in
                var count = 0
                for i in issues.indices where issues[i].status == .resolved {
                    if let resolved = issues[i].resolvedAt?.date, resolved <= at, resolved > since { count += 1 }
                }
                return count
            }
            currentPace = Double(recent) * 3600 / window
        }
        var projected: Date?
        if waiting > 0, let pace = currentPace, pace > 0 {
            projected = at.addingTimeInterval(Double(waiting) / pace * 3600)
        }
        let paceNeeded = hasMorning && waiting > 0 && left >= Double(Self.paceMinimumSeconds)
            ? Double(waiting) * 3600 / left : nil
        return MorningStatus(
            secondsLeft: Int(left.rounded(.awayFromZero)), state: state, account: account,
            streak: streak,
            paceNeeded: paceNeeded, currentPace: currentPace, projectedFinish: projected, schedule: self
        )
    }
}
