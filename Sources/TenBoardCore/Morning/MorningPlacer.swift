import Foundation

/// The one answer to "which morning does an issue count for", and the instants of mornings,
/// worked out once per day and kept: the account, the streak and the store's archive all place
/// issues through it.
///
/// An issue counts for the first morning whose cut-off is at or after its receipt. Local dates
/// come from the zone's offset at the instant, not from a `Calendar`, so placing an issue costs a
/// few integer operations; a day's cut-off and deadline are computed once and kept.
public struct MorningPlacer {
    public let schedule: MorningSchedule
    private let calendar: Calendar
    private var cutoffs: [LocalDate: Date] = [:]
    private var deadlines: [LocalDate: Date] = [:]
    private var following: [LocalDate: LocalDate] = [:]

    public init(_ schedule: MorningSchedule) {
        self.schedule = schedule
        calendar = schedule.calendar
    }

    /// The calendar date of `date` on the wall clocks of the schedule's zone.
    public func localDate(of date: Date) -> LocalDate {
        let local = date.timeIntervalSince1970 + Double(schedule.timeZone.secondsFromGMT(for: date))
        return LocalDate(dayNumber: Int((local / 86_400).rounded(.down)))
    }

    /// The instant of the cut-off on `day`.
    public mutating func cutoff(of day: LocalDate) -> Date {
        if let known = cutoffs[day] { return known }
        let instant = schedule.instant(of: schedule.cutoff, on: day, calendar: calendar)
        cutoffs[day] = instant
        return instant
    }

    /// The instant of the deadline on `day`.
    public mutating func deadline(of day: LocalDate) -> Date {
        if let known = deadlines[day] { return known }
        let instant = schedule.instant(of: schedule.deadline, on: day, calendar: calendar)
        deadlines[day] = instant
        return instant
    }

    /// The first morning after `day`.
    public mutating func nextMorning(after day: LocalDate) -> LocalDate {
        if let known = following[day] { return known }
        let next = schedule.nextMorning(after: day)
        following[day] = next
        return next
    }

    /// The morning an issue received at `received` counts for: the first whose cut-off is at or
    /// after it.
    public mutating func morning(forReceived received: Date) -> LocalDate {
        let day = localDate(of: received)
        if schedule.isMorning(day), received <= cutoff(of: day) { return day }
        return nextMorning(after: day)
    }
}
