import Foundation
import TenBoardCore

/// Times and dates as the board writes them, in the schedule's zone and never the machine's, by
/// the catalogue's one clock and day (`Words.clock`, `Words.localDate`, `Words.day`).
enum BoardClock {
    /// "09:40".
    static func time(_ date: Date, in zone: TimeZone) -> String { Words.clock(date, in: zone) }

    /// "Mon 23 Nov 17:45" / "ma 23 nov 17:45".
    static func dayTime(_ date: Date, in zone: TimeZone, _ language: Language) -> String {
        day(date, in: zone, language) + " " + time(date, in: zone)
    }

    /// "Mon 23 Nov" / "ma 23 nov".
    static func day(_ date: Date, in zone: TimeZone, _ language: Language) -> String {
        Words(language).day(Words.localDate(date, in: zone))
    }
}
