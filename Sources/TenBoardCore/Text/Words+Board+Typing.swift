// The board's words for typing and correcting (issue 11): the resolve prompt's "helped by", the
// full form, edit, undo, paste and locale notices.

extension Words {

    // MARK: resolve prompt

    public var promptHelpedBy: String { pick("Helped by: ", "Geholpen door: ") }
    public var promptSwitchHint: String { pick("Tab switches", "Tab wisselt") }

    // MARK: form

    public var formEditTitle: String { pick("Correct issue", "Klantvraag corrigeren") }
    public func formEditTitle(_ id: String) -> String { pick("Correct #\(id)", "#\(id) corrigeren") }
    public var formReceived: String { pick("Received", "Ontvangen") }
    public var formAssignee: String { pick("Assignee", "Toegewezen") }
    public var formChannel: String { pick("Channel", "Kanaal") }
    public var formInternal: String { pick("Internal", "Intern") }
    public var formNow: String { pick("now (or 07:50)", "nu (of 07:50)") }
    public var confirmDiscard: String {
        pick("Throw away what you typed? y = yes, other key = go on", "Wat je typte weggooien? j = ja, andere toets = verder")
    }
    public var keyComplete: String { pick("complete", "aanvullen") }

    // MARK: notices

    /// After `n`: which morning the new issue counts for, and why when it is not today's.
    ///
    /// - Parameters:
    ///   - day: the morning, as `Words.day` writes it.
    ///   - cutoff: the cut-off it came after, when that is the reason (`"08:00"`), else `nil`.
    public func added(_ id: String, countsFor day: String, afterCutoff cutoff: String?) -> String {
        let reason = cutoff.map { pick(", after the \($0) cut-off", ", na de grens van \($0)") } ?? ""
        return pick("#\(id) added · counts for \(day)\(reason)", "#\(id) toegevoegd · telt voor \(day)\(reason)")
    }
    /// The resolve that another lead beat: said in the board's words (the `u` key, a local time).
    public func resolvedMeanwhile(_ id: String, by who: String, at time: String) -> String {
        pick("Not saved: #\(id) was resolved meanwhile by \(who) at \(time). Esc drops your text; u reopens it.",
            "Niet bewaard: #\(id) is intussen opgelost door \(who) om \(time). Esc gooit je tekst weg; u heropent.")
    }
    /// The assign that another lead beat: what the issue is now. Enter again assigns it anyway.
    ///
    /// - Parameters:
    ///   - resolvedBy: who resolved it meanwhile, with `at` (a local time); `nil` when it is open.
    ///   - assignee: whom it is assigned to now, `nil` for nobody.
    public func assignedMeanwhile(_ id: String, resolvedBy: String?, at time: String?, assignee: String?) -> String {
        let what = if let resolvedBy, let time {
            pick("#\(id) was resolved meanwhile by \(resolvedBy) at \(time)", "#\(id) is intussen opgelost door \(resolvedBy) om \(time)")
        } else if let assignee {
            pick("#\(id) was changed meanwhile, it is now assigned to \(assignee)", "#\(id) is intussen gewijzigd, nu toegewezen aan \(assignee)")
        } else {
            pick("#\(id) was changed meanwhile, it is now assigned to nobody", "#\(id) is intussen gewijzigd, nu aan niemand toegewezen")
        }
        return pick("Not saved: \(what). Enter assigns it anyway; Esc cancels.", "Niet bewaard: \(what). Enter wijst toch toe; Esc annuleert.")
    }
    /// The correction that another lead beat: the form stays open with their change and yours.
    public func editedMeanwhile(_ id: String) -> String {
        pick("Not saved: #\(id) was changed by someone else meanwhile. The form now shows their change with your corrections: Enter saves them, Esc cancels.",
             "Niet bewaard: #\(id) is intussen door iemand anders gewijzigd. Het formulier toont nu die wijziging met jouw correcties: Enter bewaart ze, Esc annuleert.")
    }
    public func edited(_ id: String) -> String { pick("#\(id) corrected.", "#\(id) gecorrigeerd.") }
    public func unchanged(_ id: String) -> String { pick("#\(id): nothing changed.", "#\(id): niets gewijzigd.") }
    public func badTime(_ field: String, _ problem: String) -> String { "\(field): \(problem)" }
    public var undecodableKey: String {
        pick("A typed character is not UTF-8 and was refused; set LANG=C.UTF-8 (or your UTF-8 locale) to type it.",
            "Een getypt teken is geen UTF-8 en is geweigerd; zet LANG=C.UTF-8 (of je UTF-8-locale) om het te typen.")
    }

