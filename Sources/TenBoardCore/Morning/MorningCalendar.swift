import Foundation
import Synchronization

/// What `MorningSchedule.instant(of:on:calendar:)` depends on: the zone, the wall-clock time, the day.
struct InstantKey: Hashable {
    var zone: TimeZone
    var time: ClockTime
    var day: LocalDate
    /// The most instants kept: decades of cut-offs and deadlines.
    static let memoLimit = 50_000
}

/// The instants worked out so far (`MorningSchedule.instant(of:on:calendar:)`).
private let instantMemo = Mutex<[InstantKey: Date]>([:])

extension MorningSchedule {
    /// How far `nextMorning`/`previousMorning` look before giving up: a year plus slack, so that
    /// any schedule with at least one workday that is not a holiday every year finds one.
    public static let searchDays = 400

    /// A Gregorian calendar in the schedule's zone; the machine's `TZ` never enters.
    public var calendar: Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        return cal
    }

    /// The calendar date of `date` on the wall clocks of the schedule's zone.
    public func localDate(of date: Date) -> LocalDate { localDate(of: date, calendar: calendar) }

    func localDate(of date: Date, calendar cal: Calendar) -> LocalDate {
        let c = cal.dateComponents([.year, .month, .day], from: date)
        return LocalDate(year: c.year!, month: c.month!, day: c.day!)
    }

    /// Whether `day` has a morning: a workday that is not a holiday.
    public func isMorning(_ day: LocalDate) -> Bool {
        workdays.contains(day.weekday) && !holidays.contains(day)
    }

    /// The instant of `time` on `day` in the schedule's zone.
    ///
    /// A wall time skipped by a daylight-saving change rolls forward to the first instant after the
    /// gap (02:30 → 03:00); a repeated one is its first occurrence.
    public func instant(of time: ClockTime, on day: LocalDate) -> Date {
        if let known = instantMemo.withLock({ $0[InstantKey(zone: timeZone, time: time, day: day)] }) { return known }
        return instant(of: time, on: day, calendar: calendar)
    }

    func instant(of time: ClockTime, on day: LocalDate, calendar cal: Calendar) -> Date {
        // A pure function of the zone, the time and the day, asked for the same few days over and
        // over (every account, every frame's rebuild key, each morning of the strip): kept once
        // worked out, since the calendar's answer costs two searches of the zone's rules.
        let key = InstantKey(zone: timeZone, time: time, day: day)
        if let known = instantMemo.withLock({ $0[key] }) { return known }
        // Noon exists on every day in every zone, so it anchors the day safely.
        let noon = cal.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
        let instant = cal.date(
            bySettingHour: time.hour, minute: time.minute, second: 0, of: noon,
            matchingPolicy: .nextTime, repeatedTimePolicy: .first, direction: .forward
        )!
        instantMemo.withLock { memo in
            // Bounded: a long check or import over decades of mornings starts afresh.
            if memo.count >= InstantKey.memoLimit { memo.removeAll(keepingCapacity: true) }
            memo[key] = instant
        }
        return instant
    }

    /// When customers of the morning of `day` must have been helped: the deadline time on that day.
    public func deadline(of day: LocalDate) -> Date { instant(of: deadline, on: day) }

    /// The last instant at which an issue still counts for the morning of `day`.
    public func cutoff(of day: LocalDate) -> Date { instant(of: cutoff, on: day) }

    /// The first morning after `day`.
    ///
    /// Falls back to the next calendar day when no morning lies within `searchDays` (a schedule
    /// without workdays, which the configuration refuses), so that callers always get an answer.
    public func nextMorning(after day: LocalDate) -> LocalDate {
        for offset in 1...Self.searchDays where isMorning(day.adding(days: offset)) {
            return day.adding(days: offset)
        }
        return day.adding(days: 1)
    }

    /// The last morning before `day`; falls back to the previous calendar day like `nextMorning`.
    public func previousMorning(before day: LocalDate) -> LocalDate {
        for offset in 1...Self.searchDays where isMorning(day.adding(days: -offset)) {
            return day.adding(days: -offset)
        }
        return day.adding(days: -1)
    }

    /// The morning an issue received at `received` counts for: the first whose cut-off is at or
    /// after it. One issue at a time; to place many, keep one `MorningPlacer`.
    public func morning(forReceived received: Date) -> LocalDate {
        var placer = MorningPlacer(self)
        return placer.morning(forReceived: received)
    }

    /// The morning that matters at `date`: today's until midnight if today has one, else the next.
    public func relevantMorning(at date: Date) -> LocalDate {
        let today = localDate(of: date)
        return isMorning(today) ? today : nextMorning(after: today)
    }
}
