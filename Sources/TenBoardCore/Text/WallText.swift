
/// Every word the wall shows, in English and Dutch. Numbers, days and durations come from
/// `MorningText`, written by hand, so the machine's locale never changes what the team reads.
public struct WallText: Sendable {
    public var language: Language

    public init(_ language: Language) { self.language = language }

    private func pick(_ en: String, _ nl: String) -> String { language == .en ? en : nl }

    /// The title bar: "Morning Tue 24 Nov · deadline 10:00".
    public func title(_ day: LocalDate, deadline: ClockTime) -> String {
        let d = MorningText.day(day, language)
        return pick("Morning \(d) · deadline \(deadline)", "Ochtend \(d) · deadline \(deadline)")
    }

    /// The title between mornings: "Next morning Wed 25 Nov · deadline 10:00".
    public func nextTitle(_ day: LocalDate, deadline: ClockTime) -> String {
        let d = MorningText.day(day, language)
        return pick("Next morning \(d) · deadline \(deadline)", "Volgende ochtend \(d) · deadline \(deadline)")
    }

    /// Under the big countdown before the deadline: "left until 10:00 · 5 customers waiting".
    public func untilDeadline(_ deadline: ClockTime, waiting: Int) -> String {
        pick("left until \(deadline) · \(customers(waiting)) waiting",
             "tot \(deadline) · \(customers(waiting)) \(waiting == 1 ? "wacht" : "wachten")")
    }

    /// Under the big count after the deadline: "OVERDUE since 10:00 · 3 customers waiting".
    public func overdue(_ deadline: ClockTime, waiting: Int) -> String {
        pick("OVERDUE since \(deadline) · \(customers(waiting)) waiting",
             "TE LAAT sinds \(deadline) · \(customers(waiting)) \(waiting == 1 ? "wacht" : "wachten")")
    }

    /// The headline of the all-helped screen.
    public func allHelped(_ n: Int) -> String {
        switch n {
        case 0: pick("No customers yet this morning", "Nog geen klanten deze ochtend")
        case 1: pick("The customer is helped", "De klant is geholpen")
        default: pick("All \(n) customers helped", "Alle \(n) klanten geholpen")
        }
    }

    /// Under the all-helped headline: "0:42:17 to spare before 10:00".
    public func spare(_ left: String, before deadline: ClockTime) -> String {
        pick("\(left) to spare before \(deadline)", "\(left) over tot \(deadline)")
    }

    /// Under the big countdown between mornings: "until the deadline of Wed 25 Nov 10:00".
    public func untilNext(_ day: LocalDate, _ deadline: ClockTime) -> String {
        let d = MorningText.day(day, language)
        return pick("until the deadline of \(d) \(deadline)", "tot de deadline van \(d) \(deadline)")
    }

    /// The result of the last morning, for the screen between mornings.
    public func result(_ r: MorningResult) -> String {
        let d = MorningText.day(r.morning, language)
        if r.inScope == 0 { return pick("\(d): no customers", "\(d): geen klanten") }
        if r.met {
            return r.inScope == 1 ? pick("\(d): the customer was helped in time", "\(d): de klant is op tijd geholpen")
                : pick("\(d): all \(r.inScope) customers helped in time", "\(d): alle \(r.inScope) klanten op tijd geholpen")
        }
        var parts = [pick("\(r.helped) of \(r.inScope) helped in time", "\(r.helped) van \(r.inScope) op tijd geholpen")]
        if r.helpedLate > 0 { parts.append(pick("\(r.helpedLate) late", "\(r.helpedLate) te laat")) }
        if r.waiting > 0 { parts.append(pick("\(r.waiting) still waiting", "\(r.waiting) wachten nog")) }
        return "\(d): " + parts.joined(separator: ", ")
    }

    /// "19 of 27 helped", with the late ones when there are any.
    public func progress(helped: Int, late: Int, of inScope: Int) -> String {
        let base = pick("\(helped + late) of \(inScope) helped", "\(helped + late) van \(inScope) geholpen")
        return late == 0 ? base : base + pick(" (\(late) late)", " (\(late) te laat)")
    }

    public func pace(_ perHour: Double) -> String {
        let number = MorningText.oneDecimal(perHour, language)
        return pick("\(number) an hour needed", "\(number) per uur nodig")
    }

    public func streak(_ n: Int) -> String { pick("streak \(n)", "reeks \(n)") }
    public func tally(_ n: Int) -> String { pick("\"customer\" said \(n)×", "\"klant\" gezegd \(n)×") }
    public func tallyASCII(_ n: Int) -> String { pick("\"customer\" said \(n)x", "\"klant\" gezegd \(n)x") }

    public var waitingHeading: String { pick("Waiting", "Wachtend") }
    public var helpersHeading: String { pick("Helped this morning", "Geholpen deze ochtend") }
    public var nobodyWaiting: String { pick("Nobody is waiting.", "Niemand wacht.") }
    public var nobodyHelpedYet: String { pick("Nobody yet.", "Nog niemand.") }
    public var nextMorningMark: String { pick("next", "volgende") }
    public var unassigned: String { "-" }
    public func more(_ n: Int) -> String { pick("+\(n) more", "+\(n) meer") }

    /// The corner notice when the store cannot be read; the last good state stays on screen.
    public func storeProblem(_ detail: String) -> String {
        pick("Store problem, showing the last good state: \(detail)",
             "Probleem met de opslag, laatste goede stand getoond: \(detail)")
    }

    public func storeMissing(_ path: String) -> String {
        pick("No store at \(path)", "Geen opslag in \(path)")
    }

    /// A waiting time: "<1m", "42m", "3h05", "2d 4h".
    public func age(seconds: Int) -> String {
        let s = max(0, seconds)
        if s < 60 { return "<1m" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { let m = s / 60 % 60; return "\(s / 3600)h" + (m < 10 ? "0\(m)" : "\(m)") }
        return pick("\(s / 86_400)d \(s / 3600 % 24)h", "\(s / 86_400)d \(s / 3600 % 24)u")
    }

    private func customers(_ n: Int) -> String {
        switch n {
        case 1: pick("1 customer", "1 klant")
        default: pick("\(n) customers", "\(n) klanten")
        }
    }
}
