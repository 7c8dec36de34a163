import Foundation

/// The words of the morning's state, in English and Dutch; the shared formatters are `Words`.
public enum MorningText {
    /// The one line of `tenboard status`, for people and shell prompts.
    public static func line(_ status: MorningStatus, _ language: Language) -> String {
        let w = Words(language)
        let time = status.schedule.deadline.description
        let left = duration(status.secondsLeft)
        let waiting = w.customersWaiting(status.waiting)
        let carried = status.carriedOver > 0 ? " (" + w.carriedOver(status.carriedOver) + ")" : ""
        switch (status.state, language) {
        case (.waiting, .en), (.warning, .en): return "\(waiting)\(carried) · \(left) to \(time)"
        case (.waiting, .nl), (.warning, .nl): return "\(waiting)\(carried) · \(left) tot \(time)"
        case (.done, _): return "\(allHelped(status.inScope, language)) · \(left) " + w.pick("before", "voor") + " \(time)"
        case (.quiet, _) where status.secondsLeft >= 0:
            return w.pick("No customers · \(left) to \(time)", "Geen klanten · \(left) tot \(time)")
        case (.quiet, _): return w.pick("Closed · no customers", "Gesloten · geen klanten")
        case (.overdue, .en): return "Overdue by \(left) · \(waiting)\(carried)"
        case (.overdue, .nl): return "\(left) over tijd · \(waiting)\(carried)"
        case (.closed, .en) where status.helpedLate == 0:
            return "Closed · " + (status.inScope == 1 ? "1 customer" : "all \(status.inScope) customers") + " helped in time"
        case (.closed, .nl) where status.helpedLate == 0:
            return "Gesloten · " + (status.inScope == 1 ? "1 klant" : "alle \(status.inScope) klanten") + " op tijd geholpen"
        case (.closed, .en): return "Closed · \(status.helped) of \(status.inScope) helped in time, \(status.helpedLate) late"
        case (.closed, .nl): return "Gesloten · \(status.helped) van \(status.inScope) op tijd geholpen, \(status.helpedLate) te laat"
        case (.none, _):
            let next = day(status.morning, language) + " \(time)"
            return w.pick("No morning today · next deadline \(next)", "Geen ochtend vandaag · volgende deadline \(next)")
                + (status.waiting > 0 ? " · \(waiting)" : "")
        }
    }

    /// The name of a state as people read it (the JSON uses the raw value).
    public static func state(_ state: MorningState, _ language: Language) -> String {
        switch (state, language) {
        case (.waiting, .en): "waiting"
        case (.waiting, .nl): "wachtend"
        case (.warning, .en): "hurry"
        case (.warning, .nl): "haast"
        case (.done, .en): "done"
        case (.done, .nl): "klaar"
        case (.overdue, .en): "overdue"
        case (.overdue, .nl): "te laat"
        case (.closed, .en): "closed"
        case (.closed, .nl): "gesloten"
        case (.quiet, .en): "no customers"
        case (.quiet, .nl): "geen klanten"
        case (.none, .en): "no morning"
        case (.none, .nl): "geen ochtend"
        }
    }

    /// Progress, e.g. "19 of 27 helped".
    public static func progress(helped: Int, of inScope: Int, _ language: Language) -> String {
        Words(language).progress(helped, of: inScope)
    }

    /// The pace needed, e.g. "4.5 customers an hour needed"; one decimal, Dutch with a comma.
    public static func paceNeeded(_ perHour: Double, _ language: Language) -> String {
        let number = oneDecimal(perHour, language)
        return language == .en ? "\(number) customers an hour needed" : "\(number) klanten per uur nodig"
    }

    /// A rate with one decimal, rounded up: see `Words.oneDecimal`.
    public static func oneDecimal(_ value: Double, _ language: Language) -> String {
        Words(language).oneDecimal(value)
    }

    /// The streak, e.g. "12 mornings in a row".
    public static func streak(_ count: Int, _ language: Language) -> String {
        switch language {
        case .en: count == 1 ? "1 morning in a row" : "\(count) mornings in a row"
        case .nl: count == 1 ? "1 ochtend op rij" : "\(count) ochtenden op rij"
        }
    }

    /// The `check` message for an issue resolved before it was received.
    public static func resolvedBeforeReceived(_ issue: Issue, _ language: Language) -> String {
        let times = "\(issue.resolvedAt?.rfc3339 ?? "?") < \(issue.receivedAt.rfc3339)"
        return language == .en ? "\(issue.id): resolved before it was received (\(times))"
            : "\(issue.id): opgelost voordat het binnenkwam (\(times))"
    }

    /// `H:MM:SS` of the magnitude of `seconds`: see `Words.countdown`.
    public static func duration(_ seconds: Int) -> String { Words.countdown(seconds) }

    /// A day as "Mon 30 Nov" or "ma 30 nov": see `Words.day`.
    public static func day(_ date: LocalDate, _ language: Language) -> String { Words(language).day(date) }

    static func customers(_ n: Int, _ language: Language) -> String { Words(language).customersWaiting(n) }

    static func allHelped(_ n: Int, _ language: Language) -> String {
        switch (n, language) {
        case (0, .en): "No customers"
        case (0, .nl): "Geen klanten"
        case (1, .en): "1 customer helped"
        case (1, .nl): "1 klant geholpen"
        case (_, .en): "All \(n) customers helped"
        case (_, .nl): "Alle \(n) klanten geholpen"
        }
    }
}
