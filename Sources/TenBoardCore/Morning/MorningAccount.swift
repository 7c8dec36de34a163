import Foundation

/// What became of one customer in the account of one morning: the one set of definitions every
/// screen, the report and `status` use.
public enum MorningFate: String, Sendable, CaseIterable {
    /// Counting for the morning and helped at or before its deadline.
    case helped
    /// Counting for the morning and helped after its deadline.
    case helpedLate
    /// Counting for the morning and still waiting.
    case waiting
    /// Waiting, received after the morning's cut-off: counting for a later morning.
    case nextMorning
    /// Received in the morning's window but withdrawn (a duplicate, spam, not a request): it
    /// leaves every count.
    case withdrawn
}

/// How a morning went, as far as it is decided.
public enum MorningVerdict: String, Sendable {
    /// Every customer of the morning was helped by the deadline (decided as soon as nobody waits).
    case met
    /// The deadline passed with a customer waiting or helped late.
    case missed
    /// Customers wait and the deadline has not passed.
    case pending
    /// The morning has no customers: it neither extends nor breaks the streak.
    case quiet
}

extension MorningVerdict {
    /// The one rule: no customers is quiet; after the deadline, met when nobody waits and nobody
    /// was helped late, else missed; before it, met as soon as nobody waits, else pending.
    /// `MorningAccount.verdict` and the history's rows of archived mornings (`MorningRow.adding`)
    /// both ask it.
    static func decided(customers: Int, waiting: Int, helpedLate: Int, deadline: Date, at: Date) -> MorningVerdict {
        if customers == 0 { return .quiet }
        if at > deadline { return waiting == 0 && helpedLate == 0 ? .met : .missed }
        return waiting == 0 ? .met : .pending
    }
}

/// Which customers one morning had, and how they fared, as seen at one instant.
///
/// A morning's customers are those received since the previous morning's cut-off up to this
/// cut-off, plus every customer from an earlier morning still waiting at this cut-off (carried
/// over). Seen at an instant (`tenboard … --at`): issues received after it do not exist yet, and
/// an issue resolved after it is still waiting. Every list is sorted by `receivedAt`, then `id`.
public struct MorningAccount: Sendable, Equatable {
    /// The day of the morning.
    public var morning: LocalDate
    /// The instant the account was taken at.
    public var at: Date
    /// Issues received after this instant count for this morning or a later one.
    public var scopeStart: Date
    /// Issues received after this instant count for a later morning.
    public var scopeEnd: Date
    /// When the customers in scope must have been helped.
    public var deadline: Date
    /// The morning's customers: `helped + helpedLate + waiting`, in receipt order.
    public var inScope: [Issue]
    /// In scope, resolved at or before the deadline.
    public var helped: [Issue]
    /// In scope, resolved after the deadline.
    public var helpedLate: [Issue]
    /// In scope, still open at `at`.
    public var waiting: [Issue]
    /// The part of `inScope` received for an earlier morning and still waiting at this cut-off.
    public var carriedOver: [Issue]
    /// Open at `at`, counting for a later morning (received after the cut-off).
    public var nextMorning: [Issue]
    /// Received in the morning's window, then withdrawn: in no count.
    public var withdrawn: [Issue]
    /// For each carried-over customer (by id), the morning they first counted for and missed.
    public var missedMorning: [String: LocalDate] = [:]

    /// How the morning went as far as decided at `at`.
    public var verdict: MorningVerdict {
        MorningVerdict.decided(customers: inScope.count, waiting: waiting.count, helpedLate: helpedLate.count, deadline: deadline, at: at)
    }

    /// Whether `issue` (one of `inScope`) came from an earlier morning.
    public func isCarriedOver(_ issue: Issue) -> Bool { missedMorning[issue.id] != nil }

    /// The fate of `issue` in this account; `nil` when it is no part of it.
    public func fate(of issue: Issue) -> MorningFate? {
        MorningWindow(account: self).fate(of: issue)
    }

