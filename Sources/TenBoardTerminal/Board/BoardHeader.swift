import Foundation
import TenBoardCore

/// The morning as the header shows it: the core's `MorningStatus` itself (the same value the
/// wall, `status` and the report show), plus what only the board adds.
public struct BoardHeader: Sendable, Equatable {
    /// The morning's account and state, as the core decided them.
    public var status: MorningStatus
    /// Tally marks drawn today ("customer" said).
    public var tally: Int
    /// The instant of a frozen view (`board --at`); `nil` for the live board.
    public var frozenAt: Date?
    /// The last decided mornings, oldest first, for the strip beside the streak.
    public var recent: [MorningRow] = []
    /// How many of the last few mornings with customers were met.
    public var recentRate = MorningRate(met: 0, of: 0)

    public init(status: MorningStatus, tally: Int = 0, frozenAt: Date? = nil) {
        self.status = status
        self.tally = tally
        self.frozenAt = frozenAt
    }

    public var morning: LocalDate { status.morning }
    /// The deadline's wall-clock time ("10:00").
    public var deadlineTime: ClockTime { status.schedule.deadline }
    public var secondsLeft: Int { status.secondsLeft }
    public var state: MorningState { status.state }

    /// The header a moment later in the same minute, for the same store: the countdown, the
    /// state and the pace through the core's `status(of:streak:)`, without a pass over the store
    /// (every boundary of a morning is a whole minute; a change to the store is a new read).
    public func retimed(to at: Date, schedule: MorningSchedule) -> BoardHeader {
        var header = self
        var account = status.account
        account.at = at
        header.status = schedule.status(of: account, streak: status.streak)
        if frozenAt != nil { header.frozenAt = at }
        return header
    }
}
