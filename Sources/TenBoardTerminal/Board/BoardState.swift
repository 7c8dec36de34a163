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
    public var rows: [BoardRow] { didSet { list = BoardList(rows: rows) } }
    /// The list's lines and the widths its columns want, worked out once for the rows.
    public private(set) var list: BoardList
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
    /// Nothing could be read from the store yet (it was damaged or unreadable from the start):
    /// the screen must not say "no customers", it does not know.
    public var unread: Bool

    public init(
        language: Language = .en, timeZone: TimeZone, now: Date, header: BoardHeader,
        rows: [BoardRow] = [], selectedID: String? = nil, scrollTop: Int = 0,
        screen: BoardScreen = .list, overlay: BoardOverlay = .none, filter: String = "",
        notice: Notice? = nil, readOnly: Bool = false, unread: Bool = false, list: BoardList? = nil
    ) {
        self.list = list ?? BoardList(rows: rows)
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
        self.unread = unread
    }

    /// The index in `rows` of the selected issue, if it is shown.
    public var selectedIndex: Int? {
        guard let selectedID else { return nil }
        return rows.firstIndex { $0.issue.id == selectedID }
    }

    /// The selected row, if it is shown.
    public var selectedRow: BoardRow? { selectedIndex.map { rows[$0] } }
}

/// The list's lines (headings included) and the widths its columns want, for a set of rows: a
/// frame asks for them three times (scroll, list, footer), and a busy morning's board holds
/// a thousand customers and more, so they are worked out once for the rows, not per frame.
public struct BoardList: Sendable, Equatable {
    var lines: [IssueListView.Line]
    /// The widest id + 1, customer, and helper or assignee of the rows (uncapped).
    var idWidth: Int
    var customerWidth: Int
    var assigneeWidth: Int

    public init(rows: [BoardRow]) {
        lines = IssueListView.lines(rows)
        var id = 0, customer = 0, assignee = 0
        // Read in place: a copy of each row's issue would cost more than measuring it.
        rows.withUnsafeBufferPointer { rows in
            for i in rows.indices {
                id = max(id, DisplayWidth.of(rows[i].issue.id) + 1)
                customer = max(customer, DisplayWidth.of(rows[i].issue.customer))
                if let name = rows[i].issue.resolvedBy ?? rows[i].issue.assignee { assignee = max(assignee, DisplayWidth.of(name)) }
            }
        }
        (idWidth, customerWidth, assigneeWidth) = (id, customer, assignee)
    }
}