    /// Who helped how many of the morning's customers (in time or late), most first.
    public var helpers: [HelperCount] { HelperCount.count(helped + helpedLate) }
}

/// The numbers of one morning's account (`MorningSchedule.count(of:issues:indices:at:)`): its
/// lists' sizes, for the history's rows, which keep only these.
struct MorningCount {
    var morning: LocalDate
    var at: Date
    var deadline: Date
    /// `inScope.count`, and the sizes of the other lists of the account.
    var customers = 0, helped = 0, helpedLate = 0, waiting = 0, carriedOver = 0, withdrawn = 0

    /// `MorningAccount.verdict`, by the same rule.
    var verdict: MorningVerdict {
        MorningVerdict.decided(customers: customers, waiting: waiting, helpedLate: helpedLate, deadline: deadline, at: at)
    }
}

/// The instants that decide every fate in one morning's account.
struct MorningWindow {
    var start: Date
    var end: Date
    var deadline: Date
    var at: Date
    /// Whether the day has a morning; without one nobody is in scope.
    var hasScope: Bool

    init(start: Date, end: Date, deadline: Date, at: Date, hasScope: Bool) {
        self.start = start
        self.end = end
        self.deadline = deadline
        self.at = at
        self.hasScope = hasScope
    }

    init(account: MorningAccount) {
        self.init(start: account.scopeStart, end: account.scopeEnd, deadline: account.deadline, at: account.at,
                  hasScope: account.scopeEnd > account.scopeStart)
    }

    /// The one definition of the fates.
    func fate(of issue: Issue) -> MorningFate? {
        let received = issue.receivedAt.date
        guard received <= at else { return nil }
        if issue.status == .withdrawn { return received > start && received <= end ? .withdrawn : nil }
        let resolvedAt = issue.resolvedAt?.date
        let resolved: Date? = Issue.wasResolved(status: issue.status, resolvedAt: resolvedAt, at: at) ? resolvedAt : nil
        if received > end { return resolved == nil ? .nextMorning : nil }
        if received <= start {
            // Carried over only while still waiting at this cut-off.
            guard hasScope else { return nil }
            if let resolved, resolved <= end { return nil }
        }
        guard let resolved else { return .waiting }
        return resolved <= deadline ? .helped : .helpedLate
    }
}

extension Issue {
    /// Whether the issue was resolved at `instant`, as it would have looked then.
    func wasResolved(at instant: Date) -> Bool {
        Issue.wasResolved(status: status, resolvedAt: resolvedAt?.date, at: instant)
    }

    /// `wasResolved(at:)` of an issue's two fields: for the passes over every issue, which read
    /// the fields in place (a method of the issue works on a copy of it, its strings retained).
    @inline(__always)
    static func wasResolved(status: IssueStatus, resolvedAt: Date?, at instant: Date) -> Bool {
        guard status == .resolved, let resolvedAt else { return false }
        return resolvedAt <= instant
    }

    /// The longest wait the store takes: a customer waiting longer is a typing error or a hostile
    /// record, and every morning of the wait would be counted (the morning ledger counts each,
    /// under the store lock, when the issue is archived: a wait of centuries would hold it for hours).
    public static let longestWaitYears = 20

    /// Whether helping or withdrawing at `end` would end a wait longer than `longestWaitYears`.
    public func waitsTooLong(until end: Date) -> Bool {
        end.timeIntervalSince(receivedAt.date) > Double(Issue.longestWaitYears) * 366 * 86_400
    }

    /// Whether the record says it was resolved before it was received: a data error for `check`.
    var isResolvedBeforeReceived: Bool {
        guard let resolved = resolvedAt?.date else { return false }
        return resolved < receivedAt.date
    }
}

