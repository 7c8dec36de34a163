import Foundation
import TenBoardCore

/// Everything the board shows at one instant: the view-model that `BoardRenderer` turns into a
/// grid. It holds no store or terminal, so any screen can be rendered in a test.
public struct BoardState: Sendable, Equatable {
    public var language: Language
    /// The zone in which times are written (the schedule's).
    public var timeZone: TimeZone
    public var now: Date
    public var header: BoardHeader
    /// The rows of the list, after the filter, in display order.
    public var rows: [BoardRow]
    /// The selected issue; kept by id so that refreshes and resizes keep the same customer.
    public var selectedID: String?
    /// The first list row shown; the renderer still scrolls to keep the selection visible.
    public var scrollTop: Int
    public var screen: BoardScreen
    public var overlay: BoardOverlay
    /// The text filter (`/`); empty means none.
    public var filter: String
    /// A line about the last action or a problem; `nil` when there is none.
    public var notice: Notice?
    public var readOnly: Bool

    public init(
        language: Language = .en, timeZone: TimeZone, now: Date, header: BoardHeader,
        rows: [BoardRow] = [], selectedID: String? = nil, scrollTop: Int = 0,
        screen: BoardScreen = .list, overlay: BoardOverlay = .none, filter: String = "",
        notice: Notice? = nil, readOnly: Bool = false
    ) {
        self.language = language
        self.timeZone = timeZone
        self.now = now
        self.header = header
        self.rows = rows
        self.selectedID = selectedID
        self.scrollTop = scrollTop
        self.screen = screen
        self.overlay = overlay
        self.filter = filter
        self.notice = notice
        self.readOnly = readOnly
    }

    /// The index in `rows` of the selected issue, if it is shown.
    public var selectedIndex: Int? {
        guard let selectedID else { return nil }
        return rows.firstIndex { $0.issue.id == selectedID }
    }

    /// The selected row, if it is shown.
    public var selectedRow: BoardRow? { selectedIndex.map { rows[$0] } }
}

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
