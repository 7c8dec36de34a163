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
    /// The morning's account and state, as the core decided them: the same value as the board's,
    /// `status`'s and the report's. The wall holds it; it does not copy its numbers.
    public var status: MorningStatus
    /// The morning shown: today's, or between mornings the next one.
    public var morning: LocalDate
    /// Seconds to the deadline of `morning`, negative once passed.
    public var secondsLeft: Int
    /// Everyone still waiting, oldest first: carried over, this morning's, the next one's.
    public var customers: [WallCustomer]
    /// Who helped how many of the morning's customers, most first (the account's one count).
    public var helpers: [WallHelper]
    /// Tally marks drawn today ("klant" said), named and nameless.
    public var tally: Int
    /// Today's tally marks per person, the week's leader, today's praise, the week's helpers.
    public var people = WallPeople()
    /// Between mornings: how the last morning went.
    public var result: MorningResult?
    /// The wall-clock time, "09:41".
    public var clock: String
    /// A problem reading the store, shown in a corner; `nil` when all is well.
    public var notice: String?
    /// The instant of a frozen view (`wall --at`), shown as a badge; `nil` when live.
    public var frozenAt: Date?
    /// The last decided mornings, oldest first, for the strip beside the streak.
    public var recent: [MorningRow] = []
    /// How many of the last few mornings with customers were met.
    public var recentRate = MorningRate(met: 0, of: 0)
    /// What `secondsLeft` counts down to when it is not the status's deadline (between mornings:
    /// the next morning's), so that `retimed` can count on.
    var countdownTarget: Date?

    public init(
        language: Language = .en, mode: Mode, status: MorningStatus, customers: [WallCustomer] = [],
        helpers: [WallHelper] = [], tally: Int = 0, result: MorningResult? = nil, clock: String = "",
        notice: String? = nil, frozenAt: Date? = nil
    ) {
        self.language = language
        self.mode = mode
        self.status = status
        self.morning = status.morning
        self.secondsLeft = status.secondsLeft
        self.customers = customers
        self.helpers = helpers
        self.tally = tally
        self.result = result
        self.clock = clock
        self.notice = notice
        self.frozenAt = frozenAt
    }

    public var state: MorningState { status.state }
    public var deadline: ClockTime { status.schedule.deadline }
    public var helped: Int { status.helped }
    public var helpedLate: Int { status.helpedLate }
    public var inScope: Int { status.inScope }
    /// Customers of the morning still waiting, carried over ones included.
    public var waiting: Int { status.waiting }
    public var streak: Int { status.streak }
    public var paceNeeded: Double? { status.paceNeeded }
}

/// One waiting customer on the wall.
public struct WallCustomer: Sendable, Equatable {
    public enum Group: Sendable, Equatable {
        /// Helped, then wrote again (mail intake): first, for a lead to decide.
        case wroteAgain
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
    /// For a customer carried over from an earlier morning: the morning they missed.
    public var missed: LocalDate?
    /// Since when they wait (received, or wrote again), so that `WallState.retimed` can count on.
    var since: Date?

    public init(name: String, assignee: String? = nil, waitingSeconds: Int, group: Group = .waiting, missed: LocalDate? = nil) {
        self.name = name
        self.assignee = assignee
        self.waitingSeconds = waitingSeconds
        self.group = group
        self.missed = missed
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
