import Foundation
import TenBoardCore

/// The morning as the header shows it.
public struct BoardHeader: Sendable, Equatable {
    public var morning: LocalDate
    /// The deadline's wall-clock time ("10:00").
    public var deadlineTime: ClockTime
    /// Seconds to the deadline, negative once passed.
    public var secondsLeft: Int
    public var state: MorningState
    public var helped: Int
    public var helpedLate: Int
    public var inScope: Int
    public var waiting: Int
    public var nextMorning: Int
    /// Customers per hour needed to make it; `nil` when not meaningful.
    public var paceNeeded: Double?
    /// When everyone is helped at the current pace; `nil` when unknown.
    public var projectedFinish: Date?
    public var streak: Int
    /// Tally marks drawn today ("customer" said).
    public var tally: Int

    public init(
        morning: LocalDate, deadlineTime: ClockTime = ClockTime(hour: 10, minute: 0), secondsLeft: Int,
        state: MorningState, helped: Int = 0, helpedLate: Int = 0, inScope: Int = 0, waiting: Int = 0,
        nextMorning: Int = 0, paceNeeded: Double? = nil, projectedFinish: Date? = nil, streak: Int = 0,
        tally: Int = 0
    ) {
        self.morning = morning
        self.deadlineTime = deadlineTime
        self.secondsLeft = secondsLeft
        self.state = state
        self.helped = helped
        self.helpedLate = helpedLate
        self.inScope = inScope
        self.waiting = waiting
        self.nextMorning = nextMorning
        self.paceNeeded = paceNeeded
        self.projectedFinish = projectedFinish
        self.streak = streak
        self.tally = tally
    }
}
