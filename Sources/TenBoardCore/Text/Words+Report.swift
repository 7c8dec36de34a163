import Foundation

// Every word of the morning report and of sending it. The arguments are already sanitised and
// formatted (`time` is `10:00`, `date` is `Tuesday 24 November 2026`); days, ages, kinds and
// "N customers" are the shared formatters of Words.swift.

extension Words {
    // MARK: Subject and first line

    public func subject(verdict: MorningVerdict, helped: Int, total: Int, time: String, date: String) -> String {
        switch (language, verdict) {
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
    public var interimMark: String {
        pick("INTERIM (not the morning's report): ", "TUSSENSTAND (niet het ochtendrapport): ")
    }

    public func headline(verdict: MorningVerdict, total: Int, waiting: Int, late: Int, time: String, left: String) -> String {
        switch (language, verdict) {
        case (.en, .quiet): return "NO CUSTOMERS: nobody needed help this morning."
        case (.nl, .quiet): return "GEEN KLANTEN: niemand had deze ochtend hulp nodig."
        case (.en, .met): return "GOAL MET: all \(customers(total)) were helped before \(time)."
        case (.nl, .met): return "DOEL GEHAALD: alle \(customers(total)) zijn voor \(time) geholpen."
        case (_, .missed):
            // What went wrong, leaving out a part that is zero ("0 helped after 10:00").
            let parts = [
                waiting == 0 ? nil : pick("\(waiting) still waiting", waiting == 1 ? "1 wacht nog" : "\(waiting) wachten nog"),
                late == 0 ? nil : pick("\(late) helped after \(time)", "\(late) na \(time) geholpen"),
            ].compactMap { $0 }
            return pick("GOAL MISSED", "DOEL NIET GEHAALD") + (parts.isEmpty ? "." : ": " + parts.joined(separator: ", ") + ".")
        case (.en, .pending): return "GOAL NOT MET YET: \(customers(waiting)) still waiting, \(left) to \(time)."
        case (.nl, .pending): return "DOEL NOG NIET GEHAALD: \(customers(waiting)) wachten nog, nog \(left) tot \(time)."
        }
    }

    public func reportTitle(date: String) -> String {
        pick("Morning report of \(date)", "Ochtendrapport van \(date)")
    }

    // MARK: Sections

    /// The customers by kind, under the key figures (which give their total and the carried
    /// over): "By kind: 1 question, 2 problems." - Parameter parts: "1 question", ….
    public func byKindLine(_ parts: [String]) -> String {
        pick("By kind: ", "Per soort: ") + parts.joined(separator: ", ") + "."
    }

    /// `Withdrawn, not counted: #4 Foo (duplicate)`.
    public func withdrawnLine(_ items: [String]) -> String {
        (pick("Withdrawn, not counted: ", "Ingetrokken, telt niet mee: ")) + items.joined(separator: "; ") + "."
    }

    /// `2 of 10 helped without an action point.`
    public func withoutAction(_ n: Int, of total: Int) -> String {
        pick("\(n) of \(total) helped without an action point.", "\(n) van \(total) geholpen zonder actiepunt.")
    }

    /// What the streak figure means, under its value: said once, there.
    public func streakNote(_ n: Int) -> String {
        switch n {
        case 0: pick("the next morning met starts one", "de volgende gehaalde ochtend begint er een")
        case 1: pick("morning met", "ochtend gehaald")
        default: pick("mornings in a row met", "ochtenden op rij gehaald")
        }
    }

    public var stillWaitingHeading: String { pick("Still waiting", "Wachten nog") }
    public func lateHeading(time: String) -> String { pick("Helped after \(time)", "Na \(time) geholpen") }
    public func helpedHeading(time: String) -> String { pick("Helped before \(time)", "Voor \(time) geholpen") }
    public var actionsHeading: String { pick("Action points, so it does not happen again", "Actiepunten, zodat het niet weer gebeurt") }
    public var whoHelpedHeading: String { pick("Who helped how many customers", "Wie hielp hoeveel klanten") }
    public var noActions: String { pick("No action points were recorded.", "Er zijn geen actiepunten vastgelegd.") }
    public var nobodyHelped: String { pick("Nobody has helped a customer yet.", "Nog niemand heeft een klant geholpen.") }
    public var unknownPerson: String { pick("(not recorded)", "(niet vastgelegd)") }

    /// `problem, waiting 18h 20m, assigned to Bob, missed Fri 27 Nov`.
    public func waitingDetail(kind: String, age: String, assignee: String?, missed: String?) -> String {
        let base: String = switch language {
        case .en: "\(kind), waiting \(age), " + (assignee.map { "assigned to \($0)" } ?? "not assigned")
        case .nl: "\(kind), wacht \(age), " + (assignee.map { "toegewezen aan \($0)" } ?? "niet toegewezen")
        }
        return base + (missed.map { ", \($0)" } ?? "")
    }

    /// `question, waited 2h 15m, helped at 09:40 by Ann` (late: `…, helped Mon 10:25, 25m late, by Ann`).
    public func helpedDetail(kind: String, age: String, when: String, late: String?, by: String?,
                             missed: String?) -> String {
        let words = self
        var parts = [kind, words.waited(age)]
        parts.append((pick("helped \(when)", "geholpen \(when)")) + (by.map { pick(" by \($0)", " door \($0)") } ?? ""))
        if let late { parts.append(pick("\(late) late", "\(late) te laat")) }
        if let missed { parts.append(missed) }
        return parts.joined(separator: ", ")
    }

    public func actionDetail(customer: String, by: String?) -> String {
        "(\(customer)" + (by.map { ", \($0)" } ?? "") + ")"
    }

    public func footer(asOf: String, zone: String) -> String {
        pick("Sent by tenboard; situation at \(asOf) (\(zone)).", "Verstuurd door tenboard; stand van \(asOf) (\(zone)).")
    }

    // MARK: Sending (stderr of `tenboard summary --send`)

    public func sent(morning: LocalDate, recipients: Int, messageID: String) -> String {
        pick("Sent the report of \(morning) to \(recipients) recipient(s), Message-ID <\(messageID)>.", "Rapport van \(morning) verstuurd naar \(recipients) ontvanger(s), Message-ID <\(messageID)>.")
    }

    public func alreadySent(morning: LocalDate, at: String, messageID: String) -> String {
        pick("The report of \(morning) was already sent at \(at) (Message-ID <\(messageID)>); nothing sent. Use --force to send it again.", "Het rapport van \(morning) is al verstuurd om \(at) (Message-ID <\(messageID)>); niets verstuurd. Gebruik --force om het opnieuw te sturen.")
    }

    public func notSent(morning: LocalDate, reason: String, file: String) -> String {
        pick("The report of \(morning) was NOT sent: \(reason). It is kept in \(file); the next 'tenboard summary --send' or 'tenboard summary --retry' sends it.", "Het rapport van \(morning) is NIET verstuurd: \(reason). Het staat in \(file); de volgende 'tenboard summary --send' of 'tenboard summary --retry' verstuurt het.")
    }

    public func interrupted(morning: LocalDate) -> String {
        pick("An earlier attempt to send the report of \(morning) was interrupted; it was sent again with the same Message-ID, so directors may see it twice.", "Een eerdere poging om het rapport van \(morning) te versturen werd onderbroken; het is opnieuw verstuurd met dezelfde Message-ID, dus directeuren kunnen het twee keer zien.")
    }

    public var nothingPending: String {
        pick("No reports are waiting to be sent.", "Er wachten geen rapporten op verzending.")
    }

    /// The board's notice: `1 morning report not sent yet (2026-11-24): run tenboard summary --retry`.
    public func pendingNotice(mornings: [LocalDate]) -> String {
        let list = mornings.map(\.description).joined(separator: ", ")
        switch language {
        case .en: return "\(mornings.count) morning report\(mornings.count == 1 ? "" : "s") not sent yet (\(list)): run tenboard summary --retry"
        case .nl: return "\(mornings.count) ochtendrapport\(mornings.count == 1 ? "" : "en") nog niet verstuurd (\(list)): voer tenboard summary --retry uit"
        }
    }

    public var missingSender: String {
        pick("no sender is configured for the morning report ('sender' in the config file or TENBOARD_SENDER)", "er is geen afzender ingesteld voor het ochtendrapport ('sender' in het configuratiebestand of TENBOARD_SENDER)")
    }

    public var missingDirectors: String {
        pick("no directors are configured to receive the morning report ('directors' in the config file or TENBOARD_DIRECTORS)", "er zijn geen directeuren ingesteld die het ochtendrapport ontvangen ('directors' in het configuratiebestand of TENBOARD_DIRECTORS)")
    }

    public func invalidAddress(_ text: String, _ problem: String) -> String {
        pick("invalid mail configuration: \(problem) ('\(text)')", "ongeldige mailinstelling: \(problem) ('\(text)')")
    }
}
