import TenBoardCore

/// One customer in the list, with the part of the list it belongs to.
public struct BoardRow: Sendable, Equatable {
    public var issue: Issue
    public var group: BoardGroup
    /// The morning the issue counts for.
    public var morning: LocalDate?

    public init(issue: Issue, group: BoardGroup, morning: LocalDate? = nil) {
        self.issue = issue
        self.group = group
        self.morning = morning
    }
}

/// The parts of the list, in display order.
public enum BoardGroup: Int, Sendable, Comparable, CaseIterable {
    /// Still waiting after their own morning's deadline: the oldest, shown first.
    case earlier
    /// Waiting, counting for the current morning.
    case waiting
    /// Waiting, received after the cut-off: they count for the next morning, set apart.
    case nextMorning
    /// Helped this morning (in time or late), newest first: there so `u` can reopen them.
    case helped

    public static func < (a: BoardGroup, b: BoardGroup) -> Bool { a.rawValue < b.rawValue }
}
