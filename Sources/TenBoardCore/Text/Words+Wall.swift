// Every word the wall shows; numbers, days, ages and "N customers" are the shared formatters of
// Words.swift, written by hand, so the machine's locale never changes what the team reads.

extension Words {
    /// The title bar: "Morning Tue 24 Nov · deadline 10:00".
    public func wallTitle(_ day: LocalDate, deadline: ClockTime) -> String {
        let d = self.day(day)
        return pick("Morning \(d) · deadline \(deadline)", "Ochtend \(d) · deadline \(deadline)")
    }

    /// The title between mornings: "Next morning Wed 25 Nov · deadline 10:00".
    public func wallNextTitle(_ day: LocalDate, deadline: ClockTime) -> String {
        let d = self.day(day)
        return pick("Next morning \(d) · deadline \(deadline)", "Volgende ochtend \(d) · deadline \(deadline)")
    }

    /// Under the big countdown before the deadline: "left until 10:00 · 5 customers waiting".
    public func untilDeadline(_ deadline: ClockTime, waiting: Int, carriedOver: Int = 0) -> String {
        pick("left until \(deadline) · ", "tot \(deadline) · ") + customersWaiting(waiting) + carried(carriedOver)
    }

    /// " (2 carried over)" when some of those waiting come from an earlier morning.
    private func carried(_ n: Int) -> String { n == 0 ? "" : " (\(carriedOver(n)))" }

    /// Under the big count after the deadline: "OVERDUE since 10:00 · 3 customers waiting".
    public func overdueSince(_ deadline: ClockTime, waiting: Int, carriedOver: Int = 0) -> String {
        pick("OVERDUE since \(deadline) · ", "TE LAAT sinds \(deadline) · ") + customersWaiting(waiting)
            + carried(carriedOver)
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
    public func toSpare(_ left: String, before deadline: ClockTime) -> String {
        pick("\(left) to spare before \(deadline)", "\(left) over tot \(deadline)")
    }

    /// Under the big countdown between mornings: "until the deadline of Wed 25 Nov 10:00".
    public func untilNext(_ day: LocalDate, _ deadline: ClockTime) -> String {
        let d = self.day(day)
        return pick("until the deadline of \(d) \(deadline)", "tot de deadline van \(d) \(deadline)")
    }

    /// The result of the last morning, for the screen between mornings.
    public func morningResult(_ r: MorningResult) -> String {
        let d = day(r.morning)
        if r.inScope == 0 { return "\(d): " + noCustomers }
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
        let base = progress(helped + late, of: inScope)
        return late == 0 ? base : base + " (\(self.late(late)))"
    }

    public func pace(_ perHour: Double) -> String {
        let number = oneDecimal(perHour)
        return pick("\(number) an hour needed", "\(number) per uur nodig")
    }

    /// The game's word is "klant" in both languages (the board's `t` prompt and its help say so).
    public func tallySaid(_ n: Int) -> String { pick("\"klant\" said \(n)×", "\"klant\" gezegd \(n)×") }
    public func tallySaidASCII(_ n: Int) -> String { pick("\"klant\" said \(n)x", "\"klant\" gezegd \(n)x") }

    public var waitingHeading: String { pick("Waiting", "Wachtend") }
    public var helpersHeading: String { pick("Helped this morning", "Geholpen deze ochtend") }
    public var nobodyWaiting: String { pick("Nobody is waiting.", "Niemand wacht.") }
    public var nobodyHelpedYet: String { pick("Nobody yet.", "Nog niemand.") }
    public var nextMark: String { pick("next", "volgende") }
    public var wroteAgainShort: String { pick("wrote again", "schreef opnieuw") }
    public var unassigned: String { "-" }
    public func more(_ n: Int) -> String { pick("+\(n) more", "+\(n) meer") }

    public func storeMissing(_ path: String) -> String {
        pick("No store at \(path)", "Geen opslag in \(path)")
    }

    /// The board's line for a store that is not there: a new team's first `n` makes it.
    public func boardStoreMissing(_ path: String) -> String {
        pick("No store at \(path) yet: n adds the first customer. Expected customers? Check the store setting.",
             "Nog geen opslag in \(path): n voegt de eerste klant toe. Klanten verwacht? Kijk de instelling store na.")
    }


    /// Under the big countdown on a quiet morning: "left until 10:00 · no customers".
    public func quiet(_ deadline: ClockTime) -> String {
        pick("left until \(deadline) · ", "tot \(deadline) · ") + noCustomers
    }
}
