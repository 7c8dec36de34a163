import Foundation

/// Where the morning stands at an instant.
public enum MorningState: String, Sendable, CaseIterable, Codable {
    /// Before the deadline, customers waiting.
    case waiting
    /// Within the schedule's `warningSeconds` of the deadline (inclusive), customers waiting.
    case warning
    /// Nobody in scope waits, at or before the deadline (also with zero customers).
    case done
    /// The deadline passed with customers waiting.
    case overdue
    /// The deadline passed and nobody waits, whether helped in time or late.
    case closed
    /// Today has no morning (weekend, holiday); the status is about the next one.
    case none
}

/// The morning as `tenboard status` shows it at one instant.
public struct MorningStatus: Sendable, Equatable {
    /// The instant the status is taken at.
    public var at: Date
    /// The morning now relevant: today's until midnight if today has one, else the next.
    public var morning: LocalDate
    public var deadline: Date
    /// Whole seconds to the deadline, negative once passed; rounded away from zero, so that a
    /// countdown reaches 0 only at the deadline and "overdue" never shows 0:00:00.
    public var secondsLeft: Int
    public var state: MorningState
    /// The customers of `morning` and those already counting for a later one.
    public var account: MorningAccount
    /// Mornings in a row ended with every customer helped in time; see `MorningSchedule.streak`.
    public var streak: Int
    /// Customers per hour needed to help everyone waiting by the deadline; `nil` when nobody
    /// waits, the deadline is not ahead, or today has no morning.
    public var paceNeeded: Double?
    /// Customers in scope helped per hour over the last `MorningSchedule.paceWindowSeconds`;
    /// `nil` when today has no morning.
    public var currentPace: Double?
    /// When everyone waiting is helped if `currentPace` holds; `nil` when nobody waits or the
    /// current pace is zero or unknown.
    public var projectedFinish: Date?
    /// The schedule the status was computed with (its zone writes the deadline).
    public var schedule: MorningSchedule

    public var inScope: Int { account.inScope.count }
    public var helped: Int { account.helped.count }
    public var helpedLate: Int { account.helpedLate.count }
    public var waiting: Int { account.waiting.count }
    public var nextMorning: Int { account.nextMorning.count }

    /// The object of `tenboard status --json`, with exactly its ten keys.
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
            "nextMorning": .int(nextMorning),
            "streak": .int(streak),
        ])
    }
}

extension MorningSchedule {
    /// The span over which the current pace is measured: recent enough to follow the team.
    public static let paceWindowSeconds = 3600

    /// The status of the morning relevant at `at`.
    ///
    /// - Parameters:
    ///   - at: the instant (`--at`); issues received later do not exist yet, and issues resolved
    ///     later still wait.
    ///   - issues: the hot issues of the store.
    ///   - base, since: passed on to `streak(at:issues:base:since:)`.
    public func status(
        at: Date, issues: [Issue], base: StreakBase? = nil, since: LocalDate? = nil
    ) -> MorningStatus {
        let morning = relevantMorning(at: at)
        let account = account(of: morning, issues: issues, at: at)
        let left = account.deadline.timeIntervalSince(at)
        let hasMorning = morning == localDate(of: at)
        let waiting = account.waiting.count
        let state: MorningState =
            if !hasMorning { .none }
            else if left < 0 { waiting == 0 ? .closed : .overdue }
            else if waiting == 0 { .done }
            else if left <= Double(warningSeconds) { .warning }
            else { .waiting }

        var currentPace: Double?
        if hasMorning {
            let window = Double(Self.paceWindowSeconds)
            let recent = account.inScope.filter {
                guard $0.wasResolved(at: at), let resolved = $0.resolvedAt?.date else { return false }
                return resolved > at.addingTimeInterval(-window)
            }
            currentPace = Double(recent.count) * 3600 / window
        }
        var projected: Date?
        if waiting > 0, let pace = currentPace, pace > 0 {
            projected = at.addingTimeInterval(Double(waiting) / pace * 3600)
        }
        return MorningStatus(
            at: at, morning: morning, deadline: account.deadline,
            secondsLeft: Int(left.rounded(.awayFromZero)), state: state, account: account,
            streak: streak(at: at, issues: issues, base: base, since: since),
            paceNeeded: hasMorning && waiting > 0 && left > 0 ? Double(waiting) * 3600 / left : nil,
            currentPace: currentPace, projectedFinish: projected, schedule: self
        )
    }
}
