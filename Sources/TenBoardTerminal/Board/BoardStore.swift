import Foundation
import TenBoardCore

/// What the board needs from a store: its issues, a cheap change stamp to compare each tick, and
/// the locked read-modify-write changes. `IssueStore` conforms; tests use an in-memory fake.
public protocol BoardStore: AnyObject {
    associatedtype Stamp: Equatable
    /// The store as it is now. Throws when it is damaged; the board then keeps its last good data.
    func loadBoard() throws -> BoardData
    /// A fingerprint that changes whenever anyone changes the store; `nil` when there is no store yet.
    func boardStamp() -> Stamp?
    func resolve(id: String, by: String, action: String?, at: Date) throws -> Issue
    func reopen(id: String, at: Date) throws -> Issue
    func assign(id: String, to assignee: String?, at: Date) throws -> Issue
    func add(customer: String, summary: String, kind: IssueKind, receivedAt: Date, at: Date) throws -> Issue
    func drawTally(on day: LocalDate, at: Date) throws -> Int
    /// Takes an open issue out of every count (a duplicate, spam); `reopen` brings it back.
    func withdraw(id: String, reason: String, at: Date) throws -> Issue
}

/// The part of a store the board shows.
public struct BoardData: Sendable, Equatable {
    /// Open issues and recently resolved ones.
    public var issues: [Issue]
    public var tally: [LocalDate: Int]
    public var streakBase: StreakBase?
    /// The first day the store existed: the streak does not count mornings before it.
    public var since: LocalDate?
    /// Mornings whose report to the directors is still in the outbox, oldest first.
    public var pendingReports: [LocalDate]

    public init(
        issues: [Issue] = [], tally: [LocalDate: Int] = [:], streakBase: StreakBase? = nil, since: LocalDate? = nil,
        pendingReports: [LocalDate] = []
    ) {
        self.issues = issues
        self.tally = tally
        self.streakBase = streakBase
        self.since = since
        self.pendingReports = pendingReports
    }
}

extension IssueStore: BoardStore {
    public func loadBoard() throws -> BoardData {
        let s = try snapshot()
        return BoardData(
            issues: s.issues, tally: s.tally, streakBase: s.streakBase, since: s.createdAt,
            pendingReports: ReportSender.pendingReports(store: directory).map(\.morning))
    }

    /// The hot file and the report outbox: a report that fails or gets sent shows at once.
    public func boardStamp() -> [FileStamp?]? {
        [changeStamp(), FileStamp.of(directory.appendingPathComponent("outbox").path)]
    }

    public func reopen(id: String, at: Date) throws -> Issue { try reopen(id: id, now: at) }

    public func assign(id: String, to assignee: String?, at: Date) throws -> Issue {
        try assign(id: id, to: assignee, now: at)
    }

    public func add(customer: String, summary: String, kind: IssueKind, receivedAt: Date, at: Date) throws -> Issue {
        try add(customer: customer, summary: summary, kind: kind, receivedAt: receivedAt, assignee: nil,
                isInternal: false, channel: "phone", now: at)
    }

    public func drawTally(on day: LocalDate, at: Date) throws -> Int { try drawTally(on: day, now: at) }
}
