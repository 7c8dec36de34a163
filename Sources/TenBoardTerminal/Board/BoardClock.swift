import Foundation
import TenBoardCore

/// Times and dates as the board writes them, in the schedule's zone and never the machine's.
enum BoardClock {
    /// "09:40".
    static func time(_ date: Date, in zone: TimeZone) -> String {
        let c = calendar(zone).dateComponents([.hour, .minute], from: date)
        return ClockTime(hour: c.hour ?? 0, minute: c.minute ?? 0).description
    }

    /// "Mon 23 Nov 17:45" / "ma 23 nov 17:45".
    static func dayTime(_ date: Date, in zone: TimeZone, _ language: Language) -> String {
        day(date, in: zone, language) + " " + time(date, in: zone)
    }

    /// "Mon 23 Nov" / "ma 23 nov".
    static func day(_ date: Date, in zone: TimeZone, _ language: Language) -> String {
        let c = calendar(zone).dateComponents([.year, .month, .day], from: date)
        return Words(language).day(LocalDate(year: c.year!, month: c.month!, day: c.day!))
    }

    private static func calendar(_ zone: TimeZone) -> Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        return cal
    }
}
