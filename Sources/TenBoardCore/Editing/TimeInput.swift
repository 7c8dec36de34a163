import Foundation

/// Times as people type them: every `--at`, `--received` and the board's time fields read them
/// here, so the command line and the board accept the same forms.
///
/// - RFC 3339 with an offset: `2026-11-24T09:40:00+01:00`
/// - `HH:MM` (or `H:MM`): today, in the configured zone
/// - `YYYY-MM-DD HH:MM`: that day, in the configured zone
public enum TimeInput {
    /// The accepted forms, for messages about a bad value.
    public static let forms = "RFC 3339 like 2026-11-24T09:40:00+01:00, HH:MM (today) or YYYY-MM-DD HH:MM (in the configured zone)"
    /// The same in Dutch, for the board.
    public static let formsDutch = "RFC 3339 zoals 2026-11-24T09:40:00+01:00, UU:MM (vandaag) of JJJJ-MM-DD UU:MM (in de ingestelde tijdzone)"

    /// The instant `text` names, or `nil` when it is none of the forms.
    ///
    /// - Parameters:
    ///   - schedule: its zone turns a wall-clock time into an instant (also across a DST change).
    ///   - now: what "today" is for `HH:MM`.
    public static func parse(_ text: String, schedule: MorningSchedule, now: Date) -> Date? {
        let trimmed = text.trimmingBlanks()
        if let stamp = Timestamp(rfc3339: trimmed) { return stamp.date }
        if let clock = ClockTime(trimmed) {
            return schedule.instant(of: clock, on: schedule.localDate(of: now))
        }
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" })
        if parts.count == 2, let day = LocalDate(String(parts[0])), let clock = ClockTime(String(parts[1])) {
            return schedule.instant(of: clock, on: day)
        }
        return nil
    }

    /// The message for a value that is no time: names where it was given and the forms accepted.
    ///
    /// - Parameter place: the option or field, e.g. `--at`.
    public static func problem(_ place: String, _ text: String, _ language: Language = .en) -> String {
        let shown = Untrusted.clean(text)
        return language == .en
            ? "\(place): '\(shown)' is not a time; use \(forms)"
            : "\(place): '\(shown)' is geen tijd; gebruik \(formsDutch)"
    }

    /// `date` as `YYYY-MM-DD HH:MM` in `zone`: how a form shows a time that `parse` reads back.
    public static func written(_ date: Date, in zone: TimeZone) -> String {
        let rfc = Timestamp(date, in: zone).rfc3339
        return String(rfc.prefix(10)) + " " + String(rfc.dropFirst(11).prefix(5))
    }
}
