import Foundation

/// Every user-facing string of the morning report and of sending it, in English and Dutch.
///
/// Kept together so they can be merged into one catalogue; the arguments are already
/// sanitised and formatted (`time` is `10:00`, `date` is `Tuesday 24 November 2026`).
public enum ReportText {
    // MARK: Calendar words (the shared formatters of `Words`)

    /// `Tuesday 24 November 2026` / `dinsdag 24 november 2026`.
    static func longDate(_ l: Language, _ d: LocalDate) -> String { Words(l).longDay(d) }

    /// `Tue 24 Nov 2026` / `di 24 nov 2026`, for the subject.
    static func shortDate(_ l: Language, _ d: LocalDate) -> String { Words(l).dayWithYear(d) }

    /// `45m`, `2h 05m`, `3d 4h` (Dutch `u` for hours): see `Words.age`.
    static func duration(_ l: Language, seconds: Int) -> String { Words(l).age(seconds: seconds) }

    static func kind(_ l: Language, _ kind: IssueKind, count: Int) -> String { Words(l).kind(kind, count: count) }

    static func customers(_ l: Language, _ n: Int) -> String { Words(l).customers(n) }

    // MARK: Subject and first line

    static func subject(_ l: Language, verdict: MorningVerdict, helped: Int, total: Int, time: String, date: String) -> String {
        switch (l, verdict) {
        case (.en, .quiet): "No customers needed help (\(date))"
        case (.nl, .quiet): "Geen klanten hadden hulp nodig (\(date))"
        case (.en, .met): "Goal met: \(helped) of \(total) customers helped before \(time) (\(date))"
        case (.en, .missed): "Goal missed: \(helped) of \(total) customers helped before \(time) (\(date))"
        case (.en, .pending): "Goal not met yet: \(helped) of \(total) customers helped so far (\(date))"
        case (.nl, .met): "Doel gehaald: \(helped) van \(total) klanten voor \(time) geholpen (\(date))"
        case (.nl, .missed): "Doel niet gehaald: \(helped) van \(total) klanten voor \(time) geholpen (\(date))"
        case (.nl, .pending): "Doel nog niet gehaald: \(helped) van \(total) klanten tot nu toe geholpen (\(date))"
        }
    }

    /// The mark in front of an interim report's subject and first line.
    static func interim(_ l: Language) -> String {
        l == .en ? "INTERIM (not the morning's report): " : "TUSSENSTAND (niet het ochtendrapport): "
    }

    static func headline(_ l: Language, verdict: MorningVerdict, total: Int, waiting: Int, late: Int, time: String, left: String) -> String {
        switch (l, verdict) {
        case (.en, .quiet): return "NO CUSTOMERS: nobody needed help this morning."
        case (.nl, .quiet): return "GEEN KLANTEN: niemand had deze ochtend hulp nodig."
        case (.en, .met): return "GOAL MET: all \(customers(l, total)) were helped before \(time)."
        case (.nl, .met): return "DOEL GEHAALD: alle \(customers(l, total)) zijn voor \(time) geholpen."
        case (.en, .missed): return "GOAL MISSED: \(waiting) still waiting, \(late) helped after \(time)."
        case (.nl, .missed): return "DOEL NIET GEHAALD: \(waiting) wachten nog, \(late) na \(time) geholpen."
        case (.en, .pending): return "GOAL NOT MET YET: \(customers(l, waiting)) still waiting, \(left) to \(time)."
        case (.nl, .pending): return "DOEL NOG NIET GEHAALD: \(customers(l, waiting)) wachten nog, nog \(left) tot \(time)."
        }
    }

    static func title(_ l: Language, date: String) -> String {
        l == .en ? "Morning report of \(date)" : "Ochtendrapport van \(date)"
    }

    // MARK: Sections

    static func received(_ l: Language, total: Int, parts: [String], carriedOver: Int) -> String {
        let list = parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")
        let carried = carriedOver == 0 ? "" : l == .en ? " (\(carriedOver) carried over from earlier mornings)"
            : " (\(carriedOver) van eerdere ochtenden)"
        return l == .en ? "Customers: \(customers(l, total))\(carried)\(list)."
            : "Klanten: \(customers(l, total))\(carried)\(list)."
    }

    /// `Withdrawn, not counted: #4 Foo (duplicate)`.
    static func withdrawn(_ l: Language, _ items: [String]) -> String {
        (l == .en ? "Withdrawn, not counted: " : "Ingetrokken, telt niet mee: ") + items.joined(separator: "; ") + "."
    }

    /// `2 of 10 helped without an action point.`
    static func withoutAction(_ l: Language, _ n: Int, of total: Int) -> String {
        l == .en ? "\(n) of \(total) helped without an action point." : "\(n) van \(total) geholpen zonder actiepunt."
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

    /// `problem, waiting 18h 20m, assigned to Bob, missed Fri 27 Nov`.
    static func waitingDetail(_ l: Language, kind: String, age: String, assignee: String?, missed: String?) -> String {
        let base: String = switch l {
        case .en: "\(kind), waiting \(age), " + (assignee.map { "assigned to \($0)" } ?? "not assigned")
        case .nl: "\(kind), wacht \(age), " + (assignee.map { "toegewezen aan \($0)" } ?? "niet toegewezen")
        }
        return base + (missed.map { ", \($0)" } ?? "")
    }

    /// `question, waited 2h 15m, helped at 09:40 by Ann` (late: `…, helped Mon 10:25, 25m late, by Ann`).
    static func helpedDetail(_ l: Language, kind: String, age: String, when: String, late: String?, by: String?,
                             missed: String?) -> String {
        let words = Words(l)
        var parts = [kind, words.waited(age)]
        parts.append((l == .en ? "helped \(when)" : "geholpen \(when)") + (by.map { l == .en ? " by \($0)" : " door \($0)" } ?? ""))
        if let late { parts.append(l == .en ? "\(late) late" : "\(late) te laat") }
        if let missed { parts.append(missed) }
        return parts.joined(separator: ", ")
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
