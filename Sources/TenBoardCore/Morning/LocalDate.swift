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
        "\(year.zeroPadded(4))-\(month.zeroPadded(2))-\(day.zeroPadded(2))"
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

extension Int {
    /// The number in decimal with leading zeros to `width` digits ("07"); a sign first when
    /// negative. (`String(format:)` costs a million instructions on its first use, at every start.)
    func zeroPadded(_ width: Int) -> String {
        let digits = String(magnitude)
        let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        return self < 0 ? "-" + padded : padded
    }
}