/// Checks of the morning's data, for `tenboard check`.
public enum MorningCheck {
    /// The issues resolved before they were received, in the order given.
    ///
    /// The morning's accounting never turns them into negative durations: it counts such an issue
    /// as helped the moment it was received.
    public static func resolvedBeforeReceived(_ issues: [Issue]) -> [Issue] {
        issues.filter(\.isResolvedBeforeReceived)
    }
}

extension MorningSchedule {
    /// The account of the morning of `day`, as it stood at `at`.
    ///
    /// - Parameters:
    ///   - day: should be a morning; for a day without one the scope is empty, and what arrived
    ///     since the previous morning's cut-off is listed as `nextMorning`.
    ///   - issues: any issues; each is placed by its `receivedAt` (and carried over while waiting).
    ///   - at: the instant; `.distantFuture` takes the account as recorded, for archived mornings.
    public func account(of day: LocalDate, issues: [Issue], at: Date) -> MorningAccount {
        let window = window(of: day, at: at)
        let start = window.start
        var account = MorningAccount(
            morning: day, at: at, scopeStart: start, scopeEnd: window.end, deadline: window.deadline,
            inScope: [], helped: [], helpedLate: [], waiting: [], carriedOver: [], nextMorning: [], withdrawn: []
        )
        // Placed and sorted by index, the issues read in place: a copy of an issue (its strings
        // retained and released) for each step would cost more than the comparisons.
        let placed: [(index: Int, fate: MorningFate)] = issues.withUnsafeBufferPointer { issues in
            var placed: [(index: Int, fate: MorningFate)] = []
            for i in issues.indices {
                if let fate = window.fate(of: issues[i]) { placed.append((i, fate)) }
            }
            placed.sort { a, b in
                let x = issues[a.index].receivedAt.date, y = issues[b.index].receivedAt.date
                return x != y ? x < y : issues[a.index].id < issues[b.index].id
            }
            return placed
        }
        var placer = MorningPlacer(self)
        for (index, fate) in placed {
            let issue = issues[index]
            switch fate {
            case .helped: account.helped.append(issue)
            case .helpedLate: account.helpedLate.append(issue)
            case .waiting: account.waiting.append(issue)
            case .nextMorning: account.nextMorning.append(issue); continue
            case .withdrawn: account.withdrawn.append(issue); continue
            }
            account.inScope.append(issue)
            if issue.receivedAt.date <= start {
                account.carriedOver.append(issue)
                account.missedMorning[issue.id] = placer.morning(forReceived: issue.receivedAt.date)
            }
        }
        return account
    }

    /// The instants that decide the fates in the account of the morning of `day` at `at`.
    func window(of day: LocalDate, at: Date) -> MorningWindow {
        let start = instant(of: cutoff, on: previousMorning(before: day))
        let end = isMorning(day) ? instant(of: cutoff, on: day) : start
        return MorningWindow(start: start, end: end, deadline: instant(of: deadline, on: day), at: at, hasScope: end > start)
    }

    /// The numbers of `account(of:issues:at:)` of the issues at `indices` (each at most once),
    /// without listing them: what a row of the history keeps. The same fates, counted.
    func count(of day: LocalDate, issues: [Issue], indices: [Int], at: Date) -> MorningCount {
        let window = window(of: day, at: at)
        var count = MorningCount(morning: day, at: at, deadline: window.deadline)
        issues.withUnsafeBufferPointer { issues in
            for i in indices {
                guard let fate = window.fate(of: issues[i]) else { continue }
                switch fate {
                case .helped: count.helped += 1
                case .helpedLate: count.helpedLate += 1
                case .waiting: count.waiting += 1
                case .nextMorning: continue
                case .withdrawn: count.withdrawn += 1; continue
                }
                count.customers += 1
                if issues[i].receivedAt.date <= window.start { count.carriedOver += 1 }
            }
        }
        return count
    }

    /// How the morning of `day` went, as recorded.
    public func verdict(of day: LocalDate, issues: [Issue]) -> MorningVerdict {
        account(of: day, issues: issues, at: .distantFuture).verdict
    }
}
