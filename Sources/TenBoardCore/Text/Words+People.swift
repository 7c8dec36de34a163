import Foundation

/// The words of the people side, both languages side by side: the tally game ("streepjes
/// trekken"), customers' praise, and who helped how many customers over a week or a month.
/// Names and customers' words are untrusted: callers pass them neutralised (`Untrusted.oneLine`).
extension Words {
    // MARK: the tally game

    /// The game in one line, for the help overlay, the README and `tenboard tally --help`.
    public var tallyGame: String {
        pick("The tally game: a mark for a colleague each time they say \"klant\" (customer) about the work; most marks in a week or month = the customer-thinker.",
             "Streepjes trekken: een streepje voor een collega telkens als die \"klant\" zegt over het werk; de meeste in een week of maand = de klantdenker.")
    }

    /// "1 mark" / "3 streepjes".
    public func marks(_ n: Int) -> String {
        n == 1 ? pick("1 mark", "1 streepje") : pick("\(n) marks", "\(n) streepjes")
    }

    /// A person without a name: marks from a store written before marks had names.
    public var noName: String { pick("(no name)", "(zonder naam)") }

    /// Tally marks as glyphs: `||||/` for each five (four bars and the fifth struck across),
    /// then single bars: "||||/ ||||/ ||" for 12.
    ///
    /// ASCII in every locale: the wall runs on a Linux console, whose fonts hold 256 or 512
    /// glyphs and which maps no character beyond U+FFFF. The counting-rod tally mark U+1D378
    /// (𝍸) is in none of Debian's 456 console fonts (console-setup-linux) and the box-drawing
    /// `╫` misses from 8; `|` and `/` are in all of them.
    public static func tallyGlyphs(_ n: Int) -> String {
        let fives = Array(repeating: "||||/", count: max(0, n) / 5)
        let rest = String(repeating: "|", count: max(0, n) % 5)
        return (fives + (rest.isEmpty ? [] : [rest])).joined(separator: " ")
    }

    /// The board's question for `t`.
    public func promptTally(last: String?) -> String {
        guard let last else { return pick("Who said \"klant\"? (Tab completes) ", "Wie zei \"klant\"? (Tab vult aan) ") }
        return pick("Who said \"klant\"? (Tab completes, Enter: \(last)) ", "Wie zei \"klant\"? (Tab vult aan, Enter: \(last)) ")
    }

    /// "Mark for Sanne: 3 today." — after `t` or `tenboard tally NAME`.
    public func tallied(_ who: String, today n: Int) -> String {
        pick("Mark for \(who): \(n) today.", "Streepje voor \(who): \(n) vandaag.")
    }

    /// After undoing a mark (`z`, `tenboard tally --undo`).
    public func untallied(_ who: String, today n: Int) -> String {
        pick("Taken back: a mark for \(who) (\(n) today).", "Teruggedraaid: een streepje voor \(who) (\(n) vandaag).")
    }

    public var nameNeeded: String { pick("A name is needed.", "Een naam is nodig.") }

    /// `tenboard tally`'s column headings.
    public var tallyColumns: (name: String, today: String, week: String, month: String) {
        (pick("name", "naam"), pick("today", "vandaag"), pick("week", "week"), pick("month", "maand"))
    }

    public var noMarksThisMonth: String { pick("No tally marks this month yet.", "Nog geen streepjes deze maand.") }

    /// The wall's tally row heading.
    public var tallyToday: String { pick("\"klant\" today:", "\"klant\" vandaag:") }

    /// "week: Ann 12" — the week's leader(s) on the wall.
    public func weekLeader(_ names: [String], _ n: Int) -> String {
        pick("week's lead: \(names.joined(separator: ", ")) \(n)", "koploper week: \(names.joined(separator: ", ")) \(n)")
    }

