import Foundation
import TenBoardCore

/// What the board needs from a store: its issues, a cheap change stamp to compare each tick
/// (`StoreWatcher`), and the locked read-modify-write changes, under the board's labels.
/// `IssueStore` is the one that conforms; the tests use it in a temporary directory.
public protocol BoardStore: AnyObject {
    associatedtype Stamp: Equatable
    /// The store as it is now. Throws when it is damaged; the board then keeps its last good data.
    func loadBoard() throws -> BoardData
    /// A fingerprint that changes whenever anyone changes the store; `nil` when there is no store yet.
    func boardStamp() -> Stamp?
    /// Where the store is, to say so when there is none there (a new team, or a wrong path).
    var boardLocation: String { get }
    /// `by` helped the customer; `recordedBy` typed it in, when that is someone else.
    func resolve(id: String, by: String, recordedBy: String?, action: String?, at: Date) throws -> Issue
    func reopen(id: String, at: Date) throws -> Issue
    func add(_ new: NewIssue, at: Date) throws -> Issue
    /// A tally mark: `who` said "klant", `by` drew it; refused at `cap` marks of `who` that day.
    func drawTally(who: String, by: String, at: Date, cap: Int) throws -> (mark: TallyMark, count: Int)
    /// Undo of a tally mark, refused when it is gone; returns its person's count that day.
    func undoTally(_ mark: TallyMark, at: Date) throws -> Int
    /// A customer praised a colleague.
    func addPraise(who: String, customer: String, text: String, recordedBy: String, issue: String?, at: Date) throws -> Praise
    /// Undo of a praise, refused when it is gone.
    func undoPraise(_ praise: Praise, at: Date) throws
    /// Corrects an issue, refused when it is no longer `expecting` (someone changed it meanwhile);
    /// also the board's assign, so an assignment never overwrites a change the lead did not see.
    func edit(id: String, _ edit: IssueEdit, expecting: Issue, at: Date) throws -> Issue
    /// Undo: puts `before` back, refused when the issue is no longer `after`.
    func restore(_ before: Issue, expecting after: Issue, at: Date) throws -> Issue
    /// Takes an open issue out of every count (a duplicate, spam); `reopen` brings it back.
    func withdraw(id: String, reason: String, at: Date) throws -> Issue
}

/// What the form of `n` gives for a new issue.
public struct NewIssue: Sendable, Equatable {
    public var customer: String
    public var summary: String
    public var kind: IssueKind
    public var receivedAt: Date
    public var assignee: String?
    public var channel: String?
    public var isInternal: Bool

    public init(customer: String, summary: String, kind: IssueKind = .question, receivedAt: Date,
                assignee: String? = nil, channel: String? = "phone", isInternal: Bool = false) {
        self.customer = customer
        self.summary = summary
        self.kind = kind
        self.receivedAt = receivedAt
        self.assignee = assignee
        self.channel = channel
        self.isInternal = isInternal
    }
}

/// The part of a store the board shows.
public struct BoardData: Sendable, Equatable {
    /// Open issues and recently resolved ones.
    public var issues: [Issue]
    /// Tally marks per day, named and nameless (`TallyBook.totals`).
    public var tally: [LocalDate: Int]
    /// The named tally marks, oldest first: names for Tab, the last name for Enter.
    public var tallyMarks: [TallyMark]
    public var streakBase: StreakBase?
    /// The archived part of the recent mornings (`StoreState.recentMornings`): for the strip.
    public var recentMornings: MorningLedger?
    /// Mornings whose report to the directors is still in the outbox, oldest first.
    public var pendingReports: [LocalDate]

    public init(
        issues: [Issue] = [], tally: [LocalDate: Int] = [:], streakBase: StreakBase? = nil,
        pendingReports: [LocalDate] = [], tallyMarks: [TallyMark] = []
    ) {
        self.issues = issues
        self.tally = tally
        self.tallyMarks = tallyMarks
        self.streakBase = streakBase
        self.pendingReports = pendingReports
    }
}

extension IssueStore: BoardStore {
    public func loadBoard() throws -> BoardData {
        let s = try snapshot()
        var data = BoardData(
            issues: s.issues, tally: s.tallyBook.totals, streakBase: s.streakBase,
            pendingReports: ReportSender.pendingReports(store: directory).map(\.morning), tallyMarks: s.tallyMarks)
        data.recentMornings = s.recentMornings
        return data
    }

    /// The hot file and the report outbox: a report that fails or gets sent shows at once; `nil`
    /// when there is no hot file (no store here yet), as the wall's stamp.
    public func boardStamp() -> [FileStamp?]? {
        guard let hot = changeStamp() else { return nil }
        return [hot, FileStamp.of(directory.appendingPathComponent("outbox").path)]
    }

    public var boardLocation: String { directory.path }

    // reopen(id:at:) and restore(_:expecting:at:) are the store's own.

    public func add(_ new: NewIssue, at: Date) throws -> Issue {
        try add(customer: new.customer, summary: new.summary, kind: new.kind, receivedAt: new.receivedAt,
                assignee: new.assignee, isInternal: new.isInternal, channel: new.channel, at: at)
    }

    public func edit(id: String, _ edit: IssueEdit, expecting: Issue, at: Date) throws -> Issue {
        try self.edit(id: id, edit, expecting: expecting as Issue?, at: at)
    }
}
