import Foundation

/// Everything the morning report says, taken at one instant: the input of `MorningReport`. It
/// holds the morning's account, the same value the board, the wall and `status` show.
public struct MorningReportData: Sendable, Equatable {
    /// The morning's customers and their fates, as seen at `asOf`.
    public var account: MorningAccount
    /// The zone for every time shown.
    public var timeZone: TimeZone
    /// Mornings in a row with every customer helped in time.
    public var streak: Int
    /// An interim report, sent before the deadline on request: it does not count as the
    /// morning's report and says so.
    public var interim: Bool
    /// The mornings up to this one whose outcome is known, oldest first, at most
    /// `Words.stripLength`: the report's chart.
    public var recent: [MorningRow] = []
    /// Of the mornings with customers in the four weeks up to this one, how many were met.
    public var fourWeeks = MorningRate(met: 0, of: 0)
    /// The customer-thinker, the tally game, who helped how many this week and month, and the
    /// customers who thanked a colleague (`ReportPeople`); empty unless the caller fills it.
    public var people = ReportPeople()

    public init(account: MorningAccount, streak: Int, timeZone: TimeZone, interim: Bool = false) {
        self.account = account
        self.streak = streak
        self.timeZone = timeZone
        self.interim = interim
    }

    /// A report built from lists (tests, previews): the account is made of them.
    public init(
        morning: LocalDate, asOf: Date, deadline: Date, timeZone: TimeZone,
        helped: [Issue], helpedLate: [Issue], waiting: [Issue], carriedOver: [Issue] = [],
        withdrawn: [Issue] = [], missedMorning: [String: LocalDate] = [:], streak: Int, interim: Bool = false
    ) {
        var account = MorningAccount(
            morning: morning, at: asOf, scopeStart: .distantPast, scopeEnd: deadline, deadline: deadline,
            inScope: helped + helpedLate + waiting, helped: helped, helpedLate: helpedLate, waiting: waiting,
            carriedOver: carriedOver, nextMorning: [], withdrawn: withdrawn)
        account.missedMorning = missedMorning
        self.init(account: account, streak: streak, timeZone: timeZone, interim: interim)
    }

    /// The morning reported on.
    public var morning: LocalDate { account.morning }
    /// The instant the report describes (`--at`); waiting times are measured to it.
    public var asOf: Date {
        get { account.at }
        set { account.at = newValue }
    }
    /// When the customers had to be helped (10:00 local).
    public var deadline: Date { account.deadline }
    /// How the morning went, as far as decided at `asOf`.
    public var verdict: MorningVerdict { account.verdict }
    /// Customers counting for this morning, helped at or before the deadline.
    public var helped: [Issue] {
        get { account.helped }
        set { account.helped = newValue; rescope() }
    }
    /// Helped after the deadline.
    public var helpedLate: [Issue] {
        get { account.helpedLate }
        set { account.helpedLate = newValue; rescope() }
    }
    /// Still open at `asOf`.
    public var waiting: [Issue] {
        get { account.waiting }
        set { account.waiting = newValue; rescope() }
    }
    /// The customers carried over from an earlier morning (part of the lists above).
    public var carriedOver: [Issue] { account.carriedOver }
    /// Withdrawn issues of the morning's window: in no count, named in one line.
    public var withdrawn: [Issue] { account.withdrawn }
    /// Open at `asOf`, already counting for the next morning (received after the cut-off).
    public var nextMorning: [Issue] { account.nextMorning }

    private mutating func rescope() {
        account.inScope = account.helped + account.helpedLate + account.waiting
    }

    /// Every customer counting for this morning.
    public var received: [Issue] { helped + helpedLate + waiting }

    /// How many customers of each kind came in, in `IssueKind` order, kinds with none left out.
    public var receivedByKind: [(kind: IssueKind, count: Int)] {
        let all = received
        return IssueKind.allCases.map { kind in (kind, all.count { $0.kind == kind }) }.filter { $0.count > 0 }
    }

    /// The helped customers (in time or late) whose resolution recorded an action point.
    public var actionPoints: [Issue] {
        (helped + helpedLate).filter { !($0.action ?? "").trimmingBlanksAndNewlines().isEmpty }
    }

    /// Helped (in time or late) without an action point.
    public var helpedWithoutAction: Int { helped.count + helpedLate.count - actionPoints.count }

    /// Who helped how many customers (in time or late): the account's one count.
    public var helpers: [HelperCount] { account.helpers }

    /// Whether `issue` came from an earlier morning.
    public func isCarriedOver(_ issue: Issue) -> Bool { account.isCarriedOver(issue) }
}
