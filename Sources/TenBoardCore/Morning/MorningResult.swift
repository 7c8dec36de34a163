import Foundation

/// How one morning ended, in counts: what the wall shows between mornings.
public struct MorningResult: Sendable, Equatable {
    public var morning: LocalDate
    public var inScope: Int
    public var helped: Int
    public var helpedLate: Int
    public var waiting: Int
    /// Every customer helped in time (zero customers counts as met).
    public var met: Bool

    public init(morning: LocalDate, inScope: Int, helped: Int, helpedLate: Int = 0, waiting: Int = 0, met: Bool) {
        self.morning = morning
        self.inScope = inScope
        self.helped = helped
        self.helpedLate = helpedLate
        self.waiting = waiting
        self.met = met
    }
}
