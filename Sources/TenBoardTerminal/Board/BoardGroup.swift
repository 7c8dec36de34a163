/// The parts of the list, in display order.
public enum BoardGroup: Int, Sendable, Comparable, CaseIterable {
    /// Helped, then the customer wrote again (mail intake): first, for a lead to decide whether
    /// to reopen. It stays until the issue is reopened or helped again.
    case wroteAgain
    /// Carried over: still waiting after their own morning's deadline, counting for this one too.
    /// The oldest, shown first.
    case earlier
    /// Waiting, counting for the current morning.
    case waiting
    /// Waiting, received after the cut-off: they count for the next morning, set apart.
    case nextMorning
    /// Helped this morning (in time or late), newest first: there so `u` can reopen them.
    case helped

    public static func < (a: BoardGroup, b: BoardGroup) -> Bool { a.rawValue < b.rawValue }
}
