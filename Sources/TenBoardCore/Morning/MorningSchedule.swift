import Foundation

/// A calendar date without a time or a zone (`2026-11-24`), as in holidays and morning names.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; `nil` for anything else or a date that does not exist.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= Timestamp.daysIn(month: m, year: y)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Days since 1970-01-01 (may be negative); handy for stepping whole days without a calendar.
    public var dayNumber: Int { Timestamp.daysFromCivil(year: year, month: month, day: day) }

    public init(dayNumber: Int) {
        let (y, m, d) = Timestamp.civilFromDays(dayNumber)
        self.init(year: y, month: m, day: d)
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// The weekday of this date (1970-01-01 was a Thursday).
    public var weekday: Weekday {
        let index = ((dayNumber % 7) + 7 + 4) % 7 // 0 = Sunday
        return Weekday.allCases[index]
    }
}

/// A time of day on the wall clock (`10:00`).
public struct ClockTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// Parses `H:MM` or `HH:MM`, 00:00 to 23:59.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        self.init(hour: h, minute: m)
    }

    public static func < (a: ClockTime, b: ClockTime) -> Bool { (a.hour, a.minute) < (b.hour, b.minute) }
    public var description: String { String(format: "%02d:%02d", hour, minute) }
}

/// Days of the week, in `Calendar`'s order (Sunday first).
public enum Weekday: String, Sendable, CaseIterable, Hashable {
    case sun, mon, tue, wed, thu, fri, sat

    /// `Calendar.component(.weekday, …)` numbering: 1 = Sunday … 7 = Saturday.
    public var calendarNumber: Int { Weekday.allCases.firstIndex(of: self)! + 1 }
}

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

/// The streak as it stood at the last morning whose issues were moved to the archive, so the
/// streak can be counted on without reading years of history.
public struct StreakBase: Sendable, Equatable {
    /// The last archived morning.
    public var through: LocalDate
    /// Mornings in a row, ending with `through`, on which every customer was helped in time.
    public var count: Int

    public init(through: LocalDate, count: Int) {
        self.through = through
        self.count = count
    }
}
