import Foundation

/// The words of the morning, in English and Dutch.
///
/// Dates and numbers are written by hand, not by a locale-dependent formatter, so that the
/// machine's locale and zone never change what people read.
public enum MorningText {
    /// The one line of `tenboard status`, for people and shell prompts.
    public static func line(_ status: MorningStatus, _ language: Language) -> String {
        let time = status.schedule.deadline.description
        let left = duration(status.secondsLeft)
        let waiting = customers(status.waiting, language)
        switch (status.state, language) {
        case (.waiting, .en), (.warning, .en): return "\(waiting) · \(left) to \(time)"
        case (.waiting, .nl), (.warning, .nl): return "\(waiting) · \(left) tot \(time)"
        case (.done, _): return "\(allHelped(status.inScope, language)) · \(left) " + (language == .en ? "before" : "voor") + " \(time)"
        case (.overdue, .en): return "Overdue by \(left) · \(waiting)"
        case (.overdue, .nl): return "\(left) over tijd · \(waiting)"
        case (.closed, _) where status.inScope == 0: return language == .en ? "Closed · no customers" : "Gesloten · geen klanten"
        case (.closed, .en) where status.helpedLate == 0:
            return "Closed · " + (status.inScope == 1 ? "1 customer" : "all \(status.inScope) customers") + " helped in time"
        case (.closed, .nl) where status.helpedLate == 0:
            return "Gesloten · " + (status.inScope == 1 ? "1 klant" : "alle \(status.inScope) klanten") + " op tijd geholpen"
        case (.closed, .en): return "Closed · \(status.helped) of \(status.inScope) helped in time, \(status.helpedLate) late"
        case (.closed, .nl): return "Gesloten · \(status.helped) van \(status.inScope) op tijd geholpen, \(status.helpedLate) te laat"
        case (.none, _):
            let next = day(status.morning, language) + " \(time)"
            return language == .en ? "No morning today · next deadline \(next)" : "Geen ochtend vandaag · volgende deadline \(next)"
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
        case (.none, .en): "no morning"
        case (.none, .nl): "geen ochtend"
        }
    }

    /// Progress, e.g. "19 of 27 helped".
    public static func progress(helped: Int, of inScope: Int, _ language: Language) -> String {
        language == .en ? "\(helped) of \(inScope) helped" : "\(helped) van \(inScope) geholpen"
    }

    /// The pace needed, e.g. "4.5 customers an hour needed"; one decimal, Dutch with a comma.
    public static func paceNeeded(_ perHour: Double, _ language: Language) -> String {
        let number = oneDecimal(perHour, language)
        return language == .en ? "\(number) customers an hour needed" : "\(number) klanten per uur nodig"
    }

    /// A rate with one decimal, rounded up (a pace needed is never understated): "4.5", Dutch "4,5".
    public static func oneDecimal(_ value: Double, _ language: Language) -> String {
        let tenths = Int((value * 10).rounded(.up))
        return "\(tenths / 10)" + (language == .en ? "." : ",") + "\(tenths % 10)"
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

    /// `H:MM:SS` of the magnitude of `seconds`; hours are not wrapped at 24.
    public static func duration(_ seconds: Int) -> String {
        let s = abs(seconds)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))"
    }

    /// A day as "Mon 30 Nov" or "ma 30 nov".
    public static func day(_ date: LocalDate, _ language: Language) -> String {
        let weekdays = language == .en ? ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
            : ["zo", "ma", "di", "wo", "do", "vr", "za"]
        let months = language == .en
            ? ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            : ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
        return "\(weekdays[date.weekday.calendarNumber - 1]) \(date.day) \(months[date.month - 1])"
    }

    static func customers(_ n: Int, _ language: Language) -> String {
        switch language {
        case .en: n == 1 ? "1 customer waiting" : "\(n) customers waiting"
        case .nl: n == 1 ? "1 klant wacht" : "\(n) klanten wachten"
        }
    }

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