    /// "Customer-thinker of the week (23–29 Nov): Ann, 14 marks".
    public func thinker(_ span: DaySpan, _ names: [String], _ n: Int) -> String {
        let who = names.joined(separator: pick(" and ", " en "))
        switch span.kind {
        case .week:
            let range = "\(day(span.from)) – \(day(span.through))"
            return pick("Customer-thinker of the week (\(range)): \(who), \(marks(n))",
                        "Klantdenker van de week (\(range)): \(who), \(marks(n))")
        case .month:
            return pick("Customer-thinker of \(month(span.from.month)): \(who), \(marks(n))",
                        "Klantdenker van \(month(span.from.month)): \(who), \(marks(n))")
        }
    }

    /// "Tally game this week: Ann 5 · Bram 3".
    public func tallyWeek(_ people: String) -> String { pick("Tally game this week: \(people)", "Streepjes deze week: \(people)") }

    // MARK: praise

    /// "Bakkerij Ömer thanks Sanne: "dacht echt mee"" — on the wall, the day it was recorded.
    public func praiseLine(customer: String, who: String, text: String) -> String {
        pick("\(customer) thanks \(who): \"\(text)\"", "\(customer) bedankt \(who): \"\(text)\"")
    }

    /// "Bakkerij Ömer thanked Sanne (Mon 23 Nov): "dacht echt mee"" — in the next morning's report.
    public func thankedLine(customer: String, who: String, text: String, on day: LocalDate) -> String {
        pick("\(customer) thanked \(who) (\(self.day(day))): \"\(text)\"", "\(customer) bedankte \(who) (\(self.day(day))): \"\(text)\"")
    }

    /// The report's heading for the praise of the day(s) before.
    public var customersThanked: String { pick("Customers thanked", "Klanten bedankten") }

    /// The board's question for `p`.
    public func promptPraise(_ id: String, who: String) -> String {
        pick("Praise for \(who) (#\(id)), the customer's words: ", "Lof voor \(who) (#\(id)), de woorden van de klant: ")
    }

    public func praised(_ who: String) -> String {
        pick("Praise for \(who) recorded: on the wall today, in the next morning's report.",
             "Lof voor \(who) genoteerd: vandaag op de wall, in het rapport van de volgende ochtend.")
    }

    public func unpraised(_ who: String) -> String {
        pick("Taken back: the praise for \(who).", "Teruggedraaid: de lof voor \(who).")
    }

    public func noHelperToPraise(_ id: String) -> String {
        pick("#\(id) has no helper yet: praise goes to whoever helped (resolve it first).",
             "#\(id) heeft nog geen helper: lof gaat naar wie hielp (eerst oplossen).")
    }

    public var praiseWordsNeeded: String { pick("The customer's words are needed.", "De woorden van de klant zijn nodig.") }

    // MARK: who helped how many

    /// "Helped this week" / "Deze week geholpen".
    public var helpedThisWeek: String { pick("Helped this week", "Deze week geholpen") }

    /// "This week: Ann 12 · Bram 8" and the month's, for the report.
    public func helpedIn(_ kind: DaySpan.Kind, _ people: String) -> String {
        switch kind {
        case .week: pick("This week: \(people)", "Deze week: \(people)")
        case .month: pick("This month: \(people)", "Deze maand: \(people)")
        }
    }

    /// "Ann 12 · Bram 8": people and counts in one line.
    public func countsLine(_ people: [(name: String, count: Int)]) -> String {
        people.map { "\($0.name) \($0.count)" }.joined(separator: " · ")
    }

    // MARK: help overlay

    /// The board's help lines for `t` and `p`, and the game in one sentence (which the help
    /// overlay wraps beside the keys).
    public var peopleHelpLines: [(String, String)] {
        [
            // Each at most 55 cells: the room beside the keys on an 80-column screen.
            ("t", pick("mark who said \"klant\" (Tab completes, Enter: same name)",
                       "streepje: wie zei \"klant\"? Tab vult aan, Enter: vorige")),
            ("p", pick("praise for the helper: type the customer's words",
                       "lof voor wie hielp: typ de woorden van de klant")),
            ("", tallyGame),
        ]
    }
}
