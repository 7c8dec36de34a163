import Foundation
import TenBoardCore

/// Everything the wall shows at one instant: `WallLayout` turns it into a grid. Built from a store
/// snapshot and the clock by `WallState.make`, so any screen can be produced in a test.
public struct WallState: Sendable, Equatable {
    /// Which of the wall's three screens is shown.
    public enum Mode: Sendable, Equatable {
        /// Before or after the deadline with customers waiting: the big countdown (or how late).
        case countdown
        /// Every customer of the morning is helped, before the deadline.
        case allHelped
        /// After a morning closed, on weekends and holidays: the last result and the next deadline.
        case between
    }

    public var language: Language
    public var mode: Mode
    public var state: MorningState
    /// The morning shown: today's, or between mornings the next one.
    public var morning: LocalDate
    public var deadline: ClockTime
    /// Seconds to the deadline of `morning`, negative once passed.
    public var secondsLeft: Int
    public var helped: Int
    public var helpedLate: Int
    public var inScope: Int
    /// Customers of `morning` still waiting.
    public var waiting: Int
    /// Everyone still waiting, oldest first: earlier mornings', this morning's, the next one's.
    public var customers: [WallCustomer]
    /// Who helped how many since the previous deadline, most first.
    public var helpers: [WallHelper]
    public var streak: Int
    /// Tally marks drawn today ("customer" said).
    public var tally: Int
    public var paceNeeded: Double?
    /// Between mornings: how the last morning went.
    public var result: MorningResult?
    /// The wall-clock time, "09:41".
    public var clock: String
    /// A problem reading the store, shown in a corner; `nil` when all is well.
    public var notice: String?

    public init(
        language: Language = .en, mode: Mode, state: MorningState, morning: LocalDate,
        deadline: ClockTime = ClockTime(hour: 10, minute: 0), secondsLeft: Int, helped: Int = 0,
        helpedLate: Int = 0, inScope: Int = 0, waiting: Int = 0, customers: [WallCustomer] = [],
        helpers: [WallHelper] = [], streak: Int = 0, tally: Int = 0, paceNeeded: Double? = nil,
        result: MorningResult? = nil, clock: String = "", notice: String? = nil
    ) {
        self.language = language
        self.mode = mode
        self.state = state
        self.morning = morning
        self.deadline = deadline
        self.secondsLeft = secondsLeft
        self.helped = helped
        self.helpedLate = helpedLate
        self.inScope = inScope
        self.waiting = waiting
        self.customers = customers
        self.helpers = helpers
        self.streak = streak
        self.tally = tally
        self.paceNeeded = paceNeeded
        self.result = result
        self.clock = clock
        self.notice = notice
    }
}

/// One waiting customer on the wall.
public struct WallCustomer: Sendable, Equatable {
    public enum Group: Sendable, Equatable {
        /// Their own morning's deadline has passed.
        case earlier
        /// Counting for the morning shown.
        case waiting
        /// Received after the cut-off: counting for the morning after.
        case nextMorning
    }

    /// The customer's name, already flattened to one line (it is untrusted text).
    public var name: String
    public var assignee: String?
    public var waitingSeconds: Int
    public var group: Group

    public init(name: String, assignee: String? = nil, waitingSeconds: Int, group: Group = .waiting) {
        self.name = name
        self.assignee = assignee
        self.waitingSeconds = waitingSeconds
        self.group = group
    }
}

/// A colleague and the customers they helped: the seed's "biggest customer thinker".
public struct WallHelper: Sendable, Equatable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}
