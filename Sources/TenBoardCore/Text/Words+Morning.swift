import Foundation

// The words of the morning's state (`tenboard status`, `check`); the shared formatters (countdown,
// day, "N customers waiting", progress, one decimal) are in Words.swift.

extension Words {
    /// The one line of `tenboard status`, for people and shell prompts.
    public func statusLine(_ status: MorningStatus) -> String {
        let time = status.schedule.deadline.description
        let left = Words.countdown(status.secondsLeft)
        let waiting = customersWaiting(status.waiting)
        let carried = status.carriedOver > 0 ? " (" + carriedOver(status.carriedOver) + ")" : ""
        switch (status.state, language) {
        case (.waiting, .en), (.warning, .en): return "\(waiting)\(carried) · \(left) to \(time)"
        case (.waiting, .nl), (.warning, .nl): return "\(waiting)\(carried) · \(left) tot \(time)"
        case (.done, _): return "\(statusAllHelped(status.inScope)) · \(left) " + pick("before", "voor") + " \(time)"
        case (.quiet, _) where status.secondsLeft >= 0:
            return pick("No customers · \(left) to \(time)", "Geen klanten · \(left) tot \(time)")
        case (.quiet, _): return pick("Closed · no customers", "Gesloten · geen klanten")
        case (.overdue, .en): return "Overdue by \(left) · \(waiting)\(carried)"
        case (.overdue, .nl): return "\(left) over tijd · \(waiting)\(carried)"
        case (.closed, .en) where status.helpedLate == 0:
            return "Closed · " + (status.inScope == 1 ? "1 customer" : "all \(status.inScope) customers") + " helped in time"
        case (.closed, .nl) where status.helpedLate == 0:
            return "Gesloten · " + (status.inScope == 1 ? "1 klant" : "alle \(status.inScope) klanten") + " op tijd geholpen"
        case (.closed, .en): return "Closed · \(status.helped) of \(status.inScope) helped in time, \(status.helpedLate) late"
        case (.closed, .nl): return "Gesloten · \(status.helped) van \(status.inScope) op tijd geholpen, \(status.helpedLate) te laat"
        case (.none, _):
            let next = day(status.morning) + " \(time)"
            return pick("No morning today · next deadline \(next)", "Geen ochtend vandaag · volgende deadline \(next)")
                + (status.waiting > 0 ? " · \(waiting)" : "")
        }
    }

    /// The name of a state as people read it (the JSON uses the raw value).
    public func state(_ state: MorningState) -> String {
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

    /// The pace needed in a sentence: "4.5 customers an hour needed" (the wall and the board
    /// have shorter forms: `pace(_:)`, `paceShort(_:)`).
    public func paceNeeded(_ perHour: Double) -> String {
        let number = oneDecimal(perHour)
        return pick("\(number) customers an hour needed", "\(number) klanten per uur nodig")
    }

    /// The streak, e.g. "12 mornings in a row".
    public func streakInARow(_ count: Int) -> String {
        switch language {
        case .en: count == 1 ? "1 morning in a row" : "\(count) mornings in a row"
        case .nl: count == 1 ? "1 ochtend op rij" : "\(count) ochtenden op rij"
        }
    }

    /// The `check` message for an issue resolved before it was received.
    public func resolvedBeforeReceived(_ issue: Issue) -> String {
        let times = "\(issue.resolvedAt?.rfc3339 ?? "?") < \(issue.receivedAt.rfc3339)"
        return pick("\(issue.id): resolved before it was received (\(times))", "\(issue.id): opgelost voordat het binnenkwam (\(times))")
    }

    /// The start of `status` when everyone is helped: "All 3 customers helped".
    func statusAllHelped(_ n: Int) -> String {
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
