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