    // MARK: undo

    public var nothingToUndo: String { pick("Nothing to undo.", "Niets om terug te draaien.") }
    public func undidResolve(_ id: String) -> String { pick("Undone: #\(id) is open again.", "Teruggedraaid: #\(id) staat weer open.") }
    public func undidReopen(_ id: String) -> String { pick("Undone: #\(id) is helped again.", "Teruggedraaid: #\(id) is weer geholpen.") }
    public func undidAssign(_ id: String) -> String { pick("Undone: the assignment of #\(id).", "Teruggedraaid: de toewijzing van #\(id).") }
    public func undidEdit(_ id: String) -> String { pick("Undone: the correction of #\(id).", "Teruggedraaid: de correctie van #\(id).") }
    public func undidAdd(_ id: String) -> String {
        pick("Undone: #\(id) is withdrawn (it stays in the history).", "Teruggedraaid: #\(id) is ingetrokken (het blijft in de geschiedenis).")
    }
    public var undoneAddReason: String { pick("added by mistake (undone on the board)", "per vergissing toegevoegd (teruggedraaid op het bord)") }
    public func undidWithdraw(_ id: String) -> String { pick("Undone: #\(id) is back.", "Teruggedraaid: #\(id) is terug.") }
    public func changedSince(_ id: String) -> String {
        pick("#\(id) was changed since; correct it with e.", "#\(id) is intussen gewijzigd; corrigeer het met e.")
    }
    public func undoFailed(_ message: String) -> String { pick("Not undone: \(message)", "Niet teruggedraaid: \(message)") }

    // MARK: keys

    public var keyEdit: String { pick("edit", "wijzig") }
    public var keyUndo: String { pick("undo", "terug") }
    public var keyScroll: String { pick("scroll", "scrol") }
    /// The help's last line when it scrolls: the arrows scroll, so not every key closes it.
    public var helpFooterScrolling: String { pick("other keys close", "andere toetsen sluiten") }

    /// Help lines for the keys of this part of the board.
    public var helpLinesTyping: [(String, String)] {
        [
            ("e", pick("correct the selected issue (the same form)", "de gekozen klantvraag corrigeren (zelfde formulier)")),
            ("z", pick("undo your own last change", "je eigen laatste wijziging terugdraaien")),
            ("Home End ^A ^E", pick("in a field: to its start or end (also the arrow keys)",
                                   "in een veld: naar begin of eind (ook de pijltjes)")),
            ("Del ^K ^W ^U", pick("in a field: delete a character, to the end, a word, to the start",
                                 "in een veld: wis een teken, tot het eind, een woord, tot het begin")),
        ]
    }
}

extension Words {
    // MARK: set-up (the help overlay's second part)

    public var setupStore: String { language == .en ? "store" : "opslag" }
    public var setupConfig: String { language == .en ? "config" : "instellingen" }
    public var setupNoConfig: String { language == .en ? "(none: defaults and TENBOARD_*)" : "(geen: standaard en TENBOARD_*)" }
    public var setupZone: String { language == .en ? "zone" : "tijdzone" }
    public var setupCutoff: String { language == .en ? "cut-off" : "grens" }
    public var setupDeadline: String { "deadline" }
    public var setupVersion: String { "version" }
}
