import Foundation

/// Everything the morning report says, taken at one instant: the input of `MorningReport`.
public struct MorningReportData: Sendable, Equatable {
    /// The morning reported on.
    public var morning: LocalDate
    /// The instant the report describes (`--at`); waiting times are measured to it.
    public var asOf: Date
    /// When the customers had to be helped (10:00 local).
    public var deadline: Date
    /// The zone for every time shown.
    public var timeZone: TimeZone
    /// `true` met, `false` missed, `nil` not decided yet (customers waiting before the deadline).
    public var outcome: Bool?
    /// Customers counting for this morning, helped at or before the deadline.
    public var helped: [Issue]
    /// Helped after the deadline.
    public var helpedLate: [Issue]
    /// Still open at `asOf`.
    public var waiting: [Issue]
    /// Mornings in a row with every customer helped in time.
    public var streak: Int

    public init(
        morning: LocalDate, asOf: Date, deadline: Date, timeZone: TimeZone, outcome: Bool?,
        helped: [Issue], helpedLate: [Issue], waiting: [Issue], streak: Int
    ) {
        self.morning = morning
        self.asOf = asOf
        self.deadline = deadline
        self.timeZone = timeZone
        self.outcome = outcome
        self.helped = helped
        self.helpedLate = helpedLate
        self.waiting = waiting
        self.streak = streak
    }

    /// Every customer counting for this morning.
    public var received: [Issue] { helped + helpedLate + waiting }

    /// How many customers of each kind came in, in `IssueKind` order, kinds with none left out.
    public var receivedByKind: [(kind: IssueKind, count: Int)] {
        let all = received
        return IssueKind.allCases.map { kind in (kind, all.count { $0.kind == kind }) }.filter { $0.count > 0 }
    }

    /// The helped customers (in time or late) whose resolution recorded an action point.
    public var actionPoints: [Issue] {
        (helped + helpedLate).filter { !($0.action ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// Who helped how many customers (in time or late): most first, then by name; `nil` name
    /// when `resolvedBy` was not recorded.
    public var helpers: [HelperCount] { HelperCount.count(helped + helpedLate) }
}
