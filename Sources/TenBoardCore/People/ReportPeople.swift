import Foundation

/// The people in a morning's report: the customer-thinker (on the first working morning of a
/// week or a month), the tally game's week so far, who helped how many customers this week and
/// this month, and the customers who thanked a colleague since the morning before.
public struct ReportPeople: Sendable, Equatable {
    /// A span's customer-thinker(s), most marks (ties share it).
    public struct Thinker: Sendable, Equatable {
        public var span: DaySpan
        public var leaders: [PersonCount]
    }

    public var thinkers: [Thinker] = []
    /// Marks per person this week, up to the morning's day.
    public var tallyWeek: [PersonCount] = []
    /// Who helped how many customers of this week's mornings, up to the report's instant.
    public var helpedWeek: [HelperCount] = []
    /// The same for this month.
    public var helpedMonth: [HelperCount] = []
    /// Praise recorded from the previous morning's day up to the day before this morning, oldest first.
    public var thanked: [Praise] = []

    public init() {}

    /// The people part of the report of `morning` at `at`.
    /// - Parameters:
    ///   - state: the hot file (tally marks and praise).
    ///   - issues: the issues the report's account uses (the archive too for an old morning).
    ///   - kept: the archived part of the recent mornings (`MorningInput.kept`) when `issues` are the hot ones.
    public init(state: StoreState, schedule: MorningSchedule, morning: LocalDate, issues: [Issue], at: Date, kept: MorningLedger? = nil) {
        let book = state.tallyBook
        thinkers = book.thinkers(forMorning: morning, schedule: schedule).map { Thinker(span: $0.span, leaders: $0.leaders) }
        let week = DaySpan.week(of: morning), month = DaySpan.month(of: morning)
        tallyWeek = book.people(from: week.from, through: morning)
        helpedWeek = schedule.helpers(from: week.from, through: morning, issues: issues, kept: kept, at: at)
        helpedMonth = schedule.helpers(from: month.from, through: morning, issues: issues, kept: kept, at: at)
        thanked = ReportPeople.thanked(state.praise, forMorning: morning, schedule: schedule)
    }

    /// The praise a morning's report lists: recorded on a day from the previous morning's up to
    /// the day before this one, so each praise is in exactly one report (the next one after it).
    public static func thanked(_ praise: [Praise], forMorning morning: LocalDate, schedule: MorningSchedule) -> [Praise] {
        let from = schedule.previousMorning(before: morning)
        return praise.filter { $0.day >= from && $0.day < morning }
    }
}
