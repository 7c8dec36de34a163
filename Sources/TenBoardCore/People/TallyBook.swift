import Foundation

/// How many marks one person has in a span of days (or how many customers they helped).
public struct PersonCount: Sendable, Equatable {
    /// The name, neutralised to one line for display; `nil` for marks without a name (from a
    /// store written before marks had names).
    public var name: String?
    public var count: Int

    public init(name: String?, count: Int) {
        self.name = name
        self.count = count
    }
}

/// One person's marks today, this week and this month (`tenboard tally`).
public struct PersonTally: Sendable, Equatable {
    public var name: String?
    public var today: Int
    public var week: Int
    public var month: Int

    public init(name: String?, today: Int, week: Int, month: Int) {
        self.name = name
        self.today = today
        self.week = week
        self.month = month
    }
}

/// A span of days: a week (Monday to Sunday) or a calendar month.
public struct DaySpan: Sendable, Equatable {
    public enum Kind: String, Sendable { case week, month }
    public var kind: Kind
    public var from: LocalDate
    public var through: LocalDate

    public init(kind: Kind, from: LocalDate, through: LocalDate) {
        self.kind = kind
        self.from = from
        self.through = through
    }

    /// The week (Monday to Sunday) that holds `day`.
    public static func week(of day: LocalDate) -> DaySpan {
        let monday = day.adding(days: -((day.weekday.calendarNumber + 5) % 7))
        return DaySpan(kind: .week, from: monday, through: monday.adding(days: 6))
    }

    /// The calendar month that holds `day`.
    public static func month(of day: LocalDate) -> DaySpan {
        DaySpan(kind: .month, from: LocalDate(year: day.year, month: day.month, day: 1),
                through: LocalDate(year: day.year, month: day.month, day: Timestamp.daysIn(month: day.month, year: day.year)))
    }

    public func contains(_ day: LocalDate) -> Bool { day >= from && day <= through }
}

/// The tally game's rules, on the marks of a store: who has how many marks on a day, in a week
/// and in a month, who leads, and the daily cap. The board, the wall, `tenboard tally` and the
/// report all count through here.
///
/// Marks from a store written before marks had names (a bare count per day) count as marks of
/// nobody in particular: in every total, listed without a name, never a leader.
public struct TallyBook: Sendable, Equatable {
    /// Nameless marks per day (old stores).
    public var unnamed: [LocalDate: Int]
    /// Marks by person, oldest first.
    public var marks: [TallyMark]

    public init(unnamed: [LocalDate: Int] = [:], marks: [TallyMark] = []) {
        self.unnamed = unnamed
        self.marks = marks
    }

    public init(_ state: StoreState) { self.init(unnamed: state.tally, marks: state.tallyMarks) }

    /// Marks a person may get on one day unless configured otherwise (`tally-daily-cap`): more
    /// than any real morning brings, fewer than a key stuck on the board.
    public static let defaultDailyCap = 50
    /// Days of marks (and praise) a store keeps: enough for last month's customer-thinker.
    public static let keptDays = 62

    /// Every mark of `day`, named or not.
    public func total(on day: LocalDate) -> Int {
        (unnamed[day] ?? 0) + marks.count { $0.day == day }
    }

    /// The total of every day that has marks.
    public var totals: [LocalDate: Int] {
        var out = unnamed.filter { $0.value > 0 }
        for mark in marks { out[mark.day, default: 0] += 1 }
        return out
    }

    /// The marks of `who` (any spelling of the name, see `TallyMark.personKey`) on `day`.
    public func count(of who: String, on day: LocalDate) -> Int {
        let key = TallyMark.personKey(who)
        return marks.count { $0.day == day && TallyMark.personKey($0.who) == key }
    }

    /// Who has how many marks from `from` through `through`: most first, then by name, the
    /// nameless last; people without marks are left out.
    public func people(from: LocalDate, through: LocalDate) -> [PersonCount] {
        overview(on: through, spans: [DaySpan(kind: .week, from: from, through: through)]).map {
            PersonCount(name: $0.name, count: $0.today)
        }
    }

    /// Who has how many marks in `span`.
    public func people(in span: DaySpan) -> [PersonCount] { people(from: span.from, through: span.through) }

