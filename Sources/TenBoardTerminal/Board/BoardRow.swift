import Foundation
import TenBoardCore

/// One customer in the list, with the part of the list it belongs to.
public struct BoardRow: Sendable, Equatable {
    public var issue: Issue
    public var group: BoardGroup
    /// The morning the issue counts for (for a carried-over one: the morning it missed).
    public var morning: LocalDate?
    /// What became of the customer in the morning's account (helped, helped late, waiting…).
    public var fate: MorningFate?
    /// The deadline that decides lateness for this row: the account's.
    public var deadline: Date?

    public init(issue: Issue, group: BoardGroup, morning: LocalDate? = nil, fate: MorningFate? = nil, deadline: Date? = nil) {
        self.issue = issue
        self.group = group
        self.morning = morning
        self.fate = fate
        self.deadline = deadline
    }

    /// Helped after the deadline.
    public var isLate: Bool { fate == .helpedLate }
}
