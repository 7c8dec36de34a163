import Foundation

/// Every user-facing string of the morning report and of sending it, in English and Dutch.
///
/// Kept together so they can be merged into one catalogue; the arguments are already
/// sanitised and formatted (`time` is `10:00`, `date` is `Tuesday 24 November 2026`).
public enum ReportText {
    // MARK: Calendar words

    static func weekday(_ l: Language, _ day: Weekday) -> String {
        let index = day.calendarNumber - 1
        switch l {
        case .en: return ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][index]
        case .nl: return ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"][index]
        }
    }

    static func month(_ l: Language, _ month: Int) -> String {
        switch l {
        case .en: return ["January", "February", "March", "April", "May", "June", "July", "August",
                          "September", "October", "November", "December"][month - 1]
        case .nl: return ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                          "september", "oktober", "november", "december"][month - 1]
        }
    }

    /// `Tuesday 24 November 2026` / `dinsdag 24 november 2026`.
    static func longDate(_ l: Language, _ d: LocalDate) -> String {
        "\(weekday(l, d.weekday)) \(d.day) \(month(l, d.month)) \(d.year)"
    }

    /// `Tue 24 Nov 2026` / `di 24 nov 2026`, for the subject.
    static func shortDate(_ l: Language, _ d: LocalDate) -> String {
        "\(weekday(l, d.weekday).prefix(l == .en ? 3 : 2)) \(d.day) \(month(l, d.month).prefix(3)) \(d.year)"
    }

    /// `45 min`, `2 h 05 min`, `3 d 4 h` (Dutch `u` for hours).
    static func duration(_ l: Language, seconds: Int) -> String {
        let minutes = max(0, seconds) / 60
        let h = l == .en ? "h" : "u"
        if minutes < 60 { return "\(minutes) min" }
        if minutes < 24 * 60 { return "\(minutes / 60) \(h) \(String(format: "%02d", minutes % 60)) min" }
        return "\(minutes / 1440) d \(minutes % 1440 / 60) \(h)"
    }

    static func kind(_ l: Language, _ kind: IssueKind, count: Int) -> String {
        let one = count == 1
        switch (l, kind) {
        case (.en, .question): return one ? "question" : "questions"
        case (.en, .problem): return one ? "problem" : "problems"
        case (.en, .complaint): return one ? "complaint" : "complaints"
        case (.en, .bug): return one ? "bug" : "bugs"
        case (.nl, .question): return one ? "vraag" : "vragen"
        case (.nl, .problem): return one ? "probleem" : "problemen"
        case (.nl, .complaint): return one ? "klacht" : "klachten"
        case (.nl, .bug): return one ? "bug" : "bugs"
        }
    }

    static func customers(_ l: Language, _ n: Int) -> String {
        switch l {
        case .en: n == 1 ? "1 customer" : "\(n) customers"
        case .nl: n == 1 ? "1 klant" : "\(n) klanten"
        }
    }

    // MARK: Subject and first line

    static func subject(_ l: Language, outcome: Bool?, helped: Int, total: Int, time: String, date: String) -> String {
        switch (l, outcome) {
        case (.en, true?) where total == 0: "Goal met: no customers needed help (\(date))"
        case (.nl, true?) where total == 0: "Doel gehaald: geen klanten hadden hulp nodig (\(date))"
        case (.en, true?): "Goal met: \(helped) of \(total) customers helped before \(time) (\(date))"
        case (.en, false?): "Goal missed: \(helped) of \(total) customers helped before \(time) (\(date))"
        case (.en, nil): "Goal not met yet: \(helped) of \(total) customers helped so far (\(date))"
        case (.nl, true?): "Doel gehaald: \(helped) van \(total) klanten voor \(time) geholpen (\(date))"
        case (.nl, false?): "Doel niet gehaald: \(helped) van \(total) klanten voor \(time) geholpen (\(date))"
        case (.nl, nil): "Doel nog niet gehaald: \(helped) van \(total) klanten tot nu toe geholpen (\(date))"
        }
    }

    static func headline(_ l: Language, outcome: Bool?, total: Int, waiting: Int, late: Int, time: String, left: String) -> String {
        switch (l, outcome) {
        case (.en, true?) where total == 0: return "GOAL MET: no customers needed help this morning."
        case (.nl, true?) where total == 0: return "DOEL GEHAALD: geen klanten hadden deze ochtend hulp nodig."
        case (.en, true?): return "GOAL MET: all \(customers(l, total)) were helped before \(time)."
        case (.nl, true?): return "DOEL GEHAALD: alle \(customers(l, total)) zijn voor \(time) geholpen."
        case (.en, false?): return "GOAL MISSED: \(waiting) still waiting, \(late) helped after \(time)."
        case (.nl, false?): return "DOEL NIET GEHAALD: \(waiting) wachten nog, \(late) na \(time) geholpen."
        case (.en, nil): return "GOAL NOT MET YET: \(customers(l, waiting)) still waiting, \(left) to \(time)."
        case (.nl, nil): return "DOEL NOG NIET GEHAALD: \(customers(l, waiting)) wachten nog, nog \(left) tot \(time)."
        }
    }

    static func title(_ l: Language, date: String) -> String {
        l == .en ? "Morning report of \(date)" : "Ochtendrapport van \(date)"
    }

    // MARK: Sections

    static func received(_ l: Language, total: Int, parts: [String]) -> String {
        let list = parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")
        return l == .en ? "Received: \(customers(l, total))\(list)." : "Binnengekomen: \(customers(l, total))\(list)."
    }

    static func tally(_ l: Language, helped: Int, late: Int, waiting: Int, time: String) -> String {
        l == .en
            ? "Helped before \(time): \(helped). Helped late: \(late). Still waiting: \(waiting)."
            : "Voor \(time) geholpen: \(helped). Te laat geholpen: \(late). Wachten nog: \(waiting)."
    }

    static func streak(_ l: Language, _ n: Int) -> String {
        switch (l, n) {
        case (.en, 0): "Streak: none yet; the next morning met starts one."
        case (.en, 1): "Streak: 1 morning with every customer helped in time."
        case (.en, _): "Streak: \(n) mornings in a row with every customer helped in time."
        case (.nl, 0): "Reeks: nog geen; de volgende geslaagde ochtend begint er een."
        case (.nl, 1): "Reeks: 1 ochtend met alle klanten op tijd geholpen."
        case (.nl, _): "Reeks: \(n) ochtenden op rij met alle klanten op tijd geholpen."
        }
    }

    static func waitingHeading(_ l: Language) -> String { l == .en ? "Still waiting" : "Wachten nog" }
    static func lateHeading(_ l: Language, time: String) -> String { l == .en ? "Helped after \(time)" : "Na \(time) geholpen" }
    static func helpedHeading(_ l: Language, time: String) -> String { l == .en ? "Helped before \(time)" : "Voor \(time) geholpen" }
    static func actionsHeading(_ l: Language) -> String { l == .en ? "Action points, so it does not happen again" : "Actiepunten, zodat het niet weer gebeurt" }
    static func helpersHeading(_ l: Language) -> String { l == .en ? "Who helped how many customers" : "Wie hielp hoeveel klanten" }
    static func noActions(_ l: Language) -> String { l == .en ? "No action points were recorded." : "Er zijn geen actiepunten vastgelegd." }
    static func nobodyHelped(_ l: Language) -> String { l == .en ? "Nobody has helped a customer yet." : "Nog niemand heeft een klant geholpen." }
    static func unknownPerson(_ l: Language) -> String { l == .en ? "(not recorded)" : "(niet vastgelegd)" }

    /// `problem, waiting 18 h 20 min, assigned to Bob` / `probleem, wacht 18 u 20 min, bij Bob`.
    static func waitingDetail(_ l: Language, kind: String, age: String, assignee: String?) -> String {
        switch l {
        case .en: "\(kind), waiting \(age), " + (assignee.map { "assigned to \($0)" } ?? "not assigned")
        case .nl: "\(kind), wacht \(age), " + (assignee.map { "toegewezen aan \($0)" } ?? "niet toegewezen")
        }
    }

    /// `question, helped after 2 h 15 min by Ann`.
    static func helpedDetail(_ l: Language, kind: String, age: String, by: String?) -> String {
        switch l {
        case .en: "\(kind), helped after \(age)" + (by.map { " by \($0)" } ?? "")
        case .nl: "\(kind), geholpen na \(age)" + (by.map { " door \($0)" } ?? "")
        }
    }

    static func actionDetail(_ l: Language, customer: String, by: String?) -> String {
        "(\(customer)" + (by.map { ", \($0)" } ?? "") + ")"
    }

    static func footer(_ l: Language, asOf: String, zone: String) -> String {
        l == .en ? "Sent by tenboard; situation at \(asOf) (\(zone))." : "Verstuurd door tenboard; stand van \(asOf) (\(zone))."
    }

    // MARK: Sending (stderr of `tenboard summary --send`)

    static func sent(_ l: Language, morning: LocalDate, recipients: Int, messageID: String) -> String {
        l == .en
            ? "Sent the report of \(morning) to \(recipients) recipient(s), Message-ID <\(messageID)>."
            : "Rapport van \(morning) verstuurd naar \(recipients) ontvanger(s), Message-ID <\(messageID)>."
    }

    static func alreadySent(_ l: Language, morning: LocalDate, at: String, messageID: String) -> String {
        l == .en
            ? "The report of \(morning) was already sent at \(at) (Message-ID <\(messageID)>); nothing sent. Use --force to send it again."
            : "Het rapport van \(morning) is al verstuurd om \(at) (Message-ID <\(messageID)>); niets verstuurd. Gebruik --force om het opnieuw te sturen."
    }

    static func notSent(_ l: Language, morning: LocalDate, reason: String, file: String) -> String {
        l == .en
            ? "The report of \(morning) was NOT sent: \(reason). It is kept in \(file); the next 'tenboard summary --send' or 'tenboard summary --retry' sends it."
            : "Het rapport van \(morning) is NIET verstuurd: \(reason). Het staat in \(file); de volgende 'tenboard summary --send' of 'tenboard summary --retry' verstuurt het."
    }

    static func interrupted(_ l: Language, morning: LocalDate) -> String {
        l == .en
            ? "An earlier attempt to send the report of \(morning) was interrupted; it was sent again with the same Message-ID, so directors may see it twice."
            : "Een eerdere poging om het rapport van \(morning) te versturen werd onderbroken; het is opnieuw verstuurd met dezelfde Message-ID, dus directeuren kunnen het twee keer zien."
    }

    static func nothingPending(_ l: Language) -> String {
        l == .en ? "No reports are waiting to be sent." : "Er wachten geen rapporten op verzending."
    }

    /// The board's notice: `1 morning report not sent yet (2026-11-24): run tenboard summary --retry`.
    public static func pendingNotice(_ l: Language, mornings: [LocalDate]) -> String {
        let list = mornings.map(\.description).joined(separator: ", ")
        switch l {
        case .en: return "\(mornings.count) morning report\(mornings.count == 1 ? "" : "s") not sent yet (\(list)): run tenboard summary --retry"
        case .nl: return "\(mornings.count) ochtendrapport\(mornings.count == 1 ? "" : "en") nog niet verstuurd (\(list)): voer tenboard summary --retry uit"
        }
    }

    static func missingSender(_ l: Language) -> String {
        l == .en
            ? "no sender is configured for the morning report ('sender' in the config file or TENBOARD_SENDER)"
            : "er is geen afzender ingesteld voor het ochtendrapport ('sender' in het configuratiebestand of TENBOARD_SENDER)"
    }

    static func missingDirectors(_ l: Language) -> String {
        l == .en
            ? "no directors are configured to receive the morning report ('directors' in the config file or TENBOARD_DIRECTORS)"
            : "er zijn geen directeuren ingesteld die het ochtendrapport ontvangen ('directors' in het configuratiebestand of TENBOARD_DIRECTORS)"
    }

    static func invalidAddress(_ l: Language, _ text: String, _ problem: String) -> String {
        l == .en ? "invalid mail configuration: \(problem) ('\(text)')" : "ongeldige mailinstelling: \(problem) ('\(text)')"
    }
}