    /// The person (or people, on a tie) with the most marks in `span`; empty when nobody named
    /// has a mark.
    public func leaders(in span: DaySpan) -> [PersonCount] {
        let named = people(in: span).filter { $0.name != nil }
        guard let top = named.first?.count, top > 0 else { return [] }
        return named.filter { $0.count == top }
    }

    /// Every person with a mark this week or this month, with their marks on `day`, in its week
    /// and in its month (up to and including `day`): most today first, then week, then month,
    /// then by name.
    public func overview(on day: LocalDate) -> [PersonTally] {
        let week = DaySpan.week(of: day), month = DaySpan.month(of: day)
        // Only days up to `day` count: "this week" and "this month" so far.
        let spans = [DaySpan(kind: .week, from: day, through: day),
                     DaySpan(kind: .week, from: week.from, through: day),
                     DaySpan(kind: .month, from: month.from, through: day)]
        return overview(on: day, spans: spans)
    }

    /// Counts per person for up to three spans (today, week, month), sorted by them in order.
    private func overview(on day: LocalDate, spans: [DaySpan]) -> [PersonTally] {
        struct Row { var name: String?; var counts: [Int] }
        var rows: [String?: Row] = [:]
        func add(_ key: String?, _ name: String?, _ d: LocalDate, _ n: Int) {
            guard n > 0 else { return }
            for (i, span) in spans.enumerated() where span.contains(d) {
                rows[key, default: Row(name: name, counts: Array(repeating: 0, count: spans.count))].counts[i] += n
            }
        }
        for (d, n) in unnamed { add(nil, nil, d, n) }
        for mark in marks { add(TallyMark.personKey(mark.who), Untrusted.oneLine(mark.who), mark.day, 1) }
        func count(_ row: Row, _ i: Int) -> Int { i < row.counts.count ? row.counts[i] : 0 }
        return rows.values.filter { $0.counts.contains { $0 > 0 } }.sorted { a, b in
            for i in spans.indices where a.counts[i] != b.counts[i] { return a.counts[i] > b.counts[i] }
            return (a.name ?? "\u{10FFFF}") < (b.name ?? "\u{10FFFF}")
        }.map { PersonTally(name: $0.name, today: count($0, 0), week: count($0, 1), month: count($0, 2)) }
    }

    /// The customer-thinkers a morning's report names: on the first working morning of a week,
    /// the previous week's leaders; on the first of a month, the previous month's. Empty on
    /// other mornings, and for a span in which nobody named has a mark.
    public func thinkers(forMorning morning: LocalDate, schedule: MorningSchedule) -> [(span: DaySpan, leaders: [PersonCount])] {
        let previous = schedule.previousMorning(before: morning)
        var out: [(DaySpan, [PersonCount])] = []
        let lastWeek = DaySpan.week(of: previous)
        if !lastWeek.contains(morning) {
            let leaders = self.leaders(in: lastWeek)
            if !leaders.isEmpty { out.append((lastWeek, leaders)) }
        }
        let lastMonth = DaySpan.month(of: previous)
        if !lastMonth.contains(morning) {
            let leaders = self.leaders(in: lastMonth)
            if !leaders.isEmpty { out.append((lastMonth, leaders)) }
        }
        return out
    }
}

extension MorningSchedule {
    /// Who helped how many customers of the mornings from `from` through `through`, as seen at
    /// `at`: each morning's account (`MorningAccount.helped` and `helpedLate`), a customer
    /// counted once even when they were carried over from one morning to the next.
    public func helpers(from: LocalDate, through: LocalDate, issues: [Issue], at: Date) -> [HelperCount] {
        var seen = Set<String>()
        var helped: [Issue] = []
        var day = from
        while day <= through {
            if isMorning(day) {
                let account = account(of: day, issues: issues, at: at)
                for issue in account.helped + account.helpedLate where seen.insert(issue.id).inserted {
                    helped.append(issue)
                }
            }
            day = day.adding(days: 1)
        }
        return HelperCount.count(helped)
    }

    /// Who helped how many customers of the mornings of `span` up to the one of `at`.
    public func helpers(in span: DaySpan, issues: [Issue], at: Date) -> [HelperCount] {
        helpers(from: span.from, through: min(span.through, localDate(of: at)), issues: issues, at: at)
    }
}
