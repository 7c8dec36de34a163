// Every word the interactive board shows; numbers, days, ages, kinds and progress are the shared
// formatters of Words.swift, written by hand so the machine's locale never changes what a lead reads.

extension Words {

    // MARK: header

    public var appName: String { "tenboard" }
    public func leftUntil(_ left: String, to deadline: String) -> String {
        pick("\(left) to \(deadline)", "\(left) tot \(deadline)")
    }
    /// Beside the board's OVERDUE badge, so without that word again: "OVERDUE · 0:05:30 past 10:00".
    public func overdue(by late: String, after deadline: String) -> String { pick("\(late) past \(deadline)", "\(late) over tijd") }
    public func spare(_ left: String, before deadline: String) -> String {
        pick("\(left) before \(deadline)", "\(left) voor \(deadline)")
    }
    public func nextDeadline(_ day: String, _ time: String, in left: String) -> String {
        pick("next: \(day) \(time), in \(left)", "volgende: \(day) \(time), over \(left)")
    }
    public func morning(_ day: String) -> String { pick("morning \(day)", "ochtend \(day)") }
    /// The header's pace: "need 4.5/h".
    public func paceShort(_ perHour: Double) -> String {
        let number = oneDecimal(perHour)
        return pick("need \(number)/h", "\(number)/u nodig")
    }
    public func projected(_ time: String) -> String { pick("done ~\(time)", "klaar ~\(time)") }
    public func tally(_ n: Int) -> String { pick("tally \(n)", "turf \(n)") }
    public var readOnly: String { pick("read-only", "alleen lezen") }

    // MARK: list

    public var columnID: String { "ID" }
    public var columnCustomer: String { pick("CUSTOMER", "KLANT") }
    public var columnKind: String { pick("KIND", "SOORT") }
    public var columnAge: String { pick("AGE", "WACHT") }
    public var columnAssignee: String { pick("ASSIGNEE", "WIE") }
    public var columnSummary: String { pick("SUMMARY", "SAMENVATTING") }
    public func sectionEarlier(_ n: Int) -> String { pick("carried over (\(n))", "van eerder (\(n))") }
    public func sectionThisMorning(_ n: Int) -> String { pick("this morning (\(n))", "deze ochtend (\(n))") }
    public func sectionNextMorning(_ n: Int) -> String { pick("next morning (\(n))", "volgende ochtend (\(n))") }
    public func sectionWroteAgain(_ n: Int) -> String {
        pick("helped, then wrote again (\(n)): u reopens", "geholpen, daarna opnieuw geschreven (\(n)): u heropent")
    }
    public var wroteAgainMark: String { pick("wrote again after being helped", "schreef opnieuw na geholpen te zijn") }
    public func sectionHelped(_ n: Int) -> String { pick("helped this morning (\(n))", "deze ochtend geholpen (\(n))") }
    public func noMatch(_ filter: String) -> String {
        pick("Nothing matches \"\(filter)\".", "Niets past bij \"\(filter)\".")
    }
    public func filtered(_ filter: String, _ n: Int) -> String {
        pick("filter \"\(filter)\": \(n) shown · / to change", "filter \"\(filter)\": \(n) getoond · / om te wijzigen")
    }


    // MARK: detail

    public var labelCustomer: String { pick("Customer", "Klant") }
    public var labelKind: String { pick("Kind", "Soort") }
    public var labelReceived: String { pick("Received", "Ontvangen") }
    public var labelCountsFor: String { pick("Counts for", "Telt voor") }
    public var labelAssignee: String { pick("Assignee", "Toegewezen") }
    public var labelChannel: String { pick("Channel", "Kanaal") }
    public var labelStatus: String { pick("Status", "Status") }
    public var labelAction: String { pick("Action point", "Actiepunt") }
    public var labelSummary: String { pick("Summary", "Samenvatting") }
    public var labelRecordedBy: String { pick("Recorded by", "Vastgelegd door") }
    public var internalCustomer: String { pick("internal customer", "interne klant") }
    public var nobody: String { pick("nobody", "niemand") }
    public func waitingFor(_ age: String) -> String { pick("waiting \(age) so far", "wacht al \(age)") }
    public func helpedBy(_ who: String?, on day: String, at time: String, late: Bool) -> String {
        let by = who.map { pick(" by \($0)", " door \($0)") } ?? ""
        return pick("helped\(by) on \(day) at \(time)", "geholpen\(by) op \(day) om \(time)")
            + (late ? pick(" (late)", " (te laat)") : "")
    }
    public var nextMorningMark: String { pick("next morning", "volgende ochtend") }

    // MARK: keys

    public var keyMove: String { pick("move", "kies") }
    public var keyOpen: String { pick("open", "open") }
    public var keyBack: String { pick("back", "terug") }
    public var keyResolve: String { pick("resolve", "opgelost") }
    public var keyAssign: String { pick("assign", "toewijzen") }
    public var keyReopen: String { pick("reopen", "heropen") }
    public var keyNew: String { pick("new", "nieuw") }
    public var keyFilter: String { pick("filter", "filter") }
    public var keyTally: String { pick("tally", "turf") }
    public var keyHelp: String { pick("help", "hulp") }
    public var keyQuit: String { pick("quit", "stop") }
    public var keyConfirm: String { pick("confirm", "bevestig") }
    public var keyCancel: String { pick("cancel", "annuleer") }
    public var keyNextField: String { pick("next field", "volgend veld") }
    public var keyChangeKind: String { pick("kind", "soort") }
    public var keySave: String { pick("next/save", "verder/bewaar") }
    public var keyClose: String { pick("close", "sluit") }

