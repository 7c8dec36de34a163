import Foundation

/// The rules of the morning from the configuration: which days have one, and its times.
public struct MorningSchedule: Sendable, Equatable {
    /// The zone in which the deadline and the cut-off are wall-clock times.
    public var timeZone: TimeZone
    /// When customers must have been helped (default 10:00).
    public var deadline: ClockTime
    /// Issues received after the previous morning's cut-off up to this one count for this morning.
    public var cutoff: ClockTime
    public var workdays: Set<Weekday>
    public var holidays: Set<LocalDate>
    /// The state turns `warning` this many seconds before the deadline with customers waiting.
    public var warningSeconds: Int

    public init(
        timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam")!,
        deadline: ClockTime = ClockTime(hour: 10, minute: 0),
        cutoff: ClockTime = ClockTime(hour: 8, minute: 0),
        workdays: Set<Weekday> = [.mon, .tue, .wed, .thu, .fri],
        holidays: Set<LocalDate> = [],
        warningSeconds: Int = 30 * 60
    ) {
        self.timeZone = timeZone
        self.deadline = deadline
        self.cutoff = cutoff
        self.workdays = workdays
        self.holidays = holidays
        self.warningSeconds = warningSeconds
    }
}