    public var helpTitle: String { pick("Keys", "Toetsen") }
    /// The help overlay's lines: keys and what they do.
    ///
    /// - Parameters:
    ///   - up, down: the arrows, in Unicode or ASCII.
    public func helpLines(up: String, down: String) -> [(String, String)] {
        [
            ("\(up) \(down)  j k", pick("move through the customers", "door de klanten bewegen")),
            ("PgUp PgDn Home End", pick("jump", "springen")),
            ("Enter", pick("open the details of a customer", "details van een klant openen")),
            ("Esc", pick("back, cancel", "terug, annuleren")),
            ("r", pick("resolve: record the action point, then Enter", "opgelost: actiepunt noteren, dan Enter")),
            ("a", pick("assign (its assignee or your name is offered; typing replaces it)",
                       "toewijzen (de toegewezene of je eigen naam staat klaar; typen vervangt die)")),
            ("u", pick("reopen a helped or withdrawn customer", "een geholpen of ingetrokken klant heropenen")),
            ("x", pick("withdraw: a duplicate or spam, with a reason", "intrekken: dubbel of spam, met een reden")),
            ("n", pick("new issue: customer, summary, kind", "nieuw: klant, samenvatting, soort")),
            ("/", pick("filter by text (Esc clears)", "filteren op tekst (Esc wist)")),
            ("Ctrl-L", pick("redraw the screen", "scherm opnieuw tekenen")),
            ("q", pick("quit", "stoppen")),
        ]
    }
    public var helpFooter: String { pick("Any key closes this help.", "Elke toets sluit deze hulp.") }

    // MARK: prompts and form

    public func promptAction(_ id: String) -> String { pick("Action point for #\(id) (may be empty): ", "Actiepunt voor #\(id) (mag leeg): ") }
    public func promptAssign(_ id: String) -> String { pick("Assign #\(id) to (empty: nobody): ", "#\(id) toewijzen aan (leeg: niemand): ") }
    public var promptFilter: String { pick("Filter: ", "Filter: ") }
    public var formTitle: String { pick("New customer issue", "Nieuwe klantvraag") }
    public var formCustomer: String { pick("Customer", "Klant") }
    public var formSummary: String { pick("Summary", "Samenvatting") }
    public var formKind: String { pick("Kind", "Soort") }

    // MARK: notices

    public func resolved(_ id: String) -> String { pick("#\(id) resolved.", "#\(id) opgelost.") }
    public func reopened(_ id: String) -> String { pick("#\(id) reopened.", "#\(id) heropend.") }
    public func assigned(_ id: String, _ who: String?) -> String {
        guard let who else { return pick("#\(id) unassigned.", "#\(id) niet meer toegewezen.") }
        return pick("#\(id) assigned to \(who).", "#\(id) toegewezen aan \(who).")
    }
    public func added(_ id: String) -> String { pick("#\(id) added.", "#\(id) toegevoegd.") }
    public func alreadyHelped(_ id: String) -> String { pick("#\(id) is already helped.", "#\(id) is al geholpen.") }
    public func notHelped(_ id: String) -> String { pick("#\(id) is still open.", "#\(id) staat nog open.") }
    public var nothingSelected: String { pick("No customer selected.", "Geen klant gekozen.") }
    public var customerRequired: String { pick("A customer name is needed.", "Een klantnaam is nodig.") }
    public var readOnlyRefused: String { pick("This board is read-only.", "Dit bord is alleen-lezen.") }
    public var frozenRefused: String {
        pick("A board --at another time is a frozen view: changes are refused.",
             "Een bord met --at is een bevroren stand: wijzigen kan niet.")
    }
    public func withdrawn(_ id: String) -> String { pick("#\(id) withdrawn.", "#\(id) ingetrokken.") }
    public func promptWithdraw(_ id: String) -> String { pick("Withdraw #\(id), reason: ", "#\(id) intrekken, reden: ") }
    public var keyWithdraw: String { pick("withdraw", "intrekken") }
    public var storeUnreadable: String { pick("STORE UNREADABLE", "OPSLAG ONLEESBAAR") }
    public var nothingRead: String {
        pick("Nothing could be read from the store: see the message below.", "Niets kon uit de opslag gelezen worden: zie de melding onder.")
    }
    public var reasonRequired: String { pick("A reason is needed to withdraw.", "Een reden is nodig om in te trekken.") }
    /// A store that cannot be read, on the board's status line and in the wall's corner; the last
    /// good state stays on screen.
    public func storeProblem(_ message: String) -> String {
        pick("Store problem: \(message) · showing the last good state", "Probleem met de opslag: \(message) · laatste goede stand getoond")
    }
    public func actionFailed(_ message: String) -> String { pick("Not saved: \(message)", "Niet bewaard: \(message)") }

    // MARK: no terminal

    public var needsTerminal: String {
        pick("the board and the wall need a terminal: run them with stdin and stdout on a tty (ssh -t, not a pipe or cron)",
             "het bord en de muur hebben een terminal nodig: start ze met stdin en stdout op een tty (ssh -t, geen pipe of cron)")
    }
    public func unknownTerminal(_ term: String?) -> String {
        guard let term, !term.isEmpty else {
            return pick("TERM is not set; set it to your terminal's type, e.g. TERM=xterm-256color",
                        "TERM is niet gezet; zet het op het type van je terminal, bv. TERM=xterm-256color")
        }
        return pick("the terminal type TERM=\(term) is unknown here (no terminfo entry); try TERM=xterm-256color",
                    "het terminaltype TERM=\(term) is hier onbekend (geen terminfo); probeer TERM=xterm-256color")
    }

    // MARK: too small

    public var tooSmall: String { pick("Terminal too small", "Terminal te klein") }
    public func needSize(_ width: Int, _ height: Int) -> String {
        pick("need \(width)x\(height)", "nodig: \(width)x\(height)")
    }
}
